using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Keystone;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    public class KeystoneTests
    {
        private const string TokensUrl = FakeHeat.KeystoneV3Url + "/auth/tokens";
        private const string Expired = "2000-01-01T00:00:00Z";

        private static JObject TokenRequest(FakeHeat heat) => heat.Sent(HttpMethod.Post).First(r => r.Uri.AbsoluteUri == TokensUrl).Json;

        [Fact]
        public async Task V3Password_SendsUserDomainAndProjectScope_AndKeepsTokenFromHeader()
        {
            var heat = new FakeHeat().IssuesToken();
            var options = FakeHeat.PasswordOptions();
            options.UserDomainName = "Users";
            options.ProjectDomainName = "Projects";

            var session = await heat.ConnectAsync(options);

            Assert.Equal(new[] { "POST " + TokensUrl }, heat.Log);
            var sent = TokenRequest(heat);
            Assert.Equal(new[] { "password" }, sent["auth"]["identity"]["methods"].Select(m => (string)m));
            var user = sent["auth"]["identity"]["password"]["user"];
            Assert.Equal("demo", (string)user["name"]);
            Assert.Equal("Users", (string)user["domain"]["name"]);
            Assert.Equal(FakeHeat.Password, (string)user["password"]);
            Assert.Equal("demo", (string)sent["auth"]["scope"]["project"]["name"]);
            Assert.Equal("Projects", (string)sent["auth"]["scope"]["project"]["domain"]["name"]);
            Assert.Equal(FakeHeat.DefaultEndpoint, session.HeatEndpoint);
            Assert.Equal("demo", session.UserName);
            Assert.Equal(FakeHeat.ProjectId, session.ProjectId);
            Assert.Equal(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), session.ExpiresAt);
            Assert.Equal(DateTimeKind.Utc, session.ExpiresAt.Value.Kind);
            Assert.Equal("v3", session.KeystoneVersion);
        }

        [Fact]
        public async Task V3_SessionSendsTheTokenToHeat()
        {
            var heat = new FakeHeat().IssuesToken("tok-abc").ListsStacks();
            var client = new HeatClient(await heat.ConnectAsync(FakeHeat.PasswordOptions()));

            var stacks = client.Stacks.List(new StackListOptions(), default).ToList();

            Assert.Empty(stacks);
            Assert.Equal("tok-abc", heat.Sent(HttpMethod.Get).Single().Header("X-Auth-Token"));
        }

        [Fact]
        public async Task BareAuthUrl_GetsV3Path()
        {
            var heat = new FakeHeat().IssuesToken();
            var options = FakeHeat.PasswordOptions();
            options.AuthUrl = "http://keystone.test:5000/";

            await heat.ConnectAsync(options);

            Assert.Equal(new[] { "POST " + TokensUrl }, heat.Log);
        }

        [Fact]
        public async Task ProjectId_ScopesById()
        {
            var heat = new FakeHeat().IssuesToken();
            var options = FakeHeat.PasswordOptions();
            options.ProjectName = null;
            options.ProjectId = "p-42";

            await heat.ConnectAsync(options);

            var sent = TokenRequest(heat);
            Assert.Equal("p-42", (string)sent["auth"]["scope"]["project"]["id"]);
            Assert.Null(sent["auth"]["scope"]["project"]["name"]);
        }

        [Fact]
        public async Task ApplicationCredentialById_SendsIdAndSecret_AndNoScope()
        {
            var heat = new FakeHeat().IssuesToken();

            await heat.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.ApplicationCredential,
                AuthUrl = FakeHeat.KeystoneV3Url,
                ApplicationCredentialId = "ac-1",
                ApplicationCredentialSecret = FakeHeat.Secure("ac-secret"),
            });

            var sent = TokenRequest(heat);
            var identity = sent["auth"]["identity"];
            Assert.Equal("application_credential", (string)identity["methods"][0]);
            Assert.Equal("ac-1", (string)identity["application_credential"]["id"]);
            Assert.Equal("ac-secret", (string)identity["application_credential"]["secret"]);
            Assert.Null(sent["auth"]["scope"]);
        }

        [Fact]
        public async Task ApplicationCredentialByName_SendsTheOwningUser()
        {
            var heat = new FakeHeat().IssuesToken();

            await heat.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.ApplicationCredential,
                AuthUrl = FakeHeat.KeystoneV3Url,
                ApplicationCredentialName = "ci-bot",
                UserName = "demo",
                UserDomainName = "Default",
                ApplicationCredentialSecret = FakeHeat.Secure("ac-secret"),
            });

            var credential = TokenRequest(heat)["auth"]["identity"]["application_credential"];
            Assert.Equal("ci-bot", (string)credential["name"]);
            Assert.Equal("demo", (string)credential["user"]["name"]);
            Assert.Equal("Default", (string)credential["user"]["domain"]["name"]);
        }

        [Theory]
        [InlineData("internal", null, "http://heat-internal.test:8004/v1/" + FakeHeat.ProjectId)]
        [InlineData("public", "RegionTwo", "http://heat-two.test:8004/v1/" + FakeHeat.ProjectId)]
        [InlineData("public", "RegionOne", FakeHeat.DefaultEndpoint)]
        public async Task Endpoint_IsChosenByInterfaceAndRegion(string iface, string region, string expected)
        {
            var heat = new FakeHeat().IssuesToken();
            var options = FakeHeat.PasswordOptions();
            options.Interface = iface;
            options.Region = region;

            var session = await heat.ConnectAsync(options);

            Assert.Equal(expected, session.HeatEndpoint);
        }

        [Fact]
        public async Task MissingEndpoint_SaysWhatTheCatalogHas()
        {
            var heat = new FakeHeat().IssuesToken();
            var options = FakeHeat.PasswordOptions();
            options.Interface = "admin";

            var error = await Assert.ThrowsAsync<HeatEndpointNotFoundException>(() => heat.ConnectAsync(options));

            Assert.Contains("admin", error.Message);
            Assert.Contains("public/RegionOne", error.Message);
            Assert.Equal(("orchestration", "admin", null), (error.ServiceType, error.Interface, error.Region));
        }

        [Fact]
        public async Task CatalogEndpointWithoutUrl_IsSkipped_NotANullReference()
        {
            // A catalog whose orchestration entry lost its "url" (a broken Keystone, a proxy that rewrote the body).
            var body = HeatFixtures.KeystoneV3Token();
            var heatService = body["token"]["catalog"].First(s => (string)s["type"] == "orchestration");
            heatService["endpoints"] = new JArray(new JObject { ["interface"] = "public", ["region_id"] = "RegionOne", ["url"] = null });
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, TokensUrl).Answer(_ =>
            {
                var response = FakeHeat.JsonResponse(System.Net.HttpStatusCode.Created, body);
                response.Headers.Add("X-Subject-Token", FakeHeat.Token);
                return response;
            });

            var error = await Assert.ThrowsAsync<HeatEndpointNotFoundException>(() => heat.ConnectAsync(FakeHeat.PasswordOptions()));

            Assert.Contains("'orchestration'", error.Message);
        }

        [Fact]
        public async Task HeatEndpointOption_OverridesTheCatalog()
        {
            var heat = new FakeHeat().IssuesToken();
            var options = FakeHeat.PasswordOptions();
            options.HeatEndpoint = "https://heat.example.test/v1/xyz/";

            var session = await heat.ConnectAsync(options);

            Assert.Equal("https://heat.example.test/v1/xyz", session.HeatEndpoint);
        }

        [Fact]
        public async Task WrongPassword_IsAuthenticationError_ThatDoesNotEchoThePassword()
        {
            var heat = new FakeHeat().RefusesLogin();

            var error = await Assert.ThrowsAsync<HeatAuthenticationException>(() => heat.ConnectAsync(FakeHeat.PasswordOptions()));

            Assert.Equal($"Keystone at {TokensUrl} refused the credentials for user 'demo' in domain 'Default', project 'demo' in domain 'Default': " +
                         "the user name, password, domain or project is wrong (Keystone does not say which). " +
                         "Keystone said: The request you have made requires authentication.", error.Message);
            Assert.DoesNotContain(FakeHeat.Password, error.ToString());
        }

        [Fact]
        public async Task V2_PostsPasswordCredentialsWithTenant_AndReadsServiceCatalog()
        {
            var heat = new FakeHeat("http://heat-v2-int.test:8004/v1/t-9")
                .IssuesV2Token("v2-token", "2099-02-03T04:05:06Z", "t-9", "legacy", "runbook")
                .ListsStacks();

            var session = await heat.ConnectAsync(new AuthOptions
            {
                AuthUrl = FakeHeat.KeystoneV2Url,
                UserName = "runbook",
                Password = FakeHeat.Secure("pw"),
                ProjectName = "legacy",
                Interface = "internal",
            });
            new HeatClient(session).Stacks.List(new StackListOptions(), default).ToList();

            Assert.Equal(new[] { "POST " + FakeHeat.KeystoneV2Url + "/tokens", "GET stacks?limit=100" }, heat.Log);
            var sent = heat.Requests[0].Json;
            Assert.Equal("runbook", (string)sent["auth"]["passwordCredentials"]["username"]);
            Assert.Equal("pw", (string)sent["auth"]["passwordCredentials"]["password"]);
            Assert.Equal("legacy", (string)sent["auth"]["tenantName"]);
            Assert.Equal("v2-token", heat.Requests[1].Header("X-Auth-Token"));
            Assert.Equal("v2.0", session.KeystoneVersion);
            Assert.Equal("legacy", session.ProjectName);
            Assert.Equal(new DateTime(2099, 2, 3, 4, 5, 6, DateTimeKind.Utc), session.ExpiresAt);
        }

        [Fact]
        public async Task V2_RefusesApplicationCredentials()
        {
            var heat = new FakeHeat();

            var error = await Assert.ThrowsAsync<ArgumentException>(() => heat.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.ApplicationCredential,
                AuthUrl = FakeHeat.KeystoneV2Url + "/",
                ApplicationCredentialId = "x",
                ApplicationCredentialSecret = FakeHeat.Secure("y"),
            }));

            Assert.Contains("v2.0", error.Message);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public async Task TokenWithoutEndpoint_IsRefused()
        {
            var heat = new FakeHeat();

            var error = await Assert.ThrowsAsync<ArgumentException>(() => heat.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.Token,
                Token = FakeHeat.Secure("t"),
            }));

            Assert.Contains("A token needs Heat's endpoint or an auth URL", error.Message);
        }

        [Fact]
        public async Task ExpiredToken_IsRenewedBeforeTheNextCall()
        {
            var heat = new FakeHeat().IssuesToken("old", Expired).IssuesToken("new").ListsStacks();
            var client = new HeatClient(await heat.ConnectAsync(FakeHeat.PasswordOptions()));

            client.Stacks.List(new StackListOptions(), default).ToList();

            Assert.Equal(new[] { "POST " + TokensUrl, "POST " + TokensUrl, "GET stacks?limit=100" }, heat.Log);
            Assert.Equal("new", heat.Requests[2].Header("X-Auth-Token"));
        }

        [Fact]
        public async Task RefusedToken_IsRenewedOnce_AndTheCallRetried()
        {
            var heat = new FakeHeat().IssuesToken("revoked").IssuesToken("fresh");
            heat.On(HttpMethod.Get, "stacks")
                .Error(System.Net.HttpStatusCode.Unauthorized, "Authentication required")
                .Json(System.Net.HttpStatusCode.OK, HeatFixtures.List("stacks", HeatFixtures.Stack("a", "1")));
            var client = new HeatClient(await heat.ConnectAsync(FakeHeat.PasswordOptions()));

            var stacks = client.Stacks.List(new StackListOptions(), default).ToList();

            Assert.Single(stacks);
            Assert.Equal(new[] { "POST " + TokensUrl, "GET stacks?limit=100", "POST " + TokensUrl, "GET stacks?limit=100" }, heat.Log);
            Assert.Equal(new[] { "revoked", "fresh" }, heat.Sent(HttpMethod.Get).Select(r => r.Header("X-Auth-Token")));
        }

        [Fact]
        public async Task ManyCallsAtOnce_OnAnExpiredToken_RenewItOnce()
        {
            var heat = new FakeHeat().ListsStacks();
            int tokens = 0;
            // Slow enough that the callers pile up behind the renewal.
            heat.On(HttpMethod.Post, TokensUrl).Answer(async _ =>
            {
                var n = System.Threading.Interlocked.Increment(ref tokens);
                await Task.Delay(50);
                var response = FakeHeat.JsonResponse(System.Net.HttpStatusCode.Created, HeatFixtures.KeystoneV3Token(n == 1 ? Expired : HeatFixtures.FarFuture));
                response.Headers.Add("X-Subject-Token", n == 1 ? "old" : "new");
                return response;
            });
            var session = await heat.ConnectAsync(FakeHeat.PasswordOptions());

            // As parallel runspaces sharing one session would.
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
                new HeatClient(session).Stacks.List(new StackListOptions(), default).ToList())));

            Assert.Equal(2, tokens);
            Assert.Equal(Enumerable.Repeat("new", 16), heat.Sent(HttpMethod.Get).Select(r => r.Header("X-Auth-Token")));
        }

        [Fact]
        public void SessionText_NeverShowsTheToken()
        {
            var session = new FakeHeat().TokenSession();

            Assert.DoesNotContain(FakeHeat.Token, session.ToString());
            foreach (var property in typeof(HeatSession).GetProperties())
            {
                var value = property.GetValue(session);
                Assert.DoesNotContain(FakeHeat.Token, value?.ToString() ?? string.Empty);
            }
        }
    }
}
