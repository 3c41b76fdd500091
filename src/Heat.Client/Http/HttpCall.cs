using System;
using System.Net.Http;

namespace Heat.Client.Http
{
    /// <summary>What to expect of a response body.</summary>
    internal enum ResponseBody
    {
        /// <summary>A JSON document; a 2xx that is not one is an error.</summary>
        Json,

        /// <summary>Text, as it is (a template fetched from a URL).</summary>
        Text,
    }

    /// <summary>One logical request: what to send, what it carries that must not travel, and what may be repeated.</summary>
    internal sealed class HttpCall
    {
        public HttpCall(HttpMethod method, Uri uri)
        {
            Method = method;
            Uri = uri;
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        /// <summary>The JSON body, already serialised; null for none.</summary>
        public string? Payload { get; set; }

        /// <summary>The body holds a password or a secret (Keystone's token request): it never goes to another origin.</summary>
        public bool PayloadIsSecret { get; set; }

        /// <summary>The X-Auth-Token to send; null for none. It never goes to another origin.</summary>
        public string? Token { get; set; }

        public bool FollowRedirects { get; set; } = true;

        /// <summary>Take a 300 Multiple Choices as the answer (a service root listing its API versions).</summary>
        public bool AcceptMultipleChoices { get; set; }

        public ResponseBody Expect { get; set; } = ResponseBody.Json;

        /// <summary>
        /// Reads a 2xx JSON body token by token as it arrives (a page of a listing), instead of as text and a tree; what
        /// it returns is <see cref="Internal.HeatResponse.Parsed"/>. It throws <see cref="BodyReader.ShapeException"/>
        /// for JSON that is not the shape the route promises. Null: the body is read as text and parsed whole.
        /// </summary>
        public Func<Newtonsoft.Json.JsonReader, object>? ReadJson { get; set; }

        /// <summary>The most the body may hold, decompressed; 0 for the session's default.</summary>
        public long MaxBytes { get; set; }

        /// <summary>
        /// Whether sending it twice is harmless (GET, HEAD, a validation, a token request). Null: decided by the method.
        /// A request that is not may still be repeated when it provably never reached the server.
        /// </summary>
        public bool? Idempotent { get; set; }

        public Action<string>? Trace { get; set; }

        /// <summary>Which attempt is being sent (1 the first); the retry pipeline counts, the trace shows it.</summary>
        internal int Attempt { get; set; }

        internal bool IsIdempotent => Idempotent ?? (Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Options);

        internal bool CarriesSecret => Token != null || (Payload != null && PayloadIsSecret);
    }
}
