using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;

namespace Heat.Client.ResourceTypes
{
    /// <summary>Resource types: <c>/resource_types</c>, one type's schema, and the template Heat generates for it.</summary>
    public sealed class ResourceTypesClient
    {
        private readonly HeatApi _api;

        internal ResourceTypesClient(HeatApi api)
        {
            _api = api;
        }

        /// <summary>The types this cloud offers (hidden ones never, and only those whose service is in the catalog).</summary>
        public async Task<IReadOnlyList<HeatResourceType>> ListAsync(ResourceTypeListOptions options, CancellationToken cancellationToken)
        {
            var route = Query.Append(HeatRoutes.ResourceTypes, Query.From(options ?? new ResourceTypeListOptions()));
            var response = await _api.SendAsync(HttpMethod.Get, route, null, cancellationToken).ConfigureAwait(false);
            // Heat lists bare names, or {resource_type, description} objects when asked for descriptions: both read here.
            return response.Array("resource_types")
                .Select(item => item.AsText() is string name
                    ? new HeatResourceType { ResourceType = name }
                    : HeatApi.Read<HeatResourceType>(response, item))
                .ToList();
        }

        /// <summary>
        /// One type's schema: its properties (type, required, default, constraints, nested schemas), attributes and
        /// support status. With <paramref name="withDescription"/>, the type's description too.
        /// </summary>
        public async Task<HeatResourceTypeSchema> GetSchemaAsync(string typeName, bool withDescription, CancellationToken cancellationToken)
        {
            var route = Query.Append(HeatRoutes.ResourceType(typeName), withDescription ? new[] { Query.Pair("with_description", "True") } : Array.Empty<KeyValuePair<string, string>>());
            var schema = await GetModelAsync<HeatResourceTypeSchema>(route, cancellationToken).ConfigureAwait(false);
            if (withDescription && schema.Description == null)
            {
                // Heat 19 drops this route's query (its router passes no query to the action), so the description is
                // read from the list, which honours with_description, filtered to this one name.
                var listed = await ListAsync(new ResourceTypeListOptions { Name = ExactName(typeName), WithDescription = true }, cancellationToken).ConfigureAwait(false);
                schema.Description = listed.FirstOrDefault(t => t.ResourceType == typeName)?.Description;
            }
            return schema;
        }

        /// <summary>The template Heat generates for a type (a parameter per property, an output per attribute), as JSON text.</summary>
        public async Task<string> GenerateTemplateAsync(string typeName, GeneratedTemplateType templateType, CancellationToken cancellationToken)
        {
            var route = Query.Append(HeatRoutes.ResourceTypeTemplate(typeName), new[] { Query.Pair("template_type", templateType == GeneratedTemplateType.Hot ? "hot" : "cfn") });
            var response = await _api.SendAsync(HttpMethod.Get, route, null, cancellationToken).ConfigureAwait(false);
            // The template itself is the body: there is no envelope to check, but it must be an object.
            return HeatJson.Serialize(response.Body());
        }

        private async Task<T> GetModelAsync<T>(string route, CancellationToken cancellationToken) where T : class
        {
            var response = await _api.SendAsync(HttpMethod.Get, route, null, cancellationToken).ConfigureAwait(false);
            return HeatApi.Read<T>(response, response.Body());
        }

        /// <summary>Heat's name filter is a Python regular expression matched at the start: this one matches only <paramref name="name"/>.</summary>
        internal static string ExactName(string name)
        {
            var pattern = new StringBuilder("^");
            foreach (var c in name)
            {
                // Escaping every punctuation character is valid in Python's re (only letters and digits may not be escaped).
                if (!char.IsLetterOrDigit(c) && c != '_' && c < 128) pattern.Append('\\');
                pattern.Append(c);
            }
            return pattern.Append('$').ToString();
        }
    }
}
