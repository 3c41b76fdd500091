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
        public string Text { get; set; }

        /// <summary>The parsed body, or null for an empty or non-JSON body.</summary>
        public JToken Json { get; set; }

        public HttpResponseHeaders Headers { get; set; }

        /// <summary>The URL that finally answered, after Heat's name-to-id redirect.</summary>
        public Uri FinalUri { get; set; }
    }
}
