using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.SoftwareConfigs
{
    /// <summary>Software configs: <c>/software_configs</c> (list, create) and <c>/software_configs/{id}</c> (show, delete).</summary>
    public sealed class SoftwareConfigsClient
    {
        /// <summary>The group <c>openstack software config create</c> gives a config when none is named.</summary>
        public const string DefaultGroup = "Heat::Ungrouped";

        private readonly HeatApi _api;

        internal SoftwareConfigsClient(HeatApi api)
        {
            _api = api;
        }

        /// <summary>One page after <paramref name="marker"/>. Heat's list has no next link: a full page means there may be more.</summary>
        public async Task<Page<HeatSoftwareConfig>> ListPageAsync(SoftwareConfigListOptions options, string? marker, CancellationToken cancellationToken)
        {
            options = options ?? new SoftwareConfigListOptions();
            var query = Query.From(options);
            if (marker != null) query.Add(Query.Pair("marker", marker));
            return await _api.GetPageAsync<HeatSoftwareConfig>(Query.Append(HeatRoutes.SoftwareConfigs, query), "software_configs", options.PageSize, c => c.Id, cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary>Every config (newest first, as Heat lists them), page after page; the next page is fetched while the caller works through this one.</summary>
        public IEnumerable<HeatSoftwareConfig> List(SoftwareConfigListOptions options, CancellationToken cancellationToken) =>
            HeatApi.Paginate((marker, token) => ListPageAsync(options, marker, token), c => c.Id, null, cancellationToken);

        /// <summary>One config with its script, inputs, outputs and options.</summary>
        public Task<HeatSoftwareConfig> GetAsync(string configId, CancellationToken cancellationToken)
        {
            return NamingId(configId, _api.GetAsync<HeatSoftwareConfig>(HeatRoutes.SoftwareConfig(configId), "software_config", cancellationToken));
        }

        /// <summary>
        /// Creates a config. Inputs, outputs and options are always sent, empty when not given, as heatclient sends them:
        /// the body then says what the config is without leaning on how a Heat version reads a missing key.
        /// </summary>
        public async Task<HeatSoftwareConfig> CreateAsync(CreateSoftwareConfigRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (Strings.IsNullOrWhiteSpace(request.Name)) throw new ArgumentException("A software config needs a name.");
            SoftwareConfigSchema.Check(request.Inputs, request.Outputs);
            var body = new JObject
            {
                ["name"] = request.Name,
                ["group"] = Strings.IsNullOrEmpty(request.Group) ? DefaultGroup : request.Group,
                ["config"] = TemplateParameters.ToJson(request.Config ?? string.Empty),
                ["inputs"] = TemplateParameters.ToJson(request.Inputs ?? new List<IDictionary<string, object>>()),
                ["outputs"] = TemplateParameters.ToJson(request.Outputs ?? new List<IDictionary<string, object>>()),
                ["options"] = TemplateParameters.ToJson(request.Options ?? new Dictionary<string, object>()),
            };
            var response = await _api.SendAsync(HttpMethod.Post, HeatRoutes.SoftwareConfigs, body, cancellationToken).ConfigureAwait(false);
            var created = HeatApi.Read<HeatSoftwareConfig>(response, response.Object("software_config"));
            if (Strings.IsNullOrEmpty(created.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType, "the software config it returns has no id");
            }
            return created;
        }

        /// <summary>Deletes a config. Heat refuses one that a deployment still uses.</summary>
        public async Task DeleteAsync(string configId, CancellationToken cancellationToken)
        {
            await NamingId(configId, _api.SendAsync(HttpMethod.Delete, HeatRoutes.SoftwareConfig(configId), null, cancellationToken)).ConfigureAwait(false);
        }

        /// <summary>
        /// Heat 19's not-found messages for configs and deployments print "{}" where the id belongs ("Software config with
        /// id {} not found"): the id goes in, so that one error among several piped ids says which it is.
        /// </summary>
        internal static async Task<T> NamingId<T>(string id, Task<T> call)
        {
            try
            {
                return await call.ConfigureAwait(false);
            }
            catch (HeatNotFoundException e) when (e.Message.Contains("{}"))
            {
                throw new HeatNotFoundException(e.StatusCode ?? System.Net.HttpStatusCode.NotFound, e.Message.Replace("{}", id), e.ErrorType, e.Method, e.RequestUri);
            }
        }
    }
}
