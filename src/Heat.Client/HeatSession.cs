using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Http;
using Heat.Client.Internal;
using Heat.Client.Keystone;
using Newtonsoft.Json.Linq;

namespace Heat.Client
{
    /// <summary>
    /// A connection to one cloud's Heat: the token, its expiry, the endpoint and the HTTP sender.
    /// Thread-safe: one session may serve many runspaces at once. It never shows its token.
    /// Every request to Keystone or Heat goes through <see cref="SendAsync"/> and the one <see cref="HttpSender"/>:
    /// authentication headers, redirects, limits, retries, error mapping and (re-)authentication.
    /// </summary>
    public sealed class HeatSession : IDisposable
    {
        internal static readonly string UserAgent = "Heat.PowerShell/" + typeof(HeatSession).Assembly.GetName().Version.ToString(3);

        private static readonly char[] PathSeparator = { '/' };

        private readonly HttpSender _sender;
        private readonly AuthOptions _options;
        private readonly SemaphoreSlim _authLock = new SemaphoreSlim(1, 1);
        // Both are set before ConnectAsync hands the session out (Auth and Endpoint below say so if that ever changes).
        private volatile AuthState? _auth;
        private volatile string? _heatEndpoint;

        private HeatSession(AuthOptions options, HttpMessageHandler? handler)
        {
            // Our own copy, secrets included: the caller may dispose theirs once connected.
            _options = options.Clone();
            _sender = new HttpSender(new SenderSettings
            {
                Timeout = options.Timeout,
                MaxRetries = options.MaxRetries,
                RetryDelay = options.RetryDelay,
                MaxResponseBytes = options.MaxResponseBytes,
                SkipCertificateCheck = options.SkipCertificateCheck,
                TrustedAuthorities = Strings.IsNullOrEmpty(options.CACertificatePath) || options.SkipCertificateCheck
                    ? null : CertificateTrust.Load(options.CACertificatePath),
            }, handler, UserAgent);
            TrustIfAbsolute(options.AuthUrl);
            TrustIfAbsolute(options.HeatEndpoint);
            ConnectedAt = DateTime.UtcNow;
        }

        /// <summary>Authenticates (unless given a token) and finds Heat's endpoint.</summary>
        /// <param name="handler">Replaces the HTTP stack (tests); null for the real one.</param>
        public static async Task<HeatSession> ConnectAsync(AuthOptions options, HttpMessageHandler? handler = null, Action<string>? trace = null, CancellationToken cancellationToken = default)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            var session = new HeatSession(options, handler);
            try
            {
                // A token with Heat's URL needs no Keystone; a token with only an auth URL is exchanged there for a
                // scoped one with a catalog.
                AuthState auth;
                if (options.Method == AuthMethod.Token && (!Strings.IsNullOrWhiteSpace(options.HeatEndpoint) || Strings.IsNullOrWhiteSpace(options.AuthUrl)))
                {
                    var token = Secrets.Reveal(session._options.Token) ?? throw new ArgumentException("A token is required.");
                    if (Strings.IsNullOrWhiteSpace(options.HeatEndpoint))
                    {
                        throw new ArgumentException("A token needs Heat's endpoint or an auth URL: without Keystone there is no catalog to find Heat in.");
                    }
                    auth = new AuthState(token, new ServiceCatalog(Array.Empty<CatalogEndpoint>()))
                    {
                        ProjectId = ProjectIdFromEndpoint(options.HeatEndpoint),
                    };
                }
                else
                {
                    auth = await KeystoneAuthenticator.AuthenticateAsync(session, session._options, trace, cancellationToken).ConfigureAwait(false);
                }
                session._auth = auth;
                session.SetEndpoint(session.ResolveEndpoint(auth));
                session.Warnings = session.SetupWarnings();
                return session;
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        /// <summary>Unique per session, to tell sessions apart in a list.</summary>
        public Guid SessionId { get; } = Guid.NewGuid();

        public string? AuthUrl => _options.AuthUrl;

        public AuthMethod AuthMethod => _options.Method;

        /// <summary>"v3" or "v2.0"; null for a token given by the user.</summary>
        public string? KeystoneVersion => _auth?.KeystoneVersion;

        public string? UserName => _auth?.UserName ?? _options.UserName;

        public string? UserId => _auth?.UserId;

        public string? ProjectName => _auth?.ProjectName ?? _options.ProjectName;

        public string? ProjectId => _auth?.ProjectId ?? _options.ProjectId;

        public string? Region => _options.Region;

        /// <summary>The clouds.yaml cloud it was opened for (Connect-HeatService -Cloud, OS_CLOUD); null otherwise.</summary>
        public string? CloudName => _options.CloudName;

        public string Interface => _options.Interface;

        /// <summary>Heat's base URL, including the project: <c>http://host:8004/v1/{project_id}</c>.</summary>
        public string HeatEndpoint => Endpoint;

        /// <summary>When the current token expires (UTC, as Keystone says); null when unknown.</summary>
        public DateTime? ExpiresAt => _auth?.ExpiresAt;

        public DateTime ConnectedAt { get; }

        public bool SkipCertificateCheck => _options.SkipCertificateCheck;

        /// <summary>The CA file the cloud's certificates must chain to; null for the system store.</summary>
        public string? CACertificatePath => _options.CACertificatePath;

        /// <summary>How long one request may take.</summary>
        public TimeSpan Timeout => _options.Timeout;

        /// <summary>How often a safe request is retried after a transient failure.</summary>
        public int MaxRetries => _options.MaxRetries;

        /// <summary>True when the token has expired and the session cannot renew it itself.</summary>
        public bool IsExpired => !CanReauthenticate && _auth?.LocalExpiresAt is DateTime expiry && expiry <= DateTime.UtcNow;

        /// <summary>Password and application-credential sessions renew their token when it expires.</summary>
        public bool CanReauthenticate => _options.Method != AuthMethod.Token;

        public ServiceCatalog Catalog => Auth.Catalog;

        /// <summary>
        /// What the user should know about how this session was set up, found when it connected (the session only
        /// reports them; showing them is the caller's): a secret taken from the user's secure file for a clouds file of
        /// the current folder, a token from an https Keystone that goes to Heat over plain http.
        /// </summary>
        public IReadOnlyList<string> Warnings { get; private set; } = Array.Empty<string>();

        public bool IsDisposed => _sender.IsClosed;

        /// <summary>The ids seen behind stack names in this session (a read by name skips Heat's redirect); never shared
        /// between sessions, emptied on Disconnect.</summary>
        internal StackNameCache StackNames { get; } = new StackNameCache();

        public override string ToString() => $"{UserName ?? "(token)"}@{ProjectName ?? ProjectId} {_heatEndpoint}";

        /// <summary>Closes the session: requests in flight end with <see cref="HeatSessionClosedException"/>; the secrets are wiped.</summary>
        public void Dispose()
        {
            if (_sender.IsClosed) return;
            _sender.Dispose();
            _options.DisposeSecrets();
            StackNames.Clear();
        }

        /// <summary>Makes an absolute URL from a path relative to the Heat endpoint.</summary>
        internal Uri HeatUri(string relative) => new Uri(Endpoint.TrimEnd('/') + "/" + relative.TrimStart('/'));

        private AuthState Auth => _auth ?? throw new InvalidOperationException("The session is not connected yet.");

        private string Endpoint => _heatEndpoint ?? throw new InvalidOperationException("The session is not connected yet.");

        /// <summary>Sends one request to Heat with the session's token. Follows Heat's redirects (same origin only),
        /// retries what is safe, maps errors, renews the token before it expires or once after a 401.</summary>
        /// <param name="idempotent">Whether the request may be sent twice; null: by its method (a validation is, a create is not).</param>
        internal async Task<HeatResponse> SendAsync(HttpMethod method, Uri uri, JToken? body, Action<string>? trace, CancellationToken cancellationToken,
            bool followRedirects = true, bool? idempotent = null, Func<Newtonsoft.Json.JsonReader, object>? readJson = null,
            ResponseBody expect = ResponseBody.Json)
        {
            ThrowIfDisposed();
            var auth = Auth;
            if (CanReauthenticate && auth.RenewBeforeExpiry && auth.LocalExpiresAt is DateTime expiry && expiry <= DateTime.UtcNow.AddSeconds(30))
            {
                auth = await ReauthenticateAsync(auth, trace, cancellationToken).ConfigureAwait(false);
            }
            HttpCall Call(string token) => new HttpCall(method, uri)
            {
                Token = token,
                Payload = body == null ? null : HeatJson.Serialize(body),
                FollowRedirects = followRedirects,
                Idempotent = idempotent,
                Trace = trace,
                ReadJson = readJson,
                Expect = expect,
            };
            try
            {
                return await _sender.SendAsync(Call(auth.Token), cancellationToken).ConfigureAwait(false);
            }
            catch (HeatAuthenticationException) when (CanReauthenticate)
            {
                trace?.Invoke("The token was refused; authenticating again.");
                auth = await ReauthenticateAsync(auth, trace, cancellationToken).ConfigureAwait(false);
                return await _sender.SendAsync(Call(auth.Token), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Heat's service root (the endpoint without <c>/v1/{project}</c>), which lists the API versions.</summary>
        internal Uri HeatRootUri()
        {
            var endpoint = Endpoint.TrimEnd('/');
            var cut = endpoint.LastIndexOf("/v1/", StringComparison.OrdinalIgnoreCase);
            return new Uri((cut > 0 ? endpoint.Substring(0, cut) : new Uri(endpoint).GetLeftPart(UriPartial.Authority)) + "/");
        }

        /// <summary>An unversioned GET of Heat's root: a 300 Multiple Choices is its answer.</summary>
        internal Task<HeatResponse> GetRootAsync(Action<string>? trace, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            return _sender.SendAsync(new HttpCall(HttpMethod.Get, HeatRootUri()) { Token = Auth.Token, AcceptMultipleChoices = true, Trace = trace }, cancellationToken);
        }

        /// <summary>For Keystone's token requests: no token header; the body holds a secret, so it is never traced
        /// and never follows a redirect to another origin. Asking for a token twice is harmless, so it is retried.</summary>
        internal Task<HeatResponse> SendUnauthenticatedAsync(HttpMethod method, Uri uri, JToken? body, Action<string>? trace, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            return _sender.SendAsync(new HttpCall(method, uri)
            {
                Payload = body == null ? null : HeatJson.Serialize(body),
                PayloadIsSecret = true,
                Idempotent = true,
                Trace = trace,
            }, cancellationToken);
        }

        /// <summary>A Keystone read with a token that is not the session's (a user's own projects, with the token that
        /// told a refused project from a wrong password). The token never follows a redirect to another origin.</summary>
        internal Task<HeatResponse> SendWithTokenAsync(HttpMethod method, Uri uri, string token, Action<string>? trace, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            return _sender.SendAsync(new HttpCall(method, uri) { Token = token, Trace = trace }, cancellationToken);
        }

        /// <summary>Reads a URL that a template names (http or https), with no token: those are not Heat's. Goes through
        /// the same sender (redirects, timeouts, retries, limits); its certificate is always checked unless it is the
        /// cloud's own host.</summary>
        internal async Task<string> FetchTextAsync(Uri uri, long maxBytes, Action<string>? trace, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            var response = await _sender.SendAsync(new HttpCall(HttpMethod.Get, uri)
            {
                Expect = ResponseBody.Text,
                MaxBytes = maxBytes,
                Trace = trace,
            }, cancellationToken).ConfigureAwait(false);
            return response.Text ?? string.Empty;
        }

        private async Task<AuthState> ReauthenticateAsync(AuthState stale, Action<string>? trace, CancellationToken cancellationToken)
        {
            try
            {
                await _authLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                throw new HeatSessionClosedException();
            }
            try
            {
                // Another thread may have renewed it while we waited.
                if (!ReferenceEquals(_auth, stale)) return Auth;
                ThrowIfDisposed();
                trace?.Invoke("Renewing the Keystone token.");
                var fresh = await KeystoneAuthenticator.AuthenticateAsync(this, _options, trace, cancellationToken).ConfigureAwait(false);
                if (fresh.LocalExpiresAt is DateTime expiry && expiry <= DateTime.UtcNow.AddSeconds(30))
                {
                    // Already "expired" by our clock although just issued: trust the server's 401 from now on.
                    fresh.RenewBeforeExpiry = false;
                    trace?.Invoke("The new token looks expired by this machine's clock; it is used until Heat refuses it.");
                }
                if (Strings.IsNullOrWhiteSpace(_options.HeatEndpoint)) SetEndpoint(ResolveEndpoint(fresh));
                _auth = fresh;
                return fresh;
            }
            finally
            {
                _authLock.Release();
            }
        }

        private void SetEndpoint(string endpoint)
        {
            TrustIfAbsolute(endpoint);
            _heatEndpoint = endpoint;
        }

        private void TrustIfAbsolute(string? url)
        {
            if (!Strings.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri)) _sender.TrustOrigin(uri);
        }

        private string ResolveEndpoint(AuthState auth)
        {
            var endpoint = !Strings.IsNullOrWhiteSpace(_options.HeatEndpoint)
                ? _options.HeatEndpoint
                : auth.Catalog.Find("orchestration", _options.Interface, _options.Region).Url;
            if (endpoint == null) throw new HeatEndpointNotFoundException("Heat's endpoint in the catalog has no URL.");
            endpoint = endpoint.TrimEnd('/');
            // Some catalogs still carry the unexpanded template.
            if (auth.ProjectId != null)
            {
                endpoint = endpoint.Replace("%(tenant_id)s", auth.ProjectId).Replace("%(project_id)s", auth.ProjectId)
                    .Replace("$(tenant_id)s", auth.ProjectId).Replace("$(project_id)s", auth.ProjectId);
            }
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new HeatEndpointNotFoundException($"Heat's endpoint '{ErrorMapper.Clean(endpoint)}' is not an http or https URL.");
            }
            return endpoint;
        }

        private List<string> SetupWarnings()
        {
            var warnings = new List<string>(_options.SetupWarnings ?? Array.Empty<string>());
            // The catalog's choice, not the user's: an endpoint given explicitly was meant.
            if (Strings.IsNullOrWhiteSpace(_options.HeatEndpoint) && Uri.TryCreate(_options.AuthUrl, UriKind.Absolute, out var keystone) &&
                keystone.Scheme == Uri.UriSchemeHttps && new Uri(Endpoint).Scheme == Uri.UriSchemeHttp)
            {
                warnings.Add($"Keystone ({Secrets.RedactUrl(keystone)}) is reached over https, but its catalog gives Heat's endpoint as " +
                             $"plain http ({Secrets.RedactUrl(new Uri(Endpoint))}): the token goes there unencrypted with every request, " +
                             "where anyone on the way can read and reuse it. The openstack client and python-heatclient send it the same " +
                             "way without a word. Ask the cloud's operator for Heat's https endpoint, or set Heat's URL yourself.");
            }
            return warnings;
        }

        private static string? ProjectIdFromEndpoint(string endpoint)
        {
            var segments = new Uri(endpoint).AbsolutePath.Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < segments.Length - 1; i++)
            {
                if (segments[i] == "v1") return segments[i + 1];
            }
            return null;
        }

        private void ThrowIfDisposed()
        {
            if (IsDisposed) throw new HeatSessionClosedException();
        }
    }
}
