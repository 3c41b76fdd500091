using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Heat.Client.Keystone;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>
    /// What Connect says when Keystone refuses, scopes nothing, or is not there at all: each case a user meets with a
    /// wrong password, a forgotten project, or an auth URL with the wrong path or port. Real sockets (FakeServer), so
    /// the answers are as odd as real servers make them.
    /// </summary>
    public class KeystoneErrorTests
    {
        private const string Password = "n0t-in-any-message";

        private static AuthOptions Login(string authUrl, string project = "demo") => new AuthOptions
        {
            AuthUrl = authUrl,
            UserName = "demo",
            Password = FakeHeat.Secure(Password),
            ProjectName = project,
            MaxRetries = 0,
        };

        private static FakeReply Token(JObject body) => FakeReply.Json(body.ToString(), 201).Header("X-Subject-Token", "gAAAA-token");

        [Fact]
        public async Task WrongCredentials_NameTheUserDomainAndProject_AndWhatMayBeWrong_NeverThePassword()
        {
            using var keystone = new FakeServer(r => r.Method == "GET" && r.Path == "/v3"
                ? FakeReply.Json(HeatFixtures.KeystoneV3Version("http://127.0.0.1/v3").ToString())
                : FakeReply.Json(HeatFixtures.KeystoneUnauthorized().ToString(), 401).Header("WWW-Authenticate", "Keystone uri=\"x\""));
            var options = Login(keystone.Url("v3"), project: "ops");
            options.UserDomainName = "Users";
            options.ProjectDomainName = "Teams";

            var error = await Assert.ThrowsAsync<HeatAuthenticationException>(() => HeatSession.ConnectAsync(options));

            Assert.Equal($"Keystone at {keystone.Url("v3/auth/tokens")} refused the credentials for user 'demo' in domain 'Users', " +
                         "project 'ops' in domain 'Teams': the user name, password, domain or project is wrong (Keystone does not say which). " +
                         "Keystone said: The request you have made requires authentication.", error.Message);
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            Assert.DoesNotContain(Password, error.ToString());
            // Asked once more without the project (to tell a refused project from wrong credentials): refused too.
            Assert.Equal(new[] { "POST /v3/auth/tokens", "GET /v3", "POST /v3/auth/tokens" }, keystone.Requests.Select(r => r.ToString()));
            Assert.Null(JObject.Parse(keystone.Requests.Last().Body)["auth"]["scope"]);
        }

        [Fact]
        public async Task AProjectRefused_ToAUserKeystoneAccepts_IsNotCalledWrongCredentials()
        {
            using var keystone = new FakeServer(r =>
            {
                if (r.Method == "GET" && r.Path == "/v3") return FakeReply.Json(HeatFixtures.KeystoneV3Version("http://127.0.0.1/v3").ToString());
                if (r.Method == "GET" && r.Path == "/v3/auth/projects")
                {
                    return FakeReply.Json(new JObject { ["projects"] = new JArray(new JObject { ["name"] = "web" }, new JObject { ["name"] = "db" }) }.ToString());
                }
                return JObject.Parse(r.Body)["auth"]["scope"] != null
                    ? FakeReply.Json(HeatFixtures.KeystoneUnauthorized().ToString(), 401)
                    : Token(HeatFixtures.KeystoneV3Token());
            });
            var options = Login(keystone.Url("v3"), project: "ops");

            var error = await Assert.ThrowsAsync<HeatProjectNotAuthorizedException>(() => HeatSession.ConnectAsync(options));

            Assert.Equal($"Keystone at {keystone.Url("v3/auth/tokens")} accepted the password of user 'demo' in domain 'Default' but refused a " +
                         "token for project 'ops' in domain 'Default': the user has no role on that project, or there is no such project. " +
                         "The user has a role on: 'db', 'web'.", error.Message);
            Assert.Equal("ops", error.Project);
            Assert.Equal(new[] { "db", "web" }, error.UserProjects);
            Assert.Equal("gAAAA-token", keystone.Requests.Last().Headers["X-Auth-Token"]);
            Assert.DoesNotContain(Password, error.ToString());
        }

        [Fact]
        public async Task RefusedApplicationCredential_NamesIt()
        {
            using var keystone = new FakeServer(r => r.Method == "GET"
                ? FakeReply.Json(HeatFixtures.KeystoneV3Version("http://127.0.0.1/v3").ToString())
                : FakeReply.Json(HeatFixtures.KeystoneUnauthorized().ToString(), 401));
            var options = new AuthOptions
            {
                Method = AuthMethod.ApplicationCredential,
                AuthUrl = keystone.Url("v3"),
                ApplicationCredentialId = "ac-1",
                ApplicationCredentialSecret = FakeHeat.Secure(Password),
                MaxRetries = 0,
            };

            var error = await Assert.ThrowsAsync<HeatAuthenticationException>(() => HeatSession.ConnectAsync(options));

            Assert.StartsWith($"Keystone at {keystone.Url("v3/auth/tokens")} refused application credential 'ac-1': the id, name or secret is wrong", error.Message);
            Assert.DoesNotContain(Password, error.ToString());
        }

        [Fact]
        public async Task NoProject_IsAnUnscopedToken_SaidSo_NotAMissingHeat()
        {
            var unscoped = HeatFixtures.KeystoneV3Token();
            var token = (JObject)unscoped["token"];
            token.Remove("project");
            token.Remove("catalog");
            token.Remove("roles");
            using var keystone = new FakeServer(_ => Token(unscoped));

            var error = await Assert.ThrowsAsync<HeatUnscopedTokenException>(() => HeatSession.ConnectAsync(Login(keystone.Url("v3"), project: null)));

            Assert.Contains("gave an unscoped token (no project was named and the user has no default project)", error.Message);
            Assert.Contains("Name the project (OS_PROJECT_NAME or OS_PROJECT_ID", error.Message);
            Assert.DoesNotContain("catalog has no", error.Message);
        }

        [Fact]
        public async Task PathWithoutKeystone_Says_NoIdentityApi_AtTheUrlTried()
        {
            // Keystone's own answer under a path it does not serve (/v9): Flask's HTML 404.
            using var keystone = new FakeServer(_ => FakeReply.Text("<!doctype html><title>404 Not Found</title><h1>Not Found</h1>", "text/html", 404));

            var error = await Assert.ThrowsAsync<HeatIdentityNotFoundException>(() => HeatSession.ConnectAsync(Login(keystone.Url("v9"))));

            Assert.Equal($"There is no Keystone v3 identity API at {keystone.Url("v9/v3/auth/tokens")}: it answered HTTP 404. The auth URL is " +
                         "Keystone's root or its /v3, for example https://keystone.example:5000/v3: check the path and the port.", error.Message);
            Assert.Equal(keystone.Url("v9/v3/auth/tokens"), error.TriedUri.AbsoluteUri);
        }

        [Fact]
        public async Task HeatsPort_Says_NoIdentityApi_NotHeatsVersionDocument()
        {
            // Heat's root answers any path with 300 and its versions.
            using var heat = new FakeServer(_ => FakeReply.Json(
                "{\"versions\": [{\"id\": \"v1.0\", \"status\": \"CURRENT\", \"links\": [{\"rel\": \"self\", \"href\": \"http://127.0.0.1:8004/v1/\"}]}]}", 300));

            var error = await Assert.ThrowsAsync<HeatIdentityNotFoundException>(() => HeatSession.ConnectAsync(Login(heat.BaseUrl)));

            Assert.StartsWith($"There is no Keystone v3 identity API at {heat.Url("v3/auth/tokens")}: it answered HTTP 300.", error.Message);
            Assert.DoesNotContain("versions", error.Message);
        }

        [Fact]
        public async Task A401FromAServiceBehindKeystone_IsNotTakenForRefusedCredentials()
        {
            // Heat's /v1 (keystonemiddleware) answers 401 to everything without a token, the version document too.
            using var heat = new FakeServer(_ => FakeReply.Json(HeatFixtures.KeystoneUnauthorized().ToString(), 401)
                .Header("WWW-Authenticate", "Keystone uri=\"http://127.0.0.1:5000\""));

            var error = await Assert.ThrowsAsync<HeatIdentityNotFoundException>(() => HeatSession.ConnectAsync(Login(heat.Url("v1"))));

            Assert.StartsWith($"There is no Keystone v3 identity API at {heat.Url("v1/v3/auth/tokens")}: it answered HTTP 401, and " +
                              $"{heat.Url("v1/v3")} is not Keystone's v3 version document.", error.Message);
        }

        [Fact]
        public async Task ASuccessThatIsNotKeystones_Says_NoIdentityApi()
        {
            using var portal = new FakeServer(_ => FakeReply.Text("<html>Welcome to the portal</html>", "text/html", 200));

            var error = await Assert.ThrowsAsync<HeatIdentityNotFoundException>(() => HeatSession.ConnectAsync(Login(portal.Url("v3"))));

            Assert.Contains($"at {portal.Url("v3/auth/tokens")}: its answer is not JSON", error.Message);
        }

        [Fact]
        public async Task TokenWithAuthUrl_IsExchangedForAScopedOne_WhoseCatalogNamesHeat()
        {
            var heat = new FakeHeat().IssuesToken("scoped-token");
            var options = new AuthOptions
            {
                Method = AuthMethod.Token,
                Token = FakeHeat.Secure("from-elsewhere"),
                AuthUrl = FakeHeat.KeystoneV3Url,
                ProjectName = "demo",
            };

            var session = await heat.ConnectAsync(options);

            var sent = heat.Requests.Single().Json["auth"];
            Assert.Equal(new[] { "token" }, sent["identity"]["methods"].Select(m => (string)m));
            Assert.Equal("from-elsewhere", (string)sent["identity"]["token"]["id"]);
            Assert.Equal("demo", (string)sent["scope"]["project"]["name"]);
            Assert.Equal(FakeHeat.DefaultEndpoint, session.HeatEndpoint);
        }
    }
}
