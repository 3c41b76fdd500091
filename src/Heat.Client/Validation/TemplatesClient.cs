using System;
using System.Collections;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Validation
{
    /// <summary>Templates: Heat's <c>/validate</c>, and the template files that URLs name.</summary>
    public sealed class TemplatesClient
    {
        /// <summary>The most one fetched template file may hold: the loader's own bound for any one file.</summary>
        internal const long MaxFetchBytes = TemplateLimits.MaxFileBytes;

        private readonly HeatApi _api;

        internal TemplatesClient(HeatApi api)
        {
            _api = api;
        }

        /// <summary>Asks Heat whether a template is valid; a 400 carries Heat's reason.</summary>
        public async Task<HeatTemplateValidation> ValidateAsync(ValidateTemplateRequest request, string source, CancellationToken cancellationToken)
        {
            var body = new JObject();
            TemplateBody.Add(body, request.Template);
            if (request.Parameters != null && request.Parameters.Count > 0)
            {
                body["parameters"] = TemplateParameters.Format((IDictionary)request.Parameters);
            }
            // A validation changes nothing: safe to send again after a transient failure.
            var response = await _api.SendAsync(HttpMethod.Post, Query.Append(HeatRoutes.Validate, Query.From(request)), body, cancellationToken,
                idempotent: true).ConfigureAwait(false);
            try
            {
                return HeatTemplateValidation.FromJson(response.Body(), source);
            }
            catch (JsonException e)
            {
                throw new HeatInvalidResponseException(response.StatusCode, response.Method ?? "POST", response.FinalUri, response.ContentType,
                    "a value in its body has the wrong shape: " + ErrorMapper.Clean(e.Message), e);
            }
        }

        /// <summary>Reads an http(s) URL that a template names: no token, certificate always checked unless it is
        /// the cloud's own host, at most <see cref="MaxFetchBytes"/>.</summary>
        public Task<string> FetchTextAsync(Uri uri, CancellationToken cancellationToken) =>
            _api.Session.FetchTextAsync(uri, MaxFetchBytes, _api.Trace, cancellationToken);
    }
}
