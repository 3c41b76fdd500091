using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Internal
{
    /// <summary>
    /// The typed call every resource client makes: a route relative to Heat's endpoint, the envelope the route
    /// promises (<c>stack</c>, <c>stacks</c> ...), and the model it holds. A body without that envelope, or with a value
    /// of the wrong shape, is a <see cref="HeatInvalidResponseException"/>, never an empty or half-filled result.
    /// </summary>
    internal sealed class HeatApi
    {
        public HeatApi(HeatSession session, Action<string>? trace)
        {
            Session = session;
            Trace = trace;
        }

        public HeatSession Session { get; }

        public Action<string>? Trace { get; }

        public Task<HeatResponse> SendAsync(HttpMethod method, string route, JToken? body, CancellationToken cancellationToken,
            bool? idempotent = null, bool followRedirects = true, Http.ResponseBody expect = Http.ResponseBody.Json) =>
            Session.SendAsync(method, Session.HeatUri(route), body, Trace, cancellationToken, followRedirects, idempotent, expect: expect);

        /// <summary>GET a route and read the object under <paramref name="envelope"/> as a <typeparamref name="T"/>.</summary>
        public async Task<T> GetAsync<T>(string route, string envelope, CancellationToken cancellationToken) where T : class
        {
            var response = await SendAsync(HttpMethod.Get, route, null, cancellationToken).ConfigureAwait(false);
            return Read<T>(response, response.Object(envelope));
        }

        /// <summary>GET a route and read each item of the list under <paramref name="envelope"/>.</summary>
        public async Task<List<T>> GetListAsync<T>(string route, string envelope, CancellationToken cancellationToken) where T : class
        {
            var response = await SendAsync(HttpMethod.Get, route, null, cancellationToken).ConfigureAwait(false);
            return ReadList<T>(response, envelope);
        }

        /// <summary>Each item of a list that comes in one answer, no more than <see cref="ListingLimits.MaxItems"/> of them.</summary>
        public static List<T> ReadList<T>(HeatResponse response, string envelope) where T : class
        {
            var items = response.Array(envelope);
            if (items.Count > ListingLimits.MaxItems)
            {
                throw new HeatInvalidResponseException(response.StatusCode, response.Method ?? "GET", response.FinalUri, response.ContentType,
                    $"its \"{envelope}\" list holds {items.Count} items, more than the {ListingLimits.MaxItems} one listing may bring (ListingLimits.MaxItems)");
            }
            return items.Select(item => Read<T>(response, item)).ToList();
        }

        public static T Read<T>(HeatResponse response, JToken? json) where T : class
        {
            try
            {
                if (json is JObject obj) return HeatJson.ToModel<T>(obj);
            }
            catch (JsonException e)
            {
                throw new HeatInvalidResponseException(response.StatusCode, response.Method ?? "GET", response.FinalUri, response.ContentType,
                    "a value in its body has the wrong shape: " + ErrorMapper.Clean(e.Message), e);
            }
            throw new HeatInvalidResponseException(response.StatusCode, response.Method ?? "GET", response.FinalUri, response.ContentType,
                $"its body holds a {json?.Type.ToString().ToLowerInvariant() ?? "nothing"} where an object was expected");
        }

        /// <summary>
        /// GETs one page of a listing and parses it as it arrives: each item under <paramref name="envelope"/> becomes a
        /// <typeparamref name="T"/> on its own, so no text and no tree of the whole page is ever held. The body must be
        /// the promised envelope (<c>{"stacks": [...]}</c>) holding objects, no more of them than the
        /// <paramref name="pageSize"/> asked for; anything else is a <see cref="HeatInvalidResponseException"/>, and the
        /// page is given whole or not at all.
        /// </summary>
        public async Task<Page<T>> GetPageAsync<T>(string route, string envelope, int pageSize, Func<T, string?> idOf, CancellationToken cancellationToken)
            where T : class
        {
            var maxItems = pageSize > 0 ? Math.Min(pageSize, ListingLimits.MaxItems) : ListingLimits.MaxItems;
            var response = await Session.SendAsync(HttpMethod.Get, Session.HeatUri(route), null, Trace, cancellationToken,
                readJson: reader => ReadPage<T>(reader, envelope, maxItems)).ConfigureAwait(false);
            // The sender hands back what readJson made of every 2xx body; anything else has already thrown.
            if (!(response.Parsed is StreamedPage<T> page)) throw new InvalidOperationException("The sender returned no page for a listing.");
            var items = page.Items;
            return new Page<T>(items, NextMarker(page.Links, items.Count, pageSize, items.Count > 0 ? idOf(items[items.Count - 1]) : null));
        }

        internal sealed class StreamedPage<T>
        {
            public StreamedPage(List<T> items, JToken? links)
            {
                Items = items;
                Links = links;
            }

            public List<T> Items { get; }

            public JToken? Links { get; }
        }

        /// <summary>
        /// One page from a reader over its bytes (already in memory): each item straight into a model, no tree of the page
        /// or of an item, and no more than <paramref name="maxItems"/> of them. Heat applies a listing's limit in its
        /// database query, so a page never holds more than was asked for; a page that does comes from a server that
        /// ignores the limit, and 32 MiB of <c>{}</c> would be 11 million models (7 GB).
        /// </summary>
        internal static object ReadPage<T>(JsonReader reader, string envelope, int maxItems) where T : class
        {
            var noList = $"its body has no \"{envelope}\" list";
            if (!Next(reader) || reader.TokenType != JsonToken.StartObject)
            {
                throw new Http.BodyReader.ShapeException(noList);
            }
            List<T>? items = null;
            JToken? links = null;
            while (Next(reader) && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string?)reader.Value;
                if (!Next(reader)) break;
                if (name == envelope)
                {
                    if (reader.TokenType != JsonToken.StartArray) throw new Http.BodyReader.ShapeException(noList);
                    // As in a parsed object, a repeated property counts once: the last one.
                    items = new List<T>();
                    while (Next(reader) && reader.TokenType != JsonToken.EndArray)
                    {
                        if (items.Count == maxItems)
                        {
                            throw new Http.BodyReader.ShapeException(
                                $"its \"{envelope}\" list holds more than the {maxItems} items asked for (limit={maxItems}); Heat never sends more");
                        }
                        items.Add(ReadItem<T>(reader));
                    }
                }
                else if (name == "links")
                {
                    links = JToken.ReadFrom(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonToken.EndObject)
            {
                throw new JsonReaderException($"Unexpected end of the JSON document at line {((IJsonLineInfo)reader).LineNumber}.");
            }
            if (items == null) throw new Http.BodyReader.ShapeException(noList);
            return new StreamedPage<T>(items, links);
        }

        /// <summary>The next token that is not a comment.</summary>
        private static bool Next(JsonReader reader)
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment) return true;
            }
            return false;
        }

        /// <summary>The item the reader is at, which must be an object, as a model.</summary>
        private static T ReadItem<T>(JsonReader reader) where T : class
        {
            if (reader.TokenType != JsonToken.StartObject)
            {
                var kind = reader.TokenType == JsonToken.StartArray ? "array" : reader.TokenType == JsonToken.Null ? "null" : reader.TokenType.ToString().ToLowerInvariant();
                throw new Http.BodyReader.ShapeException($"its body holds a {kind} where an object was expected");
            }
            try
            {
                return HeatJson.ReadModel<T>(reader);
            }
            catch (JsonException e)
            {
                throw new Http.BodyReader.ShapeException("a value in its body has the wrong shape: " + ErrorMapper.Clean(e.Message), e);
            }
        }

        /// <summary>
        /// Reads page after page. Stops on an empty page, on a page that brings nothing new, and on a marker seen before
        /// (a server that ignores or invents markers would otherwise page for ever), and never yields the same id twice,
        /// nor an item without an id (Heat always gives one). A server that makes up fresh pages for ever is stopped at
        /// <see cref="ListingLimits.MaxItems"/>: the page that goes past it is an error, and none of it is yielded.
        /// The next page is asked for as soon as the consumer has the first object of this one and comes back for more,
        /// so it arrives while the pipeline works through the rest; at most two pages are held at once, whatever the
        /// number of pages. Leaving the loop early, or <paramref name="cancellationToken"/>, cancels that request.
        /// </summary>
        public static IEnumerable<T> Paginate<T>(Func<string?, CancellationToken, Task<Page<T>>> fetch, Func<T, string?> idOf, string? firstMarker,
            CancellationToken cancellationToken) where T : class
        {
            var markers = new HashSet<string>(StringComparer.Ordinal);
            var ids = new IdSet();
            using (var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                Task<Page<T>>? next = null;
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var page = fetch(firstMarker, abandoned.Token).GetAwaiter().GetResult();
                    while (true)
                    {
                        var fresh = Fresh(page, idOf, ids);
                        if (fresh.Count == 0) yield break;
                        var marker = page.NextMarker != null && markers.Add(page.NextMarker) ? page.NextMarker : null;
                        page = null;
                        // Dequeued, not read by index: an item the consumer has is no longer held here.
                        for (int i = 0; fresh.Count > 0; i++)
                        {
                            yield return fresh.Dequeue();
                            if (i == 0 && marker != null)
                            {
                                var token = abandoned.Token;
                                next = Task.Run(() => fetch(marker, token));
                            }
                        }
                        if (next == null) yield break;
                        cancellationToken.ThrowIfCancellationRequested();
                        var pending = next;
                        next = null;
                        page = pending.GetAwaiter().GetResult();
                    }
                }
                finally
                {
                    if (next != null)
                    {
                        // The consumer stopped early (Select-Object -First, an error, Ctrl+C): the page it will not read is
                        // not waited for, and its failure is nobody's to see.
                        abandoned.Cancel();
                        next.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                    }
                }
            }
        }

        /// <summary>
        /// Every page, gathered without blocking a thread (what a wait polls: a handful of events after a marker). The
        /// same guards as <see cref="Paginate{T}"/>: an empty page, a page with nothing new, a repeated marker end it,
        /// and no id is taken twice. Twenty waits that each blocked a pool thread on a synchronous listing starved the
        /// pool on two CPUs: seconds of delay for every poll.
        /// </summary>
        public static async Task<List<T>> CollectAsync<T>(Func<string?, CancellationToken, Task<Page<T>>> fetch, Func<T, string?> idOf, string? firstMarker,
            CancellationToken cancellationToken) where T : class
        {
            var markers = new HashSet<string>(StringComparer.Ordinal);
            var ids = new IdSet();
            var all = new List<T>();
            var marker = firstMarker;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await fetch(marker, cancellationToken).ConfigureAwait(false);
                var fresh = Fresh(page, idOf, ids);
                all.AddRange(fresh);
                if (fresh.Count == 0 || page.NextMarker == null || !markers.Add(page.NextMarker)) return all;
                marker = page.NextMarker;
            }
        }

        /// <summary>
        /// The items of a page that the listing has not had yet, and that have an id: an item without one could never be
        /// told from another, so a server could repeat it for ever. Past <see cref="ListingLimits.MaxItems"/> ids in the
        /// listing, an error.
        /// </summary>
        private static Queue<T> Fresh<T>(Page<T> page, Func<T, string?> idOf, IdSet ids)
        {
            var fresh = new Queue<T>(page.Items.Count);
            foreach (var item in page.Items)
            {
                var id = idOf(item);
                if (Strings.IsNullOrEmpty(id) || !ids.Add(id)) continue;
                if (ids.Count > ListingLimits.MaxItems)
                {
                    throw new HeatInvalidResponseException(
                        $"The listing of {typeof(T).Name} objects went on past {ListingLimits.MaxItems} items, the most one listing " +
                        "may bring (ListingLimits.MaxItems): the server kept sending pages of new items. If the listing is really " +
                        "that long, narrow it with a filter.");
                }
                fresh.Enqueue(item);
            }
            return fresh;
        }

        /// <summary>
        /// The ids a listing has written, so that none is written twice. It is the one thing a listing keeps that grows
        /// with its length: Heat's ids are UUIDs, kept as 16-byte values (about 30 bytes an id, against about 150 as
        /// strings); any id that is not a UUID in Heat's own lower-case form is kept as its string, so no two different
        /// ids ever count as one.
        /// </summary>
        internal sealed class IdSet
        {
            private readonly HashSet<Guid> _uuids = new HashSet<Guid>();
            private readonly HashSet<string> _others = new HashSet<string>(StringComparer.Ordinal);

            public int Count => _uuids.Count + _others.Count;

            /// <summary>False when the id was already there.</summary>
            public bool Add(string id)
            {
                if (id.Length == 36 && Guid.TryParseExact(id, "D", out var uuid) && string.Equals(uuid.ToString("D"), id, StringComparison.Ordinal))
                {
                    return _uuids.Add(uuid);
                }
                return _others.Add(id);
            }
        }

        /// <summary>Heat's <c>next</c> link when it gives one; otherwise a full page means there may be more.</summary>
        public static string? NextMarker(JToken? links, int count, int pageSize, string? lastId)
        {
            if (count == 0) return null;
            if (links is JArray)
            {
                foreach (var link in (JArray)links)
                {
                    if (link.Str("rel") == "next" && Uri.TryCreate(link.Str("href"), UriKind.Absolute, out var next))
                    {
                        foreach (var part in next.Query.TrimStart('?').Split('&'))
                        {
                            if (part.StartsWith("marker=", StringComparison.Ordinal)) return Uri.UnescapeDataString(part.Substring(7));
                        }
                    }
                }
            }
            return count >= pageSize ? lastId : null;
        }
    }
}
