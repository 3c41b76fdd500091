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
        public HeatApi(HeatSession session, Action<string> trace)
        {
            Session = session;
            Trace = trace;
        }

        public HeatSession Session { get; }

        public Action<string> Trace { get; }

        public Task<HeatResponse> SendAsync(HttpMethod method, string route, JToken body, CancellationToken cancellationToken,
            bool? idempotent = null, bool followRedirects = true) =>
            Session.SendAsync(method, Session.HeatUri(route), body, Trace, cancellationToken, followRedirects, idempotent);

        /// <summary>GET a route and read the object under <paramref name="envelope"/> as a <typeparamref name="T"/>.</summary>
        public async Task<T> GetAsync<T>(string route, string envelope, CancellationToken cancellationToken)
        {
            var response = await SendAsync(HttpMethod.Get, route, null, cancellationToken).ConfigureAwait(false);
            return Read<T>(response, response.Object(envelope));
        }

        /// <summary>GET a route and read each item of the list under <paramref name="envelope"/>.</summary>
        public async Task<List<T>> GetListAsync<T>(string route, string envelope, CancellationToken cancellationToken)
        {
            var response = await SendAsync(HttpMethod.Get, route, null, cancellationToken).ConfigureAwait(false);
            return ReadList<T>(response, envelope);
        }

        public static List<T> ReadList<T>(HeatResponse response, string envelope) =>
            response.Array(envelope).Select(item => Read<T>(response, item)).ToList();

        public static T Read<T>(HeatResponse response, JToken json)
        {
            try
            {
                if (json is JObject) return HeatJson.ToModel<T>(json);
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
        /// Reads page after page, each only when the one before is used up. Stops on an empty page, on a page that
        /// brings nothing new, and on a marker seen before (a server that ignores or invents markers would otherwise
        /// page for ever), and never yields the same id twice.
        /// </summary>
        public static IEnumerable<T> Paginate<T>(Func<string, Task<Page<T>>> fetch, Func<T, string> idOf, string firstMarker, CancellationToken cancellationToken)
        {
            string marker = firstMarker;
            var markers = new HashSet<string>(StringComparer.Ordinal);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = fetch(marker).GetAwaiter().GetResult();
                int fresh = 0;
                foreach (var item in page.Items)
                {
                    var id = idOf(item);
                    if (id != null && !ids.Add(id)) continue;
                    fresh++;
                    yield return item;
                }
                if (fresh == 0 || page.NextMarker == null || !markers.Add(page.NextMarker)) yield break;
                marker = page.NextMarker;
            }
        }

        /// <summary>Heat's <c>next</c> link when it gives one; otherwise a full page means there may be more.</summary>
        public static string NextMarker(JToken json, int count, int pageSize, string lastId)
        {
            if (count == 0) return null;
            if (json?["links"] is JArray links)
            {
                foreach (var link in links)
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
