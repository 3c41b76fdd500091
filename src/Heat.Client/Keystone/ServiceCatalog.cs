using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Keystone
{
    /// <summary>The catalog from a token, in one shape for v3 and v2.0.</summary>
    public sealed class ServiceCatalog
    {
        public ServiceCatalog(IEnumerable<CatalogEndpoint> endpoints)
        {
            Endpoints = endpoints.ToList();
        }

        public IReadOnlyList<CatalogEndpoint> Endpoints { get; }

        /// <summary>v3: <c>token.catalog[].endpoints[]</c> with <c>interface</c> and <c>region_id</c>.</summary>
        internal static ServiceCatalog FromV3(JToken? catalog)
        {
            var list = new List<CatalogEndpoint>();
            foreach (var service in catalog as JArray ?? new JArray())
            {
                foreach (var endpoint in service["endpoints"] as JArray ?? new JArray())
                {
                    // An endpoint without a URL cannot be used: left out, as v2.0's missing interfaces are.
                    var url = endpoint.Str("url");
                    if (url == null) continue;
                    list.Add(new CatalogEndpoint
                    {
                        ServiceType = service.Str("type"),
                        ServiceName = service.Str("name"),
                        Interface = endpoint.Str("interface"),
                        Region = endpoint.Str("region_id") ?? endpoint.Str("region"),
                        Url = url,
                    });
                }
            }
            return new ServiceCatalog(list);
        }

        /// <summary>v2.0: <c>access.serviceCatalog[].endpoints[]</c> with <c>publicURL</c>, <c>internalURL</c>, <c>adminURL</c>.</summary>
        internal static ServiceCatalog FromV2(JToken? catalog)
        {
            var list = new List<CatalogEndpoint>();
            foreach (var service in catalog as JArray ?? new JArray())
            {
                foreach (var endpoint in service["endpoints"] as JArray ?? new JArray())
                {
                    foreach (var iface in new[] { "public", "internal", "admin" })
                    {
                        var url = endpoint.Str(iface + "URL");
                        if (url == null) continue;
                        list.Add(new CatalogEndpoint
                        {
                            ServiceType = service.Str("type"),
                            ServiceName = service.Str("name"),
                            Interface = iface,
                            Region = endpoint.Str("region"),
                            Url = url,
                        });
                    }
                }
            }
            return new ServiceCatalog(list);
        }

        /// <summary>The endpoint of a service type for an interface and (when given) a region.</summary>
        public CatalogEndpoint Find(string serviceType, string? iface, string? region)
        {
            iface = NormalizeInterface(iface);
            var matches = Endpoints.Where(e =>
                string.Equals(e.ServiceType, serviceType, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(NormalizeInterface(e.Interface), iface, StringComparison.OrdinalIgnoreCase) &&
                (Strings.IsNullOrEmpty(region) || string.Equals(e.Region, region, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (matches.Count == 0)
            {
                var seen = Endpoints.Where(e => string.Equals(e.ServiceType, serviceType, StringComparison.OrdinalIgnoreCase))
                    .Select(e => $"{e.Interface}/{e.Region ?? "-"}").Distinct().ToList();
                var where = Strings.IsNullOrEmpty(region) ? $"interface '{iface}'" : $"interface '{iface}' in region '{region}'";
                var hint = seen.Count == 0
                    ? $"the catalog has no '{serviceType}' service at all"
                    : $"it has {string.Join(", ", seen)}";
                throw new HeatEndpointNotFoundException($"No '{serviceType}' endpoint for {where}: {hint}.", serviceType, iface, region);
            }
            return matches[0];
        }

        private static string NormalizeInterface(string? iface)
        {
            if (Strings.IsNullOrEmpty(iface)) return "public";
            iface = iface.ToLowerInvariant();
            return iface.EndsWith("url", StringComparison.Ordinal) ? iface.Substring(0, iface.Length - 3) : iface;
        }
    }
}
