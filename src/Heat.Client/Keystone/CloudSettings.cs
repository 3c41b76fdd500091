using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Keystone
{
    /// <summary>
    /// One cloud's settings as read from clouds.yaml or OS_* variables, before they are checked: a caller may replace
    /// any of them (explicit parameters win) and then asks <see cref="ToAuthOptions"/>, which names what is missing.
    /// Secrets are SecureStrings from the moment they are read.
    /// </summary>
    public sealed class CloudSettings
    {
        // The secrets as read from the secure file, by their key: still the same objects when they are the ones used.
        private readonly Dictionary<string, SecureString> _fromSecureFile = new Dictionary<string, SecureString>(StringComparer.Ordinal);

        public CloudOrigin? Origin { get; private set; }

        /// <summary>password, v3applicationcredential or token (as written; null: inferred).</summary>
        public string? AuthType { get; set; }

        public string? AuthUrl { get; set; }

        public string? UserName { get; set; }

        public string? UserId { get; set; }

        public SecureString? Password { get; set; }

        public string? ProjectName { get; set; }

        public string? ProjectId { get; set; }

        public string? UserDomainName { get; set; }

        public string? UserDomainId { get; set; }

        public string? ProjectDomainName { get; set; }

        public string? ProjectDomainId { get; set; }

        public string? ApplicationCredentialId { get; set; }

        public string? ApplicationCredentialName { get; set; }

        public SecureString? ApplicationCredentialSecret { get; set; }

        public SecureString? Token { get; set; }

        public string? Region { get; set; }

        public string? Interface { get; set; }

        /// <summary><c>orchestration_endpoint_override</c>.</summary>
        public string? HeatEndpoint { get; set; }

        /// <summary><c>cacert</c> (OS_CACERT), made absolute.</summary>
        public string? CACertificatePath { get; set; }

        /// <summary><c>verify: false</c> or <c>insecure: true</c>.</summary>
        public bool SkipCertificateCheck { get; set; }

        internal static CloudSettings Read(JObject cloud, CloudOrigin origin, CloudConfigLocations where)
        {
            var auth = cloud["auth"];
            if (auth != null && auth.Type != JTokenType.Null && !(auth is JObject))
            {
                throw Invalid(origin, "'auth' is not a mapping");
            }
            var authMap = auth as JObject ?? new JObject();

            string? Get(string key, bool authKey)
            {
                JToken? value = null;
                if (authKey) value = authMap[key];
                if (value == null || value.Type == JTokenType.Null) value = cloud[key];
                if (value == null || value.Type == JTokenType.Null) return null;
                switch (value.Type)
                {
                    case JTokenType.String:
                        var text = value.AsText();
                        return Strings.IsNullOrEmpty(text) ? null : text;
                    case JTokenType.Integer:
                    case JTokenType.Float:
                        return Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture);
                    case JTokenType.Boolean:
                        return (bool)value ? "True" : "False";
                    default:
                        throw Invalid(origin, $"{origin.Name(key, authKey && authMap[key] != null)} is a {value.Type.ToString().ToLowerInvariant()}, not a single value");
                }
            }
            string? Auth(string key) => Get(key, authKey: true);
            string? Top(string key) => Get(key, authKey: false);

            var settings = new CloudSettings
            {
                Origin = origin,
                AuthType = Top("auth_type") ?? Top("auth_plugin"),
                AuthUrl = Auth("auth_url"),
                UserName = Auth("username"),
                UserId = Auth("user_id"),
                Password = Secret(Auth("password")),
                ProjectName = Auth("project_name") ?? Auth("tenant_name"),
                ProjectId = Auth("project_id") ?? Auth("tenant_id"),
                UserDomainName = Auth("user_domain_name") ?? Auth("domain_name"),
                UserDomainId = Auth("user_domain_id") ?? Auth("domain_id"),
                ProjectDomainName = Auth("project_domain_name") ?? Auth("domain_name"),
                ProjectDomainId = Auth("project_domain_id") ?? Auth("domain_id"),
                ApplicationCredentialId = Auth("application_credential_id"),
                ApplicationCredentialName = Auth("application_credential_name"),
                ApplicationCredentialSecret = Secret(Auth("application_credential_secret")),
                Token = Secret(Auth("token") ?? Auth("auth_token")),
                Region = Top("region_name") ?? FirstRegion(cloud["regions"], origin),
                Interface = Top("interface") ?? Top("endpoint_type"),
                HeatEndpoint = Top("orchestration_endpoint_override"),
            };
            foreach (var secret in new[]
            {
                ("password", settings.Password), ("application_credential_secret", settings.ApplicationCredentialSecret),
                ("token", settings.Token),
            })
            {
                if (secret.Item2 != null && (origin.SecureFileGives(secret.Item1) || (secret.Item1 == "token" && origin.SecureFileGives("auth_token"))))
                {
                    settings._fromSecureFile[secret.Item1] = secret.Item2;
                }
            }
            var cacert = Top("cacert");
            if (cacert != null) settings.CACertificatePath = CloudConfig.Expand(cacert, where);
            var verify = Boolean(Top("verify"), origin.Name("verify", false), origin) ?? true;
            var insecure = Boolean(Top("insecure"), origin.Name("insecure", false), origin) ?? false;
            // requests' rule, as openstacksdk applies it: insecure wins, then verify: false; cacert only when verifying.
            settings.SkipCertificateCheck = insecure || !verify;
            return settings;
        }

        /// <summary>Checks that the chosen authentication has what it needs and builds the options for a session.</summary>
        /// <exception cref="CloudConfigException">A missing piece (named), or a value that is not allowed.</exception>
        public AuthOptions ToAuthOptions()
        {
            var method = Method();
            var options = new AuthOptions
            {
                Method = method,
                CloudName = Origin?.CloudName,
                AuthUrl = AuthUrl,
                UserName = UserName,
                UserId = UserId,
                ProjectName = ProjectName,
                ProjectId = ProjectId,
                UserDomainName = UserDomainName ?? "Default",
                UserDomainId = UserDomainId,
                ProjectDomainName = ProjectDomainName ?? "Default",
                ProjectDomainId = ProjectDomainId,
                Region = Region,
                Interface = NormalizedInterface(),
                HeatEndpoint = HeatEndpoint,
                SkipCertificateCheck = SkipCertificateCheck,
                // With verify off the certificate is not checked, so a CA has nothing to do (requests ignores it too).
                CACertificatePath = SkipCertificateCheck ? null : CACertificatePath,
            };
            switch (method)
            {
                case AuthMethod.Password:
                    Require(AuthUrl, "auth_url", method);
                    if (UserName == null && UserId == null) throw Missing("username", method);
                    if (Password == null) throw Missing("password", method);
                    options.Password = Password;
                    break;
                case AuthMethod.ApplicationCredential:
                    Require(AuthUrl, "auth_url", method);
                    if (ApplicationCredentialId == null)
                    {
                        if (ApplicationCredentialName == null) throw Missing("application_credential_id", method);
                        if (UserName == null && UserId == null) throw Missing("username", method);
                    }
                    if (ApplicationCredentialSecret == null) throw Missing("application_credential_secret", method);
                    options.ApplicationCredentialId = ApplicationCredentialId;
                    options.ApplicationCredentialName = ApplicationCredentialName;
                    options.ApplicationCredentialSecret = ApplicationCredentialSecret;
                    break;
                case AuthMethod.Token:
                    if (Token == null) throw Missing("token", method);
                    if (AuthUrl == null && HeatEndpoint == null) throw Missing("auth_url", method);
                    options.Token = Token;
                    break;
            }
            options.SetupWarnings = SetupWarnings(options);
            return options;
        }

        /// <summary>
        /// A clouds file from the current folder that takes a secret from the user's own secure file (openstacksdk merges
        /// them the same way): whoever wrote the folder (a cloned repository) chose where that secret is sent.
        /// </summary>
        private List<string> SetupWarnings(AuthOptions options)
        {
            var warnings = new List<string>();
            if (Origin == null || !Origin.ConfigFromCurrentFolder || Origin.SecurePath == null || Origin.SecureFromCurrentFolder) return warnings;
            var used = _fromSecureFile
                .Where(s => ReferenceEquals(s.Value, options.Password) || ReferenceEquals(s.Value, options.ApplicationCredentialSecret) ||
                            ReferenceEquals(s.Value, options.Token))
                .Select(s => s.Key).ToList();
            if (used.Count == 0) return warnings;
            warnings.Add($"The clouds file found in the current folder, {Origin.ConfigPath}, says where cloud '{Origin.CloudName}' connects " +
                         $"({Secrets.RedactUrl(Uri.TryCreate(AuthUrl, UriKind.Absolute, out var url) ? url : null)}), and its " +
                         $"{string.Join(" and ", used)} came from {Origin.SecurePath}, as openstacksdk merges them: a clouds file in a " +
                         "folder you did not write (a cloned repository) can send that secret to any server. Check the file, or name " +
                         "your own with OS_CLIENT_CONFIG_FILE.");
            return warnings;
        }

        private AuthMethod Method()
        {
            switch (AuthType?.ToLowerInvariant())
            {
                case null:
                    // openstacksdk infers the token plugin from a token; an application credential secret without a
                    // password can only mean that method.
                    if (Token != null && Password == null) return AuthMethod.Token;
                    if (ApplicationCredentialSecret != null && Password == null) return AuthMethod.ApplicationCredential;
                    return AuthMethod.Password;
                case "password":
                case "v3password":
                case "v2password":
                    return AuthMethod.Password;
                case "v3applicationcredential":
                case "applicationcredential":
                    return AuthMethod.ApplicationCredential;
                case "token":
                case "v3token":
                case "v2token":
                    return AuthMethod.Token;
                default:
                    throw new CloudConfigException(CloudConfigProblem.Invalid,
                        $"{Where}: {KeyName("auth_type", false)} '{AuthType}' is not supported; use password, v3applicationcredential or token.");
            }
        }

        private string NormalizedInterface()
        {
            if (Interface == null) return "public";
            var value = Interface.ToLowerInvariant();
            if (value.EndsWith("url", StringComparison.Ordinal)) value = value.Substring(0, value.Length - 3);
            if (value != "public" && value != "internal" && value != "admin")
            {
                throw new CloudConfigException(CloudConfigProblem.Invalid,
                    $"{Where}: {KeyName("interface", false)} '{Interface}' is not public, internal or admin.");
            }
            return value;
        }

        private void Require(string? value, string key, AuthMethod method)
        {
            if (value == null) throw Missing(key, method);
        }

        // Settings made in code (not read by CloudConfig) have no origin: their keys are named as they are.
        private string Where => Origin?.ToString() ?? "the cloud settings";

        private string KeyName(string key, bool underAuth) => Origin?.Name(key, underAuth) ?? key;

        private CloudConfigException Missing(string key, AuthMethod method)
        {
            var origin = Origin;
            var message = origin == null ? $"The cloud settings have no {key}: set it."
                : origin.IsEnvironment
                ? $"{origin.Name(key, true)} is not set: set it (an openrc file does)."
                : $"Cloud '{origin.CloudName}' in {origin.ConfigPath} has no {origin.Name(key, true)}" +
                  (origin.SecurePath != null ? $" (nor has {origin.SecurePath})" : string.Empty) + ": add it.";
            return new CloudConfigException(CloudConfigProblem.Incomplete, message) { MissingSetting = key, Method = method };
        }

        private static CloudConfigException Invalid(CloudOrigin origin, string detail) =>
            new CloudConfigException(CloudConfigProblem.Invalid, $"{origin}: {detail}.");

        private static bool? Boolean(string? value, string name, CloudOrigin origin)
        {
            if (value == null) return null;
            switch (value.ToLowerInvariant())
            {
                case "true":
                case "yes":
                case "on":
                case "1":
                    return true;
                case "false":
                case "no":
                case "off":
                case "0":
                    return false;
            }
            throw Invalid(origin, $"{name} '{value}' is not true or false");
        }

        private static string? FirstRegion(JToken? regions, CloudOrigin origin)
        {
            if (regions == null || regions.Type == JTokenType.Null) return null;
            if (!(regions is JArray list)) throw Invalid(origin, "'regions' is not a list");
            var first = list.FirstOrDefault();
            if (first == null) return null;
            if (first.AsText() is string name) return name;
            if (first is JObject region && region["name"].AsText() is string regionName) return regionName;
            throw Invalid(origin, "the first of 'regions' is neither a name nor a mapping with 'name'");
        }

        private static SecureString? Secret(string? value)
        {
            if (value == null) return null;
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
