using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Keystone;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using Xunit;

namespace Heat.Client.Tests
{
    public class KeystoneTests
    {
        [Fact]
        public async Task V3Password_SendsUserDomainAndProjectScope_AndKeepsTokenFromHeader()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            JObject sent = null;
            mock.Expect(HttpMethod.Post, "http://keystone.test:5000/v3/auth/tokens")
                .With(r => { sent = JObject.Parse(r.Content.ReadAsStringAsync().Result); return true; })
                .Respond(_ => TestCloud.TokenResponse());
            var options = TestCloud.PasswordOptions();
            options.UserDomainName = "Users";
            options.ProjectDomainName = "Projects";

            var session = await HeatSession.ConnectAsync(options, mock);

            mock.VerifyNoOutstandingExpectation();
            Assert.Equal(new[] { "password" }, sent["auth"]["identity"]["methods"].Select(m => (string)m));
            var user = sent["auth"]["identity"]["password"]["user"];
            Assert.Equal("demo", (string)user["name"]);
            Assert.Equal("Users", (string)user["domain"]["name"]);
            Assert.Equal("s3cret-Pa55", (string)user["password"]);
            Assert.Equal("demo", (string)sent["auth"]["scope"]["project"]["name"]);
            Assert.Equal("Projects", (string)sent["auth"]["scope"]["project"]["domain"]["name"]);
            Assert.Equal(TestCloud.Heat, session.HeatEndpoint);
            Assert.Equal("demo", session.UserName);
            Assert.Equal(TestCloud.ProjectId, session.ProjectId);
            Assert.Equal(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), session.ExpiresAt);
            Assert.Equal(DateTimeKind.Utc, session.ExpiresAt.Value.Kind);
            Assert.Equal("v3", session.KeystoneVersion);
        }

        [Fact]
        public async Task V3_SessionSendsTheTokenToHeat()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Post, "http://keystone.test:5000/v3/auth/tokens").Respond(_ => TestCloud.TokenResponse("tok-abc"));
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks").WithHeaders("X-Auth-Token", "tok-abc")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": []}");
            var client = new HeatClient(await HeatSession.ConnectAsync(TestCloud.PasswordOptions(), mock));

            var stacks = client.Stacks.List(new StackListOptions(), default).ToList();

            Assert.Empty(stacks);
            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task BareAuthUrl_GetsV3Path()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Post, "http://keystone.test:5000/v3/auth/tokens").Respond(_ => TestCloud.TokenResponse());
            var options = TestCloud.PasswordOptions();
            options.AuthUrl = "http://keystone.test:5000/";

            await HeatSession.ConnectAsync(options, mock);

            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task ProjectId_ScopesById()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            JObject sent = null;
            mock.When(HttpMethod.Post, "*/v3/auth/tokens")
                .With(r => { sent = JObject.Parse(r.Content.ReadAsStringAsync().Result); return true; })
                .Respond(_ => TestCloud.TokenResponse());
            var options = TestCloud.PasswordOptions();
            options.ProjectName = null;
            options.ProjectId = "p-42";

            await HeatSession.ConnectAsync(options, mock);

            Assert.Equal("p-42", (string)sent["auth"]["scope"]["project"]["id"]);
            Assert.Null(sent["auth"]["scope"]["project"]["name"]);
        }

        [Fact]
        public async Task ApplicationCredentialById_SendsIdAndSecret_AndNoScope()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            JObject sent = null;
            mock.When(HttpMethod.Post, "*/v3/auth/tokens")
                .With(r => { sent = JObject.Parse(r.Content.ReadAsStringAsync().Result); return true; })
                .Respond(_ => TestCloud.TokenResponse());

            await HeatSession.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.ApplicationCredential,
                AuthUrl = TestCloud.AuthUrl,
                ApplicationCredentialId = "ac-1",
                ApplicationCredentialSecret = TestCloud.Secure("ac-secret"),
            }, mock);

            var identity = sent["auth"]["identity"];
            Assert.Equal("application_credential", (string)identity["methods"][0]);
            Assert.Equal("ac-1", (string)identity["application_credential"]["id"]);
            Assert.Equal("ac-secret", (string)identity["application_credential"]["secret"]);
            Assert.Null(sent["auth"]["scope"]);
        }

        [Fact]
        public async Task ApplicationCredentialByName_SendsTheOwningUser()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            JObject sent = null;
            mock.When(HttpMethod.Post, "*/v3/auth/tokens")
                .With(r => { sent = JObject.Parse(r.Content.ReadAsStringAsync().Result); return true; })
                .Respond(_ => TestCloud.TokenResponse());

            await HeatSession.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.ApplicationCredential,
                AuthUrl = TestCloud.AuthUrl,
                ApplicationCredentialName = "ci-bot",
                UserName = "demo",
                UserDomainName = "Default",
                ApplicationCredentialSecret = TestCloud.Secure("ac-secret"),
            }, mock);

            var credential = sent["auth"]["identity"]["application_credential"];
            Assert.Equal("ci-bot", (string)credential["name"]);
            Assert.Equal("demo", (string)credential["user"]["name"]);
            Assert.Equal("Default", (string)credential["user"]["domain"]["name"]);
        }

        [Theory]
        [InlineData("internal", null, "http://heat-internal.test:8004/v1/" + TestCloud.ProjectId)]
        [InlineData("public", "RegionTwo", "http://heat-two.test:8004/v1/" + TestCloud.ProjectId)]
        [InlineData("public", "RegionOne", TestCloud.Heat)]
        public async Task Endpoint_IsChosenByInterfaceAndRegion(string iface, string region, string expected)
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Post, "*/v3/auth/tokens").Respond(_ => TestCloud.TokenResponse());
            var options = TestCloud.PasswordOptions();
            options.Interface = iface;
            options.Region = region;

            var session = await HeatSession.ConnectAsync(options, mock);

            Assert.Equal(expected, session.HeatEndpoint);
        }

        [Fact]
        public async Task MissingEndpoint_SaysWhatTheCatalogHas()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Post, "*/v3/auth/tokens").Respond(_ => TestCloud.TokenResponse());
            var options = TestCloud.PasswordOptions();
            options.Interface = "admin";

            var error = await Assert.ThrowsAsync<HeatEndpointNotFoundException>(() => HeatSession.ConnectAsync(options, mock));

            Assert.Contains("admin", error.Message);
            Assert.Contains("public/RegionOne", error.Message);
            Assert.Contains("-HeatEndpoint", error.Message);
        }

        [Fact]
        public async Task HeatEndpointOption_OverridesTheCatalog()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Post, "*/v3/auth/tokens").Respond(_ => TestCloud.TokenResponse());
            var options = TestCloud.PasswordOptions();
            options.HeatEndpoint = "https://heat.example.test/v1/xyz/";

            var session = await HeatSession.ConnectAsync(options, mock);

            Assert.Equal("https://heat.example.test/v1/xyz", session.HeatEndpoint);
        }

        [Fact]
        public async Task WrongPassword_IsAuthenticationError_ThatDoesNotEchoThePassword()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Post, "*/v3/auth/tokens").RespondJson(HttpStatusCode.Unauthorized,
                "{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\", \"title\": \"Unauthorized\"}}");

            var error = await Assert.ThrowsAsync<HeatAuthenticationException>(() => HeatSession.ConnectAsync(TestCloud.PasswordOptions(), mock));

            Assert.Equal("The request you have made requires authentication.", error.Message);
            Assert.DoesNotContain("s3cret-Pa55", error.ToString());
        }

        [Fact]
        public async Task V2_PostsPasswordCredentialsWithTenant_AndReadsServiceCatalog()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            JObject sent = null;
            mock.Expect(HttpMethod.Post, "http://old-keystone.test:5000/v2.0/tokens")
                .With(r => { sent = JObject.Parse(r.Content.ReadAsStringAsync().Result); return true; })
                .RespondJson(HttpStatusCode.OK, @"{""access"": {
                    ""token"": {""id"": ""v2-token"", ""expires"": ""2099-02-03T04:05:06Z"", ""tenant"": {""id"": ""t-9"", ""name"": ""legacy""}},
                    ""user"": {""id"": ""u-9"", ""name"": ""runbook""},
                    ""serviceCatalog"": [
                      {""type"": ""orchestration"", ""name"": ""heat"", ""endpoints"": [
                        {""region"": ""RegionOne"", ""publicURL"": ""http://heat-v2.test:8004/v1/t-9"", ""internalURL"": ""http://heat-v2-int.test:8004/v1/t-9"", ""adminURL"": ""http://heat-v2-adm.test:8004/v1/t-9""}]}]}}");
            mock.Expect(HttpMethod.Get, "http://heat-v2-int.test:8004/v1/t-9/stacks").WithHeaders("X-Auth-Token", "v2-token")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": []}");

            var session = await HeatSession.ConnectAsync(new AuthOptions
            {
                AuthUrl = "http://old-keystone.test:5000/v2.0",
                UserName = "runbook",
                Password = TestCloud.Secure("pw"),
                ProjectName = "legacy",
                Interface = "internal",
            }, mock);
            new HeatClient(session).Stacks.List(new StackListOptions(), default).ToList();

            Assert.Equal("runbook", (string)sent["auth"]["passwordCredentials"]["username"]);
            Assert.Equal("pw", (string)sent["auth"]["passwordCredentials"]["password"]);
            Assert.Equal("legacy", (string)sent["auth"]["tenantName"]);
            Assert.Equal("v2.0", session.KeystoneVersion);
            Assert.Equal("legacy", session.ProjectName);
            Assert.Equal(new DateTime(2099, 2, 3, 4, 5, 6, DateTimeKind.Utc), session.ExpiresAt);
            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task V2_RefusesApplicationCredentials()
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => HeatSession.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.ApplicationCredential,
                AuthUrl = "http://old-keystone.test:5000/v2.0/",
                ApplicationCredentialId = "x",
                ApplicationCredentialSecret = TestCloud.Secure("y"),
            }, new MockHttpMessageHandler(BackendDefinitionBehavior.Always)));
            Assert.Contains("v2.0", error.Message);
        }

        [Fact]
        public async Task TokenWithoutEndpoint_IsRefused()
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => HeatSession.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.Token,
                Token = TestCloud.Secure("t"),
            }, new MockHttpMessageHandler(BackendDefinitionBehavior.Always)));
            Assert.Contains("HeatEndpoint", error.Message);
        }

        [Fact]
        public async Task ExpiredToken_IsRenewedBeforeTheNextCall()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            int tokens = 0;
            mock.When(HttpMethod.Post, "*/v3/auth/tokens").Respond(_ =>
            {
                tokens++;
                // The first token is already expired; the second is good for long.
                return tokens == 1 ? TestCloud.TokenResponse("old", "2000-01-01T00:00:00Z") : TestCloud.TokenResponse("new");
            });
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks").WithHeaders("X-Auth-Token", "new")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": []}");
            var client = new HeatClient(await HeatSession.ConnectAsync(TestCloud.PasswordOptions(), mock));

            client.Stacks.List(new StackListOptions(), default).ToList();

            Assert.Equal(2, tokens);
            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task RefusedToken_IsRenewedOnce_AndTheCallRetried()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            int tokens = 0;
            mock.When(HttpMethod.Post, "*/v3/auth/tokens").Respond(_ => TestCloud.TokenResponse(++tokens == 1 ? "revoked" : "fresh"));
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks").WithHeaders("X-Auth-Token", "revoked")
                .RespondJson(HttpStatusCode.Unauthorized, "{\"error\": {\"message\": \"Authentication required\"}}");
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks").WithHeaders("X-Auth-Token", "fresh")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": [" + TestCloud.StackJson("a", "1") + "]}");
            var client = new HeatClient(await HeatSession.ConnectAsync(TestCloud.PasswordOptions(), mock));

            var stacks = client.Stacks.List(new StackListOptions(), default).ToList();

            Assert.Single(stacks);
            Assert.Equal(2, tokens);
            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task ManyCallsAtOnce_OnAnExpiredToken_RenewItOnce()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            int tokens = 0;
            mock.When(HttpMethod.Post, "*/v3/auth/tokens").Respond(async () =>
            {
                var n = System.Threading.Interlocked.Increment(ref tokens);
                await Task.Delay(50);
                return n == 1 ? TestCloud.TokenResponse("old", "2000-01-01T00:00:00Z") : TestCloud.TokenResponse("new");
            });
            var withNew = mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks").WithHeaders("X-Auth-Token", "new")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": []}");
            var session = await HeatSession.ConnectAsync(TestCloud.PasswordOptions(), mock);

            // As parallel runspaces sharing one session would.
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
                new HeatClient(session).Stacks.List(new StackListOptions(), default).ToList())));

            Assert.Equal(2, tokens);
            Assert.Equal(16, mock.GetMatchCount(withNew));
        }

        [Fact]
        public void SessionText_NeverShowsTheToken()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            var session = TestCloud.TokenSession(mock);

            Assert.DoesNotContain(TestCloud.Token, session.ToString());
            foreach (var property in typeof(HeatSession).GetProperties())
            {
                var value = property.GetValue(session);
                Assert.DoesNotContain(TestCloud.Token, value?.ToString() ?? string.Empty);
            }
        }
    }
}
