using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Keystone
{
    /// <summary>Keystone v3 (password, application credential) and the legacy v2.0 tokens API.</summary>
    internal static class KeystoneAuthenticator
    {
        public static bool IsV2(string authUrl)
        {
            var path = new Uri(authUrl).AbsolutePath.TrimEnd('/');
            return path.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/v2", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The tokens URL for an auth URL: <c>.../v3</c> and <c>.../v2.0</c> are used as given, a bare URL gets <c>/v3</c>.</summary>
        public static Uri TokensUri(string authUrl)
        {
            var trimmed = authUrl.TrimEnd('/');
            if (IsV2(authUrl)) return new Uri(trimmed + "/tokens");
            var path = new Uri(trimmed).AbsolutePath;
            if (path.EndsWith("/v3", StringComparison.OrdinalIgnoreCase)) return new Uri(trimmed + "/auth/tokens");
            return new Uri(trimmed + "/v3/auth/tokens");
        }

        public static async Task<AuthState> AuthenticateAsync(HeatSession session, AuthOptions options, Action<string> trace, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(options.AuthUrl))
            {
                throw new ArgumentException("An auth URL is required to authenticate.");
            }
            var uri = TokensUri(options.AuthUrl);
            if (IsV2(options.AuthUrl))
            {
                return await AuthenticateV2Async(session, options, uri, trace, cancellationToken).ConfigureAwait(false);
            }
            var body = BuildV3Body(options);
            var response = await session.SendUnauthenticatedAsync(HttpMethod.Post, uri, body, trace, cancellationToken).ConfigureAwait(false);
            var token = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new HeatException($"Keystone at {uri} answered without an X-Subject-Token header.");
            }
            CheckToken(token, uri);
            var json = response.Object("token");
            return new AuthState
            {
                Token = token,
                ExpiresAt = HeatTime.Get(json, "expires_at"),
                IssuedAt = HeatTime.Get(json, "issued_at"),
                UserId = json?["user"].Str("id"),
                UserName = json?["user"].Str("name"),
                ProjectId = json?["project"].Str("id"),
                ProjectName = json?["project"].Str("name"),
                KeystoneVersion = "v3",
                Catalog = ServiceCatalog.FromV3(json?["catalog"]),
            };
        }

        /// <summary>A token goes into a header of every request: one with line breaks or controls could inject headers.</summary>
        private static void CheckToken(string token, Uri uri)
        {
            foreach (var c in token)
            {
                if (c <= ' ' || c >= 0x7F)
                {
                    throw new HeatException($"Keystone at {uri} answered a token that is not a valid header value.");
                }
            }
        }

        internal static JObject BuildV3Body(AuthOptions options)
        {
            var identity = new JObject();
            JObject scope = null;
            switch (options.Method)
            {
                case AuthMethod.ApplicationCredential:
                    var credential = new JObject();
                    if (!string.IsNullOrEmpty(options.ApplicationCredentialId))
                    {
                        credential["id"] = options.ApplicationCredentialId;
                    }
                    else
                    {
                        credential["name"] = options.ApplicationCredentialName;
                        credential["user"] = BuildUser(options);
                    }
                    credential["secret"] = Secrets.Reveal(options.ApplicationCredentialSecret);
                    identity["methods"] = new JArray("application_credential");
                    identity["application_credential"] = credential;
                    // An application credential carries its own scope; Keystone refuses one in the request.
                    break;
                case AuthMethod.Password:
                    var user = BuildUser(options);
                    user["password"] = Secrets.Reveal(options.Password);
                    identity["methods"] = new JArray("password");
                    identity["password"] = new JObject { ["user"] = user };
                    scope = BuildProjectScope(options);
                    break;
                default:
                    throw new ArgumentException($"Keystone cannot authenticate with method {options.Method}.");
            }
            var auth = new JObject { ["identity"] = identity };
            if (scope != null) auth["scope"] = scope;
            return new JObject { ["auth"] = auth };
        }

        private static JObject BuildUser(AuthOptions options)
        {
            var user = new JObject();
            if (!string.IsNullOrEmpty(options.UserId))
            {
                user["id"] = options.UserId;
                return user;
            }
            user["name"] = options.UserName;
            user["domain"] = !string.IsNullOrEmpty(options.UserDomainId)
                ? new JObject { ["id"] = options.UserDomainId }
                : new JObject { ["name"] = options.UserDomainName ?? "Default" };
            return user;
        }

        private static JObject BuildProjectScope(AuthOptions options)
        {
            if (!string.IsNullOrEmpty(options.ProjectId))
            {
                return new JObject { ["project"] = new JObject { ["id"] = options.ProjectId } };
            }
            if (string.IsNullOrEmpty(options.ProjectName)) return null;
            var domain = !string.IsNullOrEmpty(options.ProjectDomainId)
                ? new JObject { ["id"] = options.ProjectDomainId }
                : new JObject { ["name"] = options.ProjectDomainName ?? "Default" };
            return new JObject { ["project"] = new JObject { ["name"] = options.ProjectName, ["domain"] = domain } };
        }

        private static async Task<AuthState> AuthenticateV2Async(HeatSession session, AuthOptions options, Uri uri, Action<string> trace, CancellationToken cancellationToken)
        {
            if (options.Method != AuthMethod.Password)
            {
                throw new ArgumentException("Keystone v2.0 knows only passwords; use a v3 auth URL for application credentials.");
            }
            var auth = new JObject
            {
                ["passwordCredentials"] = new JObject
                {
                    ["username"] = options.UserName,
                    ["password"] = Secrets.Reveal(options.Password),
                },
            };
            if (!string.IsNullOrEmpty(options.ProjectId)) auth["tenantId"] = options.ProjectId;
            else if (!string.IsNullOrEmpty(options.ProjectName)) auth["tenantName"] = options.ProjectName;
            var response = await session.SendUnauthenticatedAsync(HttpMethod.Post, uri, new JObject { ["auth"] = auth }, trace, cancellationToken).ConfigureAwait(false);
            var access = response.Object("access");
            var token = access["token"];
            if (token?.Str("id") == null)
            {
                throw new HeatException($"Keystone at {uri} answered without access.token.id.");
            }
            CheckToken(token.Str("id"), uri);
            return new AuthState
            {
                Token = token.Str("id"),
                ExpiresAt = HeatTime.Get(token, "expires"),
                IssuedAt = HeatTime.Get(token, "issued_at"),
                UserId = access["user"].Str("id"),
                UserName = access["user"].Str("name") ?? access["user"].Str("username"),
                ProjectId = token["tenant"].Str("id"),
                ProjectName = token["tenant"].Str("name"),
                KeystoneVersion = "v2.0",
                Catalog = ServiceCatalog.FromV2(access["serviceCatalog"]),
            };
        }
    }
}
