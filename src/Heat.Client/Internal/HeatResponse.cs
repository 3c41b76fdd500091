using System;
using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Internal
{
    internal sealed class HeatResponse
    {
        public HttpStatusCode StatusCode { get; set; }

        /// <summary>The body as text.</summary>
        public string? Text { get; set; }

        /// <summary>The parsed body, or null for an empty or non-JSON body.</summary>
        public JToken? Json { get; set; }

        /// <summary>What <see cref="Http.HttpCall.ReadJson"/> made of a body read as it arrived (then Text and Json are null).</summary>
        public object? Parsed { get; set; }

        public HttpResponseHeaders? Headers { get; set; }

        /// <summary>The URL that finally answered, after Heat's name-to-id redirect.</summary>
        public Uri? FinalUri { get; set; }

        /// <summary>Where a redirect that was not followed points (absolute).</summary>
        public Uri? Location { get; set; }

        public string? ContentType { get; set; }

        public string? Method { get; set; }

        /// <summary>
        /// The object under <paramref name="envelope"/> (<c>{"stack": {...}}</c>): the shape a route promises. A body that
        /// is empty or lacks it is an error, never an empty result.
        /// </summary>
        public JObject Object(string envelope)
        {
            if (Json is JObject body && body[envelope] is JObject inner) return inner;
            throw Invalid($"its body has no \"{envelope}\" object");
        }

        /// <summary>The array under <paramref name="envelope"/> (<c>{"stacks": [...]}</c>); an error when it is missing.</summary>
        public JArray Array(string envelope)
        {
            if (Json is JObject body && body[envelope] is JArray inner) return inner;
            throw Invalid($"its body has no \"{envelope}\" list");
        }

        /// <summary>The whole body as an object (routes without an envelope, such as validate).</summary>
        public JObject Body()
        {
            if (Json is JObject body) return body;
            throw Invalid("its body is not a JSON object");
        }

        private HeatInvalidResponseException Invalid(string problem) =>
            new HeatInvalidResponseException(StatusCode, Method ?? "GET", FinalUri, ContentType, Json == null ? "its body is empty" : problem);
    }
}
