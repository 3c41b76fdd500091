using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.TemplateVersions
{
    /// <summary>Template versions: <c>/template_versions</c> and the functions of one version.</summary>
    public sealed class TemplateVersionsClient
    {
        private readonly HeatApi _api;

        internal TemplateVersionsClient(HeatApi api)
        {
            _api = api;
        }

        /// <summary>Every template version this Heat reads (HOT and CFN), with its aliases (release names).</summary>
        public async Task<IReadOnlyList<HeatTemplateVersion>> ListAsync(CancellationToken cancellationToken) =>
            await _api.GetListAsync<HeatTemplateVersion>(HeatRoutes.TemplateVersions, "template_versions", cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// The intrinsic functions a template of <paramref name="version"/> may use (<c>heat_template_version.2018-08-31</c>,
        /// or an alias such as <c>heat_template_version.rocky</c>); with <paramref name="withConditions"/>, also those of its
        /// <c>conditions</c> section. Heat answers 404 for a version it does not know.
        /// </summary>
        public async Task<IReadOnlyList<HeatTemplateFunction>> ListFunctionsAsync(string version, bool withConditions, CancellationToken cancellationToken)
        {
            var route = Query.Append(HeatRoutes.TemplateFunctions(version), withConditions ? new[] { Query.Pair("with_condition_func", "True") } : Array.Empty<KeyValuePair<string, string>>());
            var functions = await _api.GetListAsync<HeatTemplateFunction>(route, "template_functions", cancellationToken).ConfigureAwait(false);
            return functions.Select(f => f.Of(version)).ToList();
        }
    }
}
