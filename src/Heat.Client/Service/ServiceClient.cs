using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.Service
{
    /// <summary>What Heat says of itself: its engines (admin only), its build, its API versions.</summary>
    public sealed class ServiceClient
    {
        private readonly HeatApi _api;

        internal ServiceClient(HeatApi api)
        {
            _api = api;
        }

        /// <exception cref="HeatForbiddenException">Not an admin: Heat's policy keeps engine status to admins.</exception>
        public Task<List<HeatServiceInfo>> ListServicesAsync(CancellationToken cancellationToken) =>
            _api.GetListAsync<HeatServiceInfo>(HeatRoutes.Services, "services", cancellationToken);

        public async Task<HeatBuildInfo> BuildInfoAsync(CancellationToken cancellationToken)
        {
            var response = await _api.SendAsync(HttpMethod.Get, HeatRoutes.BuildInfo, null, cancellationToken).ConfigureAwait(false);
            var body = response.Body();
            // {"api": {"revision": ...}, "engine": {"revision": ...}}: two levels for two strings, flattened here.
            return new HeatBuildInfo { ApiRevision = body["api"].Str("revision"), EngineRevision = body["engine"].Str("revision") };
        }

        public async Task<List<HeatApiVersion>> ApiVersionsAsync(CancellationToken cancellationToken)
        {
            var response = await _api.Session.GetRootAsync(_api.Trace, cancellationToken).ConfigureAwait(false);
            return HeatApi.ReadList<HeatApiVersion>(response, "versions");
        }
    }
}
