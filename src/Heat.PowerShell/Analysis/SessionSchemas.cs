using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Analysis.Schemas;

namespace Heat.PowerShell.Analysis
{
    /// <summary>
    /// Schemas from the connected cloud (-Online): its resource type list once, then the schema of each type a template
    /// uses, once per command, so checking a folder asks Heat for each type only the first time it is met.
    /// </summary>
    internal sealed class SessionSchemas
    {
        private readonly HeatClient _client;
        private readonly HashSet<string> _asked = new HashSet<string>(StringComparer.Ordinal);

        private SessionSchemas(HeatClient client, ResourceSchemaCatalog catalog)
        {
            _client = client;
            Catalog = catalog;
        }

        public ResourceSchemaCatalog Catalog { get; }

        public static async Task<SessionSchemas> ListAsync(HeatClient client, CancellationToken cancellationToken)
        {
            var catalog = new ResourceSchemaCatalog();
            catalog.AddNames((await client.ResourceTypes.ListAsync(new ResourceTypeListOptions(), cancellationToken).ConfigureAwait(false)).Select(t => t.ResourceType));
            return new SessionSchemas(client, catalog);
        }

        /// <summary>Reads the schemas of the template's types that the cloud offers and that were not read yet.</summary>
        public async Task FillAsync(AnalyzedTemplate template, CancellationToken cancellationToken)
        {
            var wanted = template.ResourceNames.Select(r => template.TypeOf(r)?.Name).OfType<string>()
                .Where(t => Catalog.Offers(t) && _asked.Add(t)).ToList();
            foreach (var type in wanted)
            {
                Catalog.Add(await _client.ResourceTypes.GetSchemaAsync(type, false, cancellationToken).ConfigureAwait(false));
            }
        }
    }
}
