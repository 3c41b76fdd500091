using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Analysis.Schemas;
using Heat.Client.Models;

namespace Heat.PowerShell.Analysis
{
    /// <summary>
    /// Schemas from the connected cloud (-Online): its resource type list once, then the schema of each type a template
    /// uses, once per command, so checking a folder asks Heat for each type only the first time it is met. A type the
    /// list leaves out is asked of the schema route too, which tells a type that does not exist (404) from one policy or
    /// a missing service keeps from this user.
    /// </summary>
    internal sealed class SessionSchemas
    {
        private readonly HeatClient _client;
        private const int MaxConcurrent = 8;

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
            var wanted = template.ResourceNames.Select(r => template.TypeOf(r)).Where(t => t != null && t.Child == null && !t.IsUnreadTemplate)
                .Select(t => t.Name).Where(t => _asked.Add(t)).ToList();
            // Asked together, a few at a time: a folder's first template may name dozens of types.
            using (var gate = new SemaphoreSlim(MaxConcurrent))
            {
                await Task.WhenAll(wanted.Select(async type =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await ReadAsync(type, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
        }

        private async Task ReadAsync(string type, CancellationToken cancellationToken)
        {
            bool listed;
            lock (Catalog) listed = Catalog.Offers(type);
            HeatResourceTypeSchema schema;
            try
            {
                schema = await _client.ResourceTypes.GetSchemaAsync(type, false, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatNotFoundException) when (!listed)
            {
                return; // no such type: HeatUnknownResourceType says so
            }
            catch (HeatException e) when (!listed && (e is HeatForbiddenException || e is HeatBadRequestException))
            {
                // The list leaves out what policy or a missing service keeps from this user; the schema route says which.
                lock (Catalog) Catalog.AddUnavailable(type, e is HeatForbiddenException ? "policy does not let you use it" : FirstLine(e.Message));
                return;
            }
            lock (Catalog) Catalog.Add(schema);
        }

        private static string FirstLine(string text) => text.Split('\n')[0].Trim();
    }
}
