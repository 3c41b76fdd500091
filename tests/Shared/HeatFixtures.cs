using System.Linq;
using System.Net;
using Newtonsoft.Json.Linq;

namespace Heat.Tests.Shared
{
    /// <summary>
    /// Heat's and Keystone's JSON as they answer it (Heat 19 / Keystone Zed), built as objects so that a name with a
    /// quote or a space stays valid JSON. A test changes one field with <see cref="JsonFixtureExtensions.With"/>.
    /// </summary>
    internal static partial class HeatFixtures
    {
        public const string CreatedAt = "2026-11-25T10:00:00Z";
        public const string FarFuture = "2099-01-01T00:00:00.000000Z";

        /// <summary>A stack as the list shows it (no parameters or outputs).</summary>
        public static JObject Stack(string name, string id, string status = "CREATE_COMPLETE", string endpoint = FakeHeat.DefaultEndpoint) => new JObject
        {
            ["id"] = id,
            ["stack_name"] = name,
            ["description"] = "test stack",
            ["stack_status"] = status,
            ["stack_status_reason"] = ReasonOf(status),
            ["creation_time"] = CreatedAt,
            ["updated_time"] = null,
            ["deletion_time"] = null,
            ["tags"] = new JArray("ci"),
            ["parent"] = null,
            ["stack_owner"] = null,
            ["stack_user_project_id"] = "2d0bd4b6c4b34b9c8a8e1f0d6b1c4e7a",
            ["project"] = ProjectOf(endpoint),
            ["links"] = new JArray(Link(StackUrl(endpoint, name, id), "self")),
        };

        /// <summary>A stack as showing it gives it: the list's fields and parameters, outputs, timeout and rollback.</summary>
        public static JObject StackDetail(string name, string id, string status = "CREATE_COMPLETE", string endpoint = FakeHeat.DefaultEndpoint)
        {
            var stack = Stack(name, id, status, endpoint);
            stack["parameters"] = new JObject
            {
                ["OS::project_id"] = ProjectOf(endpoint),
                ["OS::stack_id"] = id,
                ["OS::stack_name"] = name,
            };
            stack["outputs"] = new JArray();
            stack["capabilities"] = new JArray();
            stack["notification_topics"] = new JArray();
            stack["timeout_mins"] = null;
            stack["disable_rollback"] = true;
            stack["template_description"] = "test stack";
            return stack;
        }

        /// <summary>The environment Heat 19 shows for a stack made without one.</summary>
        public static JObject EmptyEnvironment() => JObject.Parse(
            @"{""resource_registry"": {""resources"": {}}, ""parameters"": {}, ""parameter_defaults"": {}, ""event_sinks"": [], ""encrypted_param_names"": []}");

        /// <summary>What Heat answers a create with: the id and a link, nothing else.</summary>
        public static JObject CreatedStack(string name, string id, string endpoint = FakeHeat.DefaultEndpoint) => new JObject
        {
            ["id"] = id,
            ["links"] = new JArray(Link(StackUrl(endpoint, name, id), "self")),
        };

        /// <summary>An event as the list shows it. A stack's own event names the stack as resource and its id as physical id.</summary>
        public static JObject Event(string id, string resource, string status, string stackName, string stackId,
            string physicalId = null, string endpoint = FakeHeat.DefaultEndpoint)
        {
            var stack = StackUrl(endpoint, stackName, stackId);
            return new JObject
            {
                ["id"] = id,
                ["event_time"] = "2026-11-25T10:00:01Z",
                ["resource_name"] = resource,
                ["logical_resource_id"] = resource,
                ["physical_resource_id"] = physicalId ?? "phys-" + resource,
                ["resource_status"] = status,
                ["resource_status_reason"] = "state changed",
                ["links"] = new JArray(
                    Link($"{stack}/resources/{Segment(resource)}/events/{id}", "self"),
                    Link($"{stack}/resources/{Segment(resource)}", "resource"),
                    Link(stack, "stack")),
            };
        }

        /// <summary>One event as showing it gives it: the list's fields and the resource's type and properties.</summary>
        public static JObject EventDetail(string id, string resource, string status, string stackName, string stackId, string type, JObject properties) =>
            Event(id, resource, status, stackName, stackId).With("resource_type", type).With("resource_properties", properties);

        /// <summary>A resource as the list shows it; a nested stack's resource links to it with rel "nested".</summary>
        public static JObject Resource(string name, string type, string stackName, string stackId,
            string nestedStackName = null, string nestedStackId = null, string endpoint = FakeHeat.DefaultEndpoint)
        {
            var stack = StackUrl(endpoint, stackName, stackId);
            var links = new JArray(Link($"{stack}/resources/{Segment(name)}", "self"), Link(stack, "stack"));
            if (nestedStackId != null) links.Add(Link(StackUrl(endpoint, nestedStackName, nestedStackId), "nested"));
            return new JObject
            {
                ["resource_name"] = name,
                ["logical_resource_id"] = name,
                ["physical_resource_id"] = nestedStackId ?? "phys-" + name,
                ["resource_type"] = type,
                ["resource_status"] = "CREATE_COMPLETE",
                ["resource_status_reason"] = "state changed",
                ["creation_time"] = CreatedAt,
                ["updated_time"] = "2026-11-25T10:00:02Z",
                ["required_by"] = new JArray(),
                ["links"] = links,
            };
        }

        /// <summary>A snapshot as Heat formats it (heat/engine/api.py format_snapshot); Heat stores the data once the
        /// snapshot is taken, so one IN_PROGRESS has none.</summary>
        public static JObject Snapshot(string id, string name, string status = "COMPLETE", JObject data = null) => new JObject
        {
            ["id"] = id,
            ["name"] = name,
            ["status"] = status,
            ["status_reason"] = status == "IN_PROGRESS" ? null : $"Stack SNAPSHOT {(status == "COMPLETE" ? "completed successfully" : "failed")}",
            ["data"] = data,
            ["creation_time"] = CreatedAt,
        };

        /// <summary>What /validate answers for a template without parameters.</summary>
        public static JObject Validation(string description = "test template") => new JObject
        {
            ["Description"] = description,
            ["Parameters"] = new JObject(),
        };

        /// <summary>Heat's error body (its fault middleware): explanation, code, the error's message and type, title.</summary>
        public static JObject Error(HttpStatusCode status, string message, string type)
        {
            var (title, explanation) = TitleOf(status);
            return new JObject
            {
                ["explanation"] = explanation,
                ["code"] = (int)status,
                ["error"] = new JObject { ["message"] = message, ["traceback"] = null, ["type"] = type },
                ["title"] = title,
            };
        }

        /// <summary>
        /// Keystone v3's token body. No issued_at: the client then takes expires_at as it is, which lets a test hand
        /// out an already expired token.
        /// </summary>
        public static JObject KeystoneV3Token(string expiresAt = FarFuture, string heatEndpoint = FakeHeat.DefaultEndpoint)
        {
            var project = ProjectOf(heatEndpoint);
            var domain = new JObject { ["id"] = "default", ["name"] = "Default" };
            return new JObject
            {
                ["token"] = new JObject
                {
                    ["methods"] = new JArray("password"),
                    ["expires_at"] = expiresAt,
                    ["audit_ids"] = new JArray("Xb4bOWJmQ2yNpJ3e2XQ7Cg"),
                    ["user"] = new JObject { ["id"] = "u-1", ["name"] = "demo", ["domain"] = domain.DeepClone(), ["password_expires_at"] = null },
                    ["project"] = new JObject { ["id"] = project, ["name"] = "demo", ["domain"] = domain.DeepClone() },
                    ["is_domain"] = false,
                    ["roles"] = new JArray(new JObject { ["id"] = "r-member", ["name"] = "member" }),
                    ["catalog"] = new JArray(
                        Service("identity", "keystone", V3Endpoint("public", "RegionOne", FakeHeat.KeystoneV3Url)),
                        Service("orchestration", "heat",
                            V3Endpoint("public", "RegionOne", heatEndpoint),
                            V3Endpoint("internal", "RegionOne", "http://heat-internal.test:8004/v1/" + project),
                            V3Endpoint("public", "RegionTwo", "http://heat-two.test:8004/v1/" + project))),
                },
            };
        }

        /// <summary>Keystone's v3 version document (GET /v3), as Keystone 22 writes it.</summary>
        public static JObject KeystoneV3Version(string selfUrl) => JObject.Parse(
            "{\"version\": {\"id\": \"v3.14\", \"status\": \"stable\", \"updated\": \"2020-04-07T00:00:00Z\", \"links\": [{\"rel\": \"self\", \"href\": \"" +
            selfUrl.TrimEnd('/') + "/\"}], \"media-types\": [{\"base\": \"application/json\", \"type\": \"application/vnd.openstack.identity-v3+json\"}]}}");

        /// <summary>Keystone's answer to credentials it refuses.</summary>
        public static JObject KeystoneUnauthorized() => new JObject
        {
            ["error"] = new JObject { ["code"] = 401, ["message"] = "The request you have made requires authentication.", ["title"] = "Unauthorized" },
        };

        /// <summary>Keystone v2.0's access body: the token id, tenant and user, and a catalog with the three URLs.</summary>
        public static JObject KeystoneV2Access(string token, string expires, string tenantId, string tenantName, string userName, string heatHost) => new JObject
        {
            ["access"] = new JObject
            {
                ["token"] = new JObject
                {
                    ["id"] = token,
                    ["expires"] = expires,
                    ["tenant"] = new JObject { ["id"] = tenantId, ["name"] = tenantName },
                },
                ["user"] = new JObject { ["id"] = "u-9", ["name"] = userName },
                ["serviceCatalog"] = new JArray(new JObject
                {
                    ["type"] = "orchestration",
                    ["name"] = "heat",
                    ["endpoints"] = new JArray(new JObject
                    {
                        ["region"] = "RegionOne",
                        ["publicURL"] = $"http://{heatHost}.test:8004/v1/{tenantId}",
                        ["internalURL"] = $"http://{heatHost}-int.test:8004/v1/{tenantId}",
                        ["adminURL"] = $"http://{heatHost}-adm.test:8004/v1/{tenantId}",
                    }),
                }),
            },
        };

        public static JObject List(string envelope, params JObject[] items) => new JObject { [envelope] = new JArray(items.Cast<object>().ToArray()) };

        public static string StackUrl(string endpoint, string name, string id) => $"{endpoint}/stacks/{Segment(name)}/{id}";

        private static string Segment(string name) => System.Uri.EscapeDataString(name);

        private static JObject Link(string href, string rel) => new JObject { ["href"] = href, ["rel"] = rel };

        private static JObject Service(string type, string name, params JObject[] endpoints) =>
            new JObject { ["type"] = type, ["name"] = name, ["endpoints"] = new JArray(endpoints.Cast<object>().ToArray()) };

        private static JObject V3Endpoint(string iface, string region, string url) =>
            new JObject { ["interface"] = iface, ["region_id"] = region, ["region"] = region, ["url"] = url };

        private static string ProjectOf(string endpoint) => endpoint.TrimEnd('/').Split('/').Last();

        /// <summary>Heat's reasons read like these; a test that needs another sets stack_status_reason.</summary>
        private static string ReasonOf(string status)
        {
            var cut = status.IndexOf('_');
            var action = cut < 0 ? status : status.Substring(0, cut);
            if (status.EndsWith("_COMPLETE")) return $"Stack {action} completed successfully";
            if (status.EndsWith("_IN_PROGRESS")) return $"Stack {action} started";
            return $"Resource {action} failed: Error: resources.server: boom";
        }

        private static (string Title, string Explanation) TitleOf(HttpStatusCode status)
        {
            switch (status)
            {
                case HttpStatusCode.BadRequest: return ("Bad Request", "The server could not comply with the request since it is either malformed or otherwise incorrect.");
                case HttpStatusCode.Unauthorized: return ("Unauthorized", "This server could not verify that you are authorized to access the document you requested.");
                case HttpStatusCode.Forbidden: return ("Forbidden", "Access was denied to this resource.");
                case HttpStatusCode.NotFound: return ("Not Found", "The resource could not be found.");
                case HttpStatusCode.Conflict: return ("Conflict", "There was a conflict when trying to complete your request.");
                default: return ("Internal Server Error", "The server has either erred or is incapable of performing the requested operation.");
            }
        }
    }

    internal static class JsonFixtureExtensions
    {
        /// <summary>Sets one field and returns the same object, to vary a fixture inline.</summary>
        public static JObject With(this JObject json, string name, JToken value)
        {
            json[name] = value;
            return json;
        }
    }
}
