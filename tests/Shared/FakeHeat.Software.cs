using System.Linq;
using System.Net;
using System.Net.Http;
using Newtonsoft.Json.Linq;

namespace Heat.Tests.Shared
{
    /// <summary>Heat's software config and deployment routes (heat/api/openstack/v1/__init__.py), answered as Heat answers them.</summary>
    internal sealed partial class FakeHeat
    {
        /// <summary>GET software_configs, paged by limit and marker; Heat's list has no next link.</summary>
        public FakeHeat ListsSoftwareConfigs(params JObject[] configs)
        {
            On(HttpMethod.Get, "software_configs").Answer(request => PagedList(request, "software_configs", configs));
            return this;
        }

        public FakeHeat ShowsSoftwareConfig(JObject config)
        {
            On(HttpMethod.Get, "software_configs/" + Segment((string)config["id"])).Json(HttpStatusCode.OK, new JObject { ["software_config"] = config });
            return this;
        }

        /// <summary>Heat's 404 for a config it does not know. Heat 19 writes "{}" where the id should be (seen on the lab).</summary>
        public FakeHeat MissingSoftwareConfig(string id)
        {
            On(HttpMethod.Get, "software_configs/" + Segment(id)).Error(HttpStatusCode.NotFound, "Software config with id {} not found", "NotFound");
            On(HttpMethod.Delete, "software_configs/" + Segment(id)).Error(HttpStatusCode.NotFound, "Software config with id {} not found", "NotFound");
            return this;
        }

        /// <summary>POST software_configs: 200 with the new config (Heat answers a create with the whole config).</summary>
        public FakeHeat CreatesSoftwareConfig(JObject created)
        {
            On(HttpMethod.Post, "software_configs").Json(HttpStatusCode.OK, new JObject { ["software_config"] = created });
            return this;
        }

        public FakeHeat DeletesSoftwareConfig(string id)
        {
            On(HttpMethod.Delete, "software_configs/" + Segment(id)).Status(HttpStatusCode.NoContent);
            return this;
        }

        /// <summary>GET software_deployments: all of them, or those whose server_id the query names (Heat does not page it).</summary>
        public FakeHeat ListsSoftwareDeployments(params JObject[] deployments)
        {
            On(HttpMethod.Get, "software_deployments").Answer(request =>
            {
                var server = QueryOf(request.RequestUri).Where(p => p.Key == "server_id").Select(p => p.Value).FirstOrDefault();
                var listed = deployments.Where(d => server == null || (string)d["server_id"] == server).ToArray();
                return JsonResponse(HttpStatusCode.OK, HeatFixtures.List("software_deployments", listed));
            });
            return this;
        }

        /// <summary>One deployment; more than one state: each look shows the next, the last repeats.</summary>
        public FakeHeat ShowsSoftwareDeployment(params JObject[] successiveStates)
        {
            var route = On(HttpMethod.Get, "software_deployments/" + Segment((string)successiveStates[0]["id"]));
            foreach (var state in successiveStates) route.Json(HttpStatusCode.OK, new JObject { ["software_deployment"] = state });
            return this;
        }

        public FakeHeat MissingSoftwareDeployment(string id)
        {
            var message = "Deployment with id {} not found";
            On(HttpMethod.Get, "software_deployments/" + Segment(id)).Error(HttpStatusCode.NotFound, message, "NotFound");
            On(HttpMethod.Put, "software_deployments/" + Segment(id)).Error(HttpStatusCode.NotFound, message, "NotFound");
            On(HttpMethod.Delete, "software_deployments/" + Segment(id)).Error(HttpStatusCode.NotFound, message, "NotFound");
            return this;
        }

        public FakeHeat CreatesSoftwareDeployment(JObject created)
        {
            On(HttpMethod.Post, "software_deployments").Json(HttpStatusCode.OK, new JObject { ["software_deployment"] = created });
            return this;
        }

        /// <summary>PUT software_deployments/{id}: 200 with the deployment as it now is.</summary>
        public FakeHeat UpdatesSoftwareDeployment(JObject updated)
        {
            On(HttpMethod.Put, "software_deployments/" + Segment((string)updated["id"])).Json(HttpStatusCode.OK, new JObject { ["software_deployment"] = updated });
            return this;
        }

        public FakeHeat DeletesSoftwareDeployment(string id)
        {
            On(HttpMethod.Delete, "software_deployments/" + Segment(id)).Status(HttpStatusCode.NoContent);
            return this;
        }

        /// <summary>GET software_deployments/metadata/{server_id}: the configs deployed to the server.</summary>
        public FakeHeat ShowsServerMetadata(string serverId, params JObject[] configs)
        {
            On(HttpMethod.Get, "software_deployments/metadata/" + Segment(serverId)).Json(HttpStatusCode.OK, HeatFixtures.List("metadata", configs));
            return this;
        }
    }
}
