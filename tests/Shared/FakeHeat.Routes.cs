using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using Newtonsoft.Json.Linq;

namespace Heat.Tests.Shared
{
    /// <summary>Heat's and Keystone's routes, answered as the real services answer them.</summary>
    internal sealed partial class FakeHeat
    {
        private FakeRoute _v3Tokens;

        // ---- stacks ----------------------------------------------------------------------------------------------

        /// <summary>
        /// GET stacks, paged as Heat pages: after <c>marker</c>, at most <c>limit</c>, with a "next" link when a page is
        /// full, and only the stacks a <c>name</c> filter names. Other filters are not applied: a test asserts the query.
        /// </summary>
        public FakeHeat ListsStacks(params JObject[] stacks)
        {
            On(HttpMethod.Get, "stacks").Answer(request =>
            {
                var query = QueryOf(request.RequestUri);
                var names = query.Where(p => p.Key == "name").Select(p => p.Value).ToList();
                var listed = stacks.Where(s => names.Count == 0 || names.Contains((string)s["stack_name"]));
                var page = Page(listed, query, s => (string)s["id"], out var limit);
                var body = HeatFixtures.List("stacks", page.ToArray());
                if (limit > 0 && page.Count == limit)
                {
                    var next = request.RequestUri.GetLeftPart(UriPartial.Path) + "?" + string.Join("&",
                        query.Where(p => p.Key != "marker").Append(new KeyValuePair<string, string>("marker", (string)page.Last()["id"]))
                            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
                    body["links"] = new JArray(new JObject { ["href"] = next, ["rel"] = "next" });
                }
                return JsonResponse(HttpStatusCode.OK, body);
            });
            return this;
        }

        /// <summary>
        /// Shows a stack as Heat does: by name or by id a 302 to <c>stacks/{name}/{id}</c> (the query kept), and there
        /// the stack. More than one state: each look shows the next, the last repeats.
        /// </summary>
        public FakeHeat ShowsStack(params JObject[] successiveStates)
        {
            var first = successiveStates[0];
            var name = (string)first["stack_name"];
            var id = (string)first["id"];
            var canonical = StackRoute(name, id);
            if (_namesLookedUp.Add(name)) RedirectsLookup(Segment(name), canonical);
            RedirectsLookup(Segment(id), canonical);
            var route = On(HttpMethod.Get, canonical);
            foreach (var state in successiveStates) route.Json(HttpStatusCode.OK, new JObject { ["stack"] = state });
            return this;
        }

        /// <summary>
        /// A stack deleted and re-created under its name after the first look: the name redirects to the old id once,
        /// then to the new one. The old id shows the stack once, then as Heat shows a deleted stack by id
        /// (DELETE_COMPLETE), or a 404 with <paramref name="oldIdNotFound"/>.
        /// </summary>
        public FakeHeat RecreatesStack(string name, string oldId, string newId, bool oldIdNotFound = false)
        {
            _namesLookedUp.Add(name);
            On(HttpMethod.Get, "stacks/" + Segment(name))
                .Redirect(Endpoint + "/" + StackRoute(name, oldId))
                .Redirect(Endpoint + "/" + StackRoute(name, newId));
            var old = On(HttpMethod.Get, StackRoute(name, oldId)).Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail(name, oldId) });
            if (oldIdNotFound) old.Error(HttpStatusCode.NotFound, $"The Stack ({name}) could not be found.", "EntityNotFound");
            else old.Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail(name, oldId, "DELETE_COMPLETE") });
            On(HttpMethod.Get, StackRoute(name, newId)).Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail(name, newId) });
            return this;
        }

        /// <summary>Heat's 404 for a stack it does not know, by name or id, or by name and id.</summary>
        public FakeHeat MissingStack(string nameOrId, string id = null)
        {
            var route = id == null ? "stacks/" + Segment(nameOrId) : StackRoute(nameOrId, id);
            On(HttpMethod.Get, route).Error(HttpStatusCode.NotFound, $"The Stack ({nameOrId}) could not be found.", "EntityNotFound");
            return this;
        }

        /// <summary>POST stacks: 201 with the new stack's id and link, as Heat answers a create.</summary>
        public FakeHeat CreatesStack(string name, string id)
        {
            On(HttpMethod.Post, "stacks").Json(HttpStatusCode.Created, new JObject { ["stack"] = HeatFixtures.CreatedStack(name, id, Endpoint) });
            return this;
        }

        /// <summary>DELETE stacks/{name}/{id}: 204.</summary>
        public FakeHeat DeletesStack(string name, string id)
        {
            On(HttpMethod.Delete, StackRoute(name, id)).Status(HttpStatusCode.NoContent);
            return this;
        }

        // ---- events and resources ----------------------------------------------------------------------------------

        /// <summary>A stack's events, paged by limit and marker; by name alone Heat redirects to name/id first.</summary>
        public FakeHeat ListsEvents(string stackName, string stackId, params JObject[] events)
        {
            var route = StackRoute(stackName, stackId) + "/events";
            RedirectsLookup(Segment(stackName) + "/events", route);
            RedirectsNameOnce(stackName, stackId);
            On(HttpMethod.Get, route).Answer(request => PagedList(request, "events", events));
            return this;
        }

        /// <summary>One resource's events, paged. Heat does not redirect below a resource: name and id only.</summary>
        public FakeHeat ListsResourceEvents(string stackName, string stackId, string resource, params JObject[] events)
        {
            On(HttpMethod.Get, ResourceRoute(stackName, stackId, resource) + "/events").Answer(request => PagedList(request, "events", events));
            return this;
        }

        public FakeHeat ShowsEvent(string stackName, string stackId, string resource, JObject evt)
        {
            On(HttpMethod.Get, ResourceRoute(stackName, stackId, resource) + "/events/" + Segment((string)evt["id"]))
                .Json(HttpStatusCode.OK, new JObject { ["event"] = evt });
            return this;
        }

        /// <summary>A stack's resources, whatever the query; by name alone Heat redirects to name/id first.</summary>
        public FakeHeat ListsResources(string stackName, string stackId, params JObject[] resources)
        {
            var route = StackRoute(stackName, stackId) + "/resources";
            RedirectsLookup(Segment(stackName) + "/resources", route);
            RedirectsNameOnce(stackName, stackId);
            On(HttpMethod.Get, route).Json(HttpStatusCode.OK, HeatFixtures.List("resources", resources));
            return this;
        }

        /// <summary>One resource and its metadata (empty unless given).</summary>
        public FakeHeat ShowsResource(string stackName, string stackId, JObject resource, JObject metadata = null)
        {
            var route = ResourceRoute(stackName, stackId, (string)resource["resource_name"]);
            On(HttpMethod.Get, route).Json(HttpStatusCode.OK, new JObject { ["resource"] = resource });
            On(HttpMethod.Get, route + "/metadata").Json(HttpStatusCode.OK, new JObject { ["metadata"] = metadata ?? new JObject() });
            return this;
        }

        /// <summary>POST .../resources/{name}/signal: 200 with a JSON null, as Heat answers it (no envelope).</summary>
        public FakeHeat AcceptsSignal(string stackName, string stackId, string resource)
        {
            On(HttpMethod.Post, ResourceRoute(stackName, stackId, resource) + "/signal").Json(HttpStatusCode.OK, JValue.CreateNull());
            return this;
        }

        /// <summary>PATCH .../resources/{name} (mark unhealthy or healthy): 200 with a JSON null, as Heat answers it.</summary>
        public FakeHeat AcceptsHealthChange(string stackName, string stackId, string resource)
        {
            On(new HttpMethod("PATCH"), ResourceRoute(stackName, stackId, resource)).Json(HttpStatusCode.OK, JValue.CreateNull());
            return this;
        }

        // ---- resource types and template versions ------------------------------------------------------------------

        /// <summary>
        /// GET resource_types as Heat answers it: bare names, or objects with a description under with_description=True;
        /// a <c>name</c> is a regular expression matched at the start of each name (Python's re.match).
        /// </summary>
        public FakeHeat ListsResourceTypes(params (string Name, string Description)[] types)
        {
            On(HttpMethod.Get, "resource_types").Answer(request =>
            {
                var query = QueryOf(request.RequestUri);
                var name = query.Where(p => p.Key == "name").Select(p => p.Value).LastOrDefault();
                var described = query.Any(p => p.Key == "with_description" && p.Value == "True");
                var listed = types.Where(t => name == null || System.Text.RegularExpressions.Regex.IsMatch(t.Name, "^(?:" + name + ")"))
                    .Select(t => described ? new JObject { ["resource_type"] = t.Name, ["description"] = t.Description } : (JToken)t.Name);
                return JsonResponse(HttpStatusCode.OK, new JObject { ["resource_types"] = new JArray(listed.Cast<object>().ToArray()) });
            });
            return this;
        }

        /// <summary>GET resource_types/{type}: the schema, whatever the query (Heat 19 ignores this route's query).</summary>
        public FakeHeat ShowsResourceType(JObject schema)
        {
            On(HttpMethod.Get, "resource_types/" + Segment((string)schema["resource_type"])).Json(HttpStatusCode.OK, schema);
            return this;
        }

        /// <summary>GET resource_types/{type}/template?template_type=hot|cfn: the template itself, no envelope.</summary>
        public FakeHeat GeneratesTemplate(string type, JObject hot, JObject cfn)
        {
            On(HttpMethod.Get, "resource_types/" + Segment(type) + "/template?template_type=hot").Json(HttpStatusCode.OK, hot);
            On(HttpMethod.Get, "resource_types/" + Segment(type) + "/template?template_type=cfn").Json(HttpStatusCode.OK, cfn);
            return this;
        }

        /// <summary>Heat's 404 for a type it does not know, on both routes.</summary>
        public FakeHeat MissingResourceType(string type)
        {
            On(HttpMethod.Get, "resource_types/" + Segment(type)).Error(HttpStatusCode.NotFound, $"The Resource Type ({type}) could not be found.", "EntityNotFound");
            On(HttpMethod.Get, "resource_types/" + Segment(type) + "/template").Error(HttpStatusCode.NotFound, $"The Resource Type ({type}) could not be found.", "EntityNotFound");
            return this;
        }

        public FakeHeat ListsTemplateVersions(params JObject[] versions)
        {
            On(HttpMethod.Get, "template_versions").Json(HttpStatusCode.OK, HeatFixtures.List("template_versions", versions));
            return this;
        }

        /// <summary>A version's functions; with with_condition_func=True, those of its conditions section too.</summary>
        public FakeHeat ListsTemplateFunctions(string version, JObject[] functions, JObject[] conditionFunctions = null)
        {
            var route = "template_versions/" + Segment(version) + "/functions";
            On(HttpMethod.Get, route + "?with_condition_func=True")
                .Json(HttpStatusCode.OK, HeatFixtures.List("template_functions", functions.Concat(conditionFunctions ?? new JObject[0]).ToArray()));
            On(HttpMethod.Get, route).Json(HttpStatusCode.OK, HeatFixtures.List("template_functions", functions));
            return this;
        }

        // ---- templates -------------------------------------------------------------------------------------------

        /// <summary>POST validate, whatever the query: 200 with this answer (a template without parameters unless given).</summary>
        public FakeHeat Validates(JObject answer = null)
        {
            On(HttpMethod.Post, "validate").Json(HttpStatusCode.OK, answer ?? HeatFixtures.Validation());
            return this;
        }

        // ---- Keystone --------------------------------------------------------------------------------------------

        /// <summary>
        /// Keystone v3 issues a token (in X-Subject-Token) with a catalog naming this Heat. Called again, it adds the
        /// token the next login gets; the last one repeats.
        /// </summary>
        public FakeHeat IssuesToken(string token = Token, string expiresAt = HeatFixtures.FarFuture)
        {
            _v3Tokens = _v3Tokens ?? On(HttpMethod.Post, KeystoneV3Url + "/auth/tokens");
            var body = HeatFixtures.KeystoneV3Token(expiresAt, Endpoint);
            _v3Tokens.Answer(_ =>
            {
                var response = JsonResponse(HttpStatusCode.Created, body);
                response.Headers.Add("X-Subject-Token", token);
                return response;
            });
            return this;
        }

        /// <summary>Keystone v3 refuses the credentials, as it words it.</summary>
        public FakeHeat RefusesLogin()
        {
            On(HttpMethod.Post, KeystoneV3Url + "/auth/tokens").Json(HttpStatusCode.Unauthorized, HeatFixtures.KeystoneUnauthorized());
            On(HttpMethod.Get, KeystoneV3Url).Json(HttpStatusCode.OK, HeatFixtures.KeystoneV3Version(KeystoneV3Url));
            return this;
        }

        /// <summary>Keystone v2.0 issues a token in its body, with a catalog of heat-v2 public, internal and admin URLs.</summary>
        public FakeHeat IssuesV2Token(string token, string expires, string tenantId, string tenantName, string userName)
        {
            On(HttpMethod.Post, KeystoneV2Url + "/tokens").Json(HttpStatusCode.OK,
                HeatFixtures.KeystoneV2Access(token, expires, tenantId, tenantName, userName, "heat-v2"));
            return this;
        }

        // ---- helpers ---------------------------------------------------------------------------------------------

        private static string StackRoute(string name, string id) => $"stacks/{Segment(name)}/{Segment(id)}";

        private static string ResourceRoute(string stackName, string stackId, string resource) =>
            StackRoute(stackName, stackId) + "/resources/" + Segment(resource);

        private static string Segment(string text) => Uri.EscapeDataString(text);

        /// <summary>Heat's stack lookup: <c>stacks/{name-or-id}[/path]</c> answers 302 to name/id, keeping the query.</summary>
        private readonly HashSet<string> _namesLookedUp = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Heat's lookup of the stack's name alone (GET stacks/{name}: 302 to name/id), which a read below the
        /// stack by name asks first; registered once a name, so that a fake given twice does not shadow itself.</summary>
        private void RedirectsNameOnce(string stackName, string stackId)
        {
            if (_namesLookedUp.Add(stackName)) RedirectsLookup(Segment(stackName), StackRoute(stackName, stackId));
        }

        private void RedirectsLookup(string lookup, string canonical)
        {
            On(HttpMethod.Get, "stacks/" + lookup).Answer(request =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.Found);
                response.Headers.Location = new Uri(Endpoint + "/" + canonical + request.RequestUri.Query);
                return response;
            });
        }

        private static HttpResponseMessage PagedList(HttpRequestMessage request, string envelope, JObject[] items)
        {
            var page = Page(items, QueryOf(request.RequestUri), i => (string)i["id"], out _);
            return JsonResponse(HttpStatusCode.OK, HeatFixtures.List(envelope, page.ToArray()));
        }

        private static List<JObject> Page(IEnumerable<JObject> items, List<KeyValuePair<string, string>> query, Func<JObject, string> idOf, out int limit)
        {
            var marker = query.Where(p => p.Key == "marker").Select(p => p.Value).LastOrDefault();
            limit = int.TryParse(query.Where(p => p.Key == "limit").Select(p => p.Value).LastOrDefault(), out var given) ? given : 0;
            var after = marker == null ? items : items.SkipWhile(i => idOf(i) != marker).Skip(1);
            return (limit > 0 ? after.Take(limit) : after).ToList();
        }

        private static List<KeyValuePair<string, string>> QueryOf(Uri uri) =>
            uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split(new[] { '=' }, 2))
                .Select(parts => new KeyValuePair<string, string>(Unescape(parts[0]), parts.Length > 1 ? Unescape(parts[1]) : string.Empty))
                .ToList();

        private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
