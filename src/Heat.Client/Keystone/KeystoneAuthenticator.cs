using System;
using System.Collections.Generic;
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

        public static async Task<AuthState> AuthenticateAsync(HeatSession session, AuthOptions options, Action<string>? trace, CancellationToken cancellationToken)
        {
            if (Strings.IsNullOrWhiteSpace(options.AuthUrl))
            {
                throw new ArgumentException("An auth URL is required to authenticate.");
            }
            var uri = TokensUri(options.AuthUrl);
            if (IsV2(options.AuthUrl))
            {
                return await AuthenticateV2Async(session, options, uri, trace, cancellationToken).ConfigureAwait(false);
            }
            var body = BuildV3Body(options);
            HeatResponse response;
            try
            {
                response = await session.SendUnauthenticatedAsync(HttpMethod.Post, uri, body, trace, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatAuthenticationException refused)
            {
                // Keystone says only "requires authentication"; so does any service behind keystonemiddleware (Heat's
                // /v1) for a request without a token. Keystone's version document tells the two apart.
                if (!await IsKeystoneV3Async(session, uri, trace, cancellationToken).ConfigureAwait(false))
                {
                    throw NotKeystone(uri, "it answered HTTP 401, and " + VersionUri(uri) + " is not Keystone's v3 version document", refused);
                }
                var projectRefused = await ProjectRefusalAsync(session, options, uri, trace, cancellationToken).ConfigureAwait(false);
                if (projectRefused != null) throw projectRefused;
                throw new HeatAuthenticationException(refused.StatusCode ?? System.Net.HttpStatusCode.Unauthorized,
                    RefusalMessage(options, uri, refused.Message), refused.ErrorType, refused.Method, refused.RequestUri);
            }
            catch (HeatException e) when (e.StatusCode.HasValue && ((int)e.StatusCode < 400 || (int)e.StatusCode == 404 || (int)e.StatusCode == 405))
            {
                throw NotKeystone(uri, $"it answered HTTP {(int)e.StatusCode.Value}", e);
            }
            catch (HeatInvalidResponseException e)
            {
                throw NotKeystone(uri, "its answer is not JSON", e);
            }
            var token = SubjectToken(response);
            if (Strings.IsNullOrEmpty(token))
            {
                throw NotKeystone(uri, "it answered without an X-Subject-Token header");
            }
            CheckToken(token, uri);
            JObject json;
            try
            {
                json = response.Object("token");
            }
            catch (HeatInvalidResponseException e)
            {
                throw NotKeystone(uri, "its answer has no 'token' object", e);
            }
            if (!(json["project"] is JObject))
            {
                throw Unscoped(options, uri, json["user"].Str("name") ?? options.UserName ?? options.UserId);
            }
            return new AuthState(token, ServiceCatalog.FromV3(json["catalog"]))
            {
                ExpiresAt = HeatTime.Get(json, "expires_at"),
                IssuedAt = HeatTime.Get(json, "issued_at"),
                UserId = json["user"].Str("id"),
                UserName = json["user"].Str("name"),
                ProjectId = json["project"].Str("id"),
                ProjectName = json["project"].Str("name"),
                KeystoneVersion = "v3",
            };
        }

        /// <summary>The token Keystone v3 gives in the X-Subject-Token header; null when there is none.</summary>
        private static string? SubjectToken(HeatResponse response) =>
            response.Headers != null && response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;

        /// <summary>Keystone's v3 root for a tokens URL: <c>.../v3/auth/tokens</c> → <c>.../v3</c>.</summary>
        internal static Uri VersionUri(Uri tokensUri)
        {
            var text = tokensUri.GetLeftPart(UriPartial.Path);
            const string suffix = "/auth/tokens";
            return new Uri(text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? text.Substring(0, text.Length - suffix.Length) : text);
        }

        private static async Task<bool> IsKeystoneV3Async(HeatSession session, Uri tokensUri, Action<string>? trace, CancellationToken cancellationToken)
        {
            try
            {
                var answer = await session.SendUnauthenticatedAsync(HttpMethod.Get, VersionUri(tokensUri), null, trace, cancellationToken).ConfigureAwait(false);
                var version = (answer.Json as JObject)?["version"];
                var id = version.Str("id");
                return id != null && id.StartsWith("v3", StringComparison.OrdinalIgnoreCase);
            }
            catch (HeatException)
            {
                return false;
            }
        }

        private static HeatIdentityNotFoundException NotKeystone(Uri uri, string what, Exception? inner = null)
        {
            return new HeatIdentityNotFoundException(
                $"There is no Keystone v3 identity API at {uri}: {what}. The auth URL is Keystone's root or its /v3, " +
                "for example https://keystone.example:5000/v3: check the path and the port.", uri, inner);
        }


        /// <summary>
        /// Keystone answers a project the user has no role on (or no such project) exactly as it answers a wrong password.
        /// Asking once more without the project tells them apart: when that succeeds, the user is who they say and only
        /// the project was refused, and the token it gives lists the projects the user has a role on. Null when the
        /// request without the project fails too (the credentials are wrong), or named no project to begin with. A
        /// cloud with a lockout policy counts a wrong password twice this way.
        /// </summary>
        private static async Task<HeatProjectNotAuthorizedException?> ProjectRefusalAsync(HeatSession session, AuthOptions options, Uri uri,
            Action<string>? trace, CancellationToken cancellationToken)
        {
            if (options.Method == AuthMethod.ApplicationCredential || BuildProjectScope(options) == null) return null;
            HeatResponse answer;
            try
            {
                answer = await session.SendUnauthenticatedAsync(HttpMethod.Post, uri, BuildV3Body(options, scoped: false), trace, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (HeatException)
            {
                return null;
            }
            var token = SubjectToken(answer);
            var user = ((answer.Json as JObject)?["token"] as JObject)?["user"].Str("name") ?? options.UserName ?? options.UserId;
            var projects = await UserProjectsAsync(session, uri, token, trace, cancellationToken).ConfigureAwait(false);
            var accepted = options.Method == AuthMethod.Token ? $"the token of user '{user}'" : $"the password of {UserText(options)}";
            string listed;
            if (projects == null) listed = string.Empty;
            else if (projects.Count == 0) listed = " The user has a role on no project.";
            else listed = " The user has a role on: " + string.Join(", ", projects.Select(p => $"'{p}'")) + ".";
            return new HeatProjectNotAuthorizedException(
                $"Keystone at {uri} accepted {accepted} but refused a token for {ProjectText(options)}: the user has no role on " +
                $"that project, or there is no such project.{listed}",
                user, options.ProjectId ?? options.ProjectName, projects);
        }

        /// <summary>The names of the projects a token's user has a role on (GET /v3/auth/projects); null if unreadable.</summary>
        private static async Task<IReadOnlyList<string>?> UserProjectsAsync(HeatSession session, Uri tokensUri, string? token, Action<string>? trace,
            CancellationToken cancellationToken)
        {
            if (Strings.IsNullOrEmpty(token) || token.Any(c => c <= ' ' || c >= 0x7F)) return null;
            try
            {
                var answer = await session.SendWithTokenAsync(HttpMethod.Get, new Uri(VersionUri(tokensUri).ToString().TrimEnd('/') + "/auth/projects"), token,
                    trace, cancellationToken).ConfigureAwait(false);
                return ((answer.Json as JObject)?["projects"] as JArray)?.Select(p => p.Str("name")).OfType<string>().OrderBy(n => n, StringComparer.Ordinal)
                    .ToList();
            }
            catch (HeatException)
            {
                return null;
            }
        }

        private static string RefusalMessage(AuthOptions options, Uri uri, string said)
        {
            string who;
            string wrong;
            switch (options.Method)
            {
                case AuthMethod.ApplicationCredential:
                    who = !Strings.IsNullOrEmpty(options.ApplicationCredentialId)
                        ? $"application credential '{options.ApplicationCredentialId}'"
                        : $"application credential '{options.ApplicationCredentialName}' of {UserText(options)}";
                    wrong = "the id, name or secret is wrong, or the credential has expired";
                    break;
                case AuthMethod.Token:
                    who = "the token";
                    wrong = "it has expired or was revoked, or the project is wrong";
                    break;
                default:
                    who = "the credentials for " + UserText(options) + ", " + ProjectText(options);
                    wrong = "the user name, password, domain or project is wrong";
                    break;
            }
            return $"Keystone at {uri} refused {who}: {wrong} (Keystone does not say which). Keystone said: {said}";
        }

        private static string UserText(AuthOptions options)
        {
            if (!Strings.IsNullOrEmpty(options.UserId)) return $"user id '{options.UserId}'";
            var domain = !Strings.IsNullOrEmpty(options.UserDomainId) ? $"domain id '{options.UserDomainId}'" : $"domain '{options.UserDomainName ?? "Default"}'";
            return $"user '{options.UserName}' in {domain}";
        }

        private static string ProjectText(AuthOptions options)
        {
            if (!Strings.IsNullOrEmpty(options.ProjectId)) return $"project id '{options.ProjectId}'";
            if (Strings.IsNullOrEmpty(options.ProjectName)) return "no project";
            var domain = !Strings.IsNullOrEmpty(options.ProjectDomainId) ? $"domain id '{options.ProjectDomainId}'" : $"domain '{options.ProjectDomainName ?? "Default"}'";
            return $"project '{options.ProjectName}' in {domain}";
        }

        private static HeatUnscopedTokenException Unscoped(AuthOptions options, Uri uri, string? user)
        {
            var asked = Strings.IsNullOrEmpty(options.ProjectName) && Strings.IsNullOrEmpty(options.ProjectId)
                ? "no project was named and the user has no default project"
                : "Keystone did not scope it to the project named";
            return new HeatUnscopedTokenException(
                $"Keystone at {uri} accepted user '{user}' but gave an unscoped token ({asked}); an unscoped token has no service " +
                "catalog and Heat does not accept it. Name the project (OS_PROJECT_NAME or OS_PROJECT_ID; project_name or project_id in clouds.yaml).");
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

        /// <param name="scoped">False for the same identity without the project (see <see cref="ProjectRefusalAsync"/>).</param>
        internal static JObject BuildV3Body(AuthOptions options, bool scoped = true)
        {
            var identity = new JObject();
            JObject? scope = null;
            switch (options.Method)
            {
                case AuthMethod.ApplicationCredential:
                    var credential = new JObject();
                    if (!Strings.IsNullOrEmpty(options.ApplicationCredentialId))
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
                case AuthMethod.Token:
                    // A token from elsewhere, exchanged for one scoped to the project (keystoneauth's v3 token plugin).
                    identity["methods"] = new JArray("token");
                    identity["token"] = new JObject { ["id"] = Secrets.Reveal(options.Token) };
                    scope = BuildProjectScope(options);
                    break;
                default:
                    throw new ArgumentException($"Keystone cannot authenticate with method {options.Method}.");
            }
            var auth = new JObject { ["identity"] = identity };
            if (scope != null && scoped) auth["scope"] = scope;
            return new JObject { ["auth"] = auth };
        }

        private static JObject BuildUser(AuthOptions options)
        {
            var user = new JObject();
            if (!Strings.IsNullOrEmpty(options.UserId))
            {
                user["id"] = options.UserId;
                return user;
            }
            user["name"] = options.UserName;
            user["domain"] = !Strings.IsNullOrEmpty(options.UserDomainId)
                ? new JObject { ["id"] = options.UserDomainId }
                : new JObject { ["name"] = options.UserDomainName ?? "Default" };
            return user;
        }

        private static JObject? BuildProjectScope(AuthOptions options)
        {
            if (!Strings.IsNullOrEmpty(options.ProjectId))
            {
                return new JObject { ["project"] = new JObject { ["id"] = options.ProjectId } };
            }
            if (Strings.IsNullOrEmpty(options.ProjectName)) return null;
            var domain = !Strings.IsNullOrEmpty(options.ProjectDomainId)
                ? new JObject { ["id"] = options.ProjectDomainId }
                : new JObject { ["name"] = options.ProjectDomainName ?? "Default" };
            return new JObject { ["project"] = new JObject { ["name"] = options.ProjectName, ["domain"] = domain } };
        }

        private static async Task<AuthState> AuthenticateV2Async(HeatSession session, AuthOptions options, Uri uri, Action<string>? trace, CancellationToken cancellationToken)
        {
            if (options.Method != AuthMethod.Password)
            {
                throw new ArgumentException("Keystone v2.0 knows only passwords here; use a v3 auth URL for application credentials and tokens.");
            }
            var auth = new JObject
            {
                ["passwordCredentials"] = new JObject
                {
                    ["username"] = options.UserName,
                    ["password"] = Secrets.Reveal(options.Password),
                },
            };
            if (!Strings.IsNullOrEmpty(options.ProjectId)) auth["tenantId"] = options.ProjectId;
            else if (!Strings.IsNullOrEmpty(options.ProjectName)) auth["tenantName"] = options.ProjectName;
            HeatResponse response;
            try
            {
                response = await session.SendUnauthenticatedAsync(HttpMethod.Post, uri, new JObject { ["auth"] = auth }, trace, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatAuthenticationException refused)
            {
                throw new HeatAuthenticationException(refused.StatusCode ?? System.Net.HttpStatusCode.Unauthorized,
                    RefusalMessage(options, uri, refused.Message), refused.ErrorType, refused.Method, refused.RequestUri);
            }
            var access = response.Object("access");
            var token = access["token"];
            var id = token.Str("id");
            if (token == null || id == null)
            {
                throw new HeatException($"Keystone at {uri} answered without access.token.id.");
            }
            CheckToken(id, uri);
            if (!(token["tenant"] is JObject))
            {
                throw Unscoped(options, uri, access["user"].Str("name") ?? options.UserName);
            }
            return new AuthState(id, ServiceCatalog.FromV2(access["serviceCatalog"]))
            {
                ExpiresAt = HeatTime.Get(token, "expires"),
                IssuedAt = HeatTime.Get(token, "issued_at"),
                UserId = access["user"].Str("id"),
                UserName = access["user"].Str("name") ?? access["user"].Str("username"),
                ProjectId = token["tenant"].Str("id"),
                ProjectName = token["tenant"].Str("name"),
                KeystoneVersion = "v2.0",
            };
        }
    }
}
