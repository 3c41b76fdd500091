using System;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Keystone;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Heat.Client.Tests
{
    /// <summary>A fake Keystone and Heat: the JSON shapes are those that Keystone 3 and Heat 19 answer.</summary>
    internal static class TestCloud
    {
        public const string AuthUrl = "http://keystone.test:5000/v3";
        public const string ProjectId = "6f3a0c9e1b2d4e5f8a7b6c5d4e3f2a1b";
        public const string Heat = "http://heat.test:8004/v1/" + ProjectId;
        public const string Token = "gAAAAABtoken-one";

        public static SecureString Secure(string text)
        {
            var s = new SecureString();
            foreach (var c in text) s.AppendChar(c);
            return s;
        }

        public static JObject V3TokenBody(string expiresAt = "2099-01-01T00:00:00.000000Z") => JObject.Parse(@"{
          ""token"": {
            ""methods"": [""password""],
            ""expires_at"": """ + expiresAt + @""",
            ""user"": {""id"": ""u-1"", ""name"": ""demo"", ""domain"": {""id"": ""default"", ""name"": ""Default""}},
            ""project"": {""id"": """ + ProjectId + @""", ""name"": ""demo"", ""domain"": {""id"": ""default"", ""name"": ""Default""}},
            ""catalog"": [
              {""type"": ""identity"", ""name"": ""keystone"", ""endpoints"": [
                {""interface"": ""public"", ""region_id"": ""RegionOne"", ""url"": ""http://keystone.test:5000/v3""}]},
              {""type"": ""orchestration"", ""name"": ""heat"", ""endpoints"": [
                {""interface"": ""public"", ""region_id"": ""RegionOne"", ""url"": """ + Heat + @"""},
                {""interface"": ""internal"", ""region_id"": ""RegionOne"", ""url"": ""http://heat-internal.test:8004/v1/" + ProjectId + @"""},
                {""interface"": ""public"", ""region_id"": ""RegionTwo"", ""url"": ""http://heat-two.test:8004/v1/" + ProjectId + @"""}]}
            ]
          }
        }");

        public static HttpResponseMessage TokenResponse(string token = Token, string expiresAt = "2099-01-01T00:00:00.000000Z")
        {
            var response = new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent(V3TokenBody(expiresAt).ToString(), System.Text.Encoding.UTF8, "application/json"),
            };
            response.Headers.Add("X-Subject-Token", token);
            return response;
        }

        public static AuthOptions PasswordOptions() => new AuthOptions
        {
            Method = AuthMethod.Password,
            AuthUrl = AuthUrl,
            UserName = "demo",
            Password = Secure("s3cret-Pa55"),
            ProjectName = "demo",
        };

        /// <summary>A session that skips Keystone: a token and Heat's URL, over the given fake.</summary>
        public static HeatSession TokenSession(MockHttpMessageHandler mock)
        {
            return HeatSession.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.Token,
                Token = Secure(Token),
                HeatEndpoint = Heat,
            }, mock).GetAwaiter().GetResult();
        }

        public static HeatClient Client(MockHttpMessageHandler mock) => new HeatClient(TokenSession(mock));

        public static MockedRequest RespondJson(this MockedRequest request, HttpStatusCode status, string json) =>
            request.Respond(status, "application/json", json);

        public static string StackJson(string name, string id, string status = "CREATE_COMPLETE") => @"{
            ""id"": """ + id + @""", ""stack_name"": """ + name + @""", ""stack_status"": """ + status + @""",
            ""stack_status_reason"": ""Stack CREATE completed successfully"", ""description"": ""test stack"",
            ""creation_time"": ""2026-11-25T10:00:00Z"", ""updated_time"": null, ""deletion_time"": null,
            ""tags"": [""ci""], ""parent"": null, ""stack_owner"": null, ""stack_user_project_id"": ""sup"",
            ""project"": """ + ProjectId + @""",
            ""links"": [{""href"": """ + Heat + "/stacks/" + name + "/" + id + @""", ""rel"": ""self""}]
        }";
    }
}
