using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Keystone;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Heat.Tests.Shared
{
    /// <summary>
    /// A fake Keystone and Heat over MockHttp: routes answer as the real services do (see FakeHeat.Routes.cs), and
    /// every request is recorded, so that a test asserts what was sent by reading <see cref="Requests"/> or
    /// <see cref="Log"/>. A request no route knows gets Heat's 404, naming the request, so a missing set-up reads
    /// plainly in the failure; only a stack's environment has a default, the empty one Heat shows for a stack made
    /// without one.
    /// </summary>
    internal sealed partial class FakeHeat
    {
        public const string ProjectId = "6f3a0c9e1b2d4e5f8a7b6c5d4e3f2a1b";
        public const string DefaultEndpoint = "http://heat.test:8004/v1/" + ProjectId;
        public const string KeystoneV3Url = "http://keystone.test:5000/v3";
        public const string KeystoneV2Url = "http://old-keystone.test:5000/v2.0";
        public const string Token = "gAAAAABtoken-one";
        public const string Password = "s3cret-Pa55";

        private readonly MockHttpMessageHandler _mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
        private readonly List<SentRequest> _requests = new List<SentRequest>();

        public FakeHeat(string endpoint = DefaultEndpoint)
        {
            Endpoint = endpoint.TrimEnd('/');
            _mock.Fallback.Respond(request => request.Method == HttpMethod.Get && request.RequestUri.AbsolutePath.EndsWith("/environment", StringComparison.Ordinal)
                // A stack made with no environment of its own, as Heat shows it: a patch reads it for restricted actions.
                ? JsonResponse(HttpStatusCode.OK, HeatFixtures.EmptyEnvironment())
                : JsonResponse(HttpStatusCode.NotFound,
                    HeatFixtures.Error(HttpStatusCode.NotFound, $"The fake has no route for {request.Method} {request.RequestUri}", "EntityNotFound")));
        }

        /// <summary>Heat's URL with the project: <c>http://heat.test:8004/v1/{project}</c>.</summary>
        public string Endpoint { get; }

        /// <summary>Every request so far, in the order sent.</summary>
        public IReadOnlyList<SentRequest> Requests
        {
            get
            {
                lock (_requests) return _requests.ToList();
            }
        }

        /// <summary>Every request so far as "METHOD route", the route relative to Heat's endpoint: "GET stacks?limit=100".</summary>
        public IReadOnlyList<string> Log => Requests.Select(r => r.ToString()).ToList();

        /// <summary>The requests sent with this method, in order.</summary>
        public IReadOnlyList<SentRequest> Sent(HttpMethod method) => Requests.Where(r => r.Method == method.Method).ToList();

        /// <summary>
        /// A route to answer: relative to Heat's endpoint ("stacks/web") or an absolute URL. A query in it must match
        /// exactly; without one, any query matches. The first route set up that matches wins.
        /// </summary>
        public FakeRoute On(HttpMethod method, string route)
        {
            var url = Absolute(route);
            var query = url.Contains('?') ? url.Substring(url.IndexOf('?') + 1) : null;
            var mocked = _mock.When(method, query == null ? url : url.Substring(0, url.IndexOf('?')));
            if (query != null) mocked.WithExactQueryString(query);
            return new FakeRoute(mocked);
        }

        /// <summary>A fresh handler for one session: a session disposes its handler, the fake outlives it.</summary>
        public HttpMessageHandler Handler() => new Recorder(this);

        /// <summary>A session that skips Keystone: a token and Heat's URL.</summary>
        public HeatSession TokenSession(Action<AuthOptions> configure = null)
        {
            var options = new AuthOptions { Method = AuthMethod.Token, Token = Secure(Token), HeatEndpoint = Endpoint };
            configure?.Invoke(options);
            return HeatSession.ConnectAsync(options, Handler()).GetAwaiter().GetResult();
        }

        public HeatClient Client(Action<AuthOptions> configure = null) => new HeatClient(TokenSession(configure));

        /// <summary>Authenticates through the fake Keystone as a user would (set up a token with IssuesToken first).</summary>
        public Task<HeatSession> ConnectAsync(AuthOptions options) => HeatSession.ConnectAsync(options, Handler());

        /// <summary>The password login of user demo in project demo, both in domain Default, at the fake Keystone v3.</summary>
        public static AuthOptions PasswordOptions() => new AuthOptions
        {
            Method = AuthMethod.Password,
            AuthUrl = KeystoneV3Url,
            UserName = "demo",
            Password = Secure(Password),
            ProjectName = "demo",
        };

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            return secure;
        }

        public static HttpResponseMessage JsonResponse(HttpStatusCode status, JToken body) =>
            new HttpResponseMessage(status) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };

        private string Absolute(string route) =>
            route.StartsWith("http://", StringComparison.Ordinal) || route.StartsWith("https://", StringComparison.Ordinal)
                ? route
                : Endpoint + "/" + route.TrimStart('/');

        private void Record(SentRequest request)
        {
            lock (_requests) _requests.Add(request);
        }

        /// <summary>Records the request, then lets the fake answer it; never disposes the fake with the session.</summary>
        private sealed class Recorder : HttpMessageHandler
        {
            private readonly FakeHeat _fake;
            private readonly HttpMessageInvoker _invoker;

            public Recorder(FakeHeat fake)
            {
                _fake = fake;
                _invoker = new HttpMessageInvoker(fake._mock, disposeHandler: false);
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = request.Content == null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                _fake.Record(new SentRequest(request, body, _fake.Endpoint));
                return await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One request as the fake received it.</summary>
    internal sealed class SentRequest
    {
        public SentRequest(HttpRequestMessage request, string body, string endpoint)
        {
            Method = request.Method.Method;
            Uri = request.RequestUri;
            Body = body;
            var url = Uri.AbsoluteUri;
            Route = url.StartsWith(endpoint + "/", StringComparison.Ordinal) ? url.Substring(endpoint.Length + 1) : url;
            foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                Headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        public string Method { get; }

        public Uri Uri { get; }

        /// <summary>Path and query relative to Heat's endpoint ("stacks/web?limit=1"); the whole URL for another host.</summary>
        public string Route { get; }

        /// <summary>The query as sent, without "?".</summary>
        public string Query => Uri.Query.TrimStart('?');

        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string Body { get; }

        /// <summary>The body as JSON; a test that expects JSON fails here if it is not.</summary>
        public JObject Json => JObject.Parse(Body ?? throw new InvalidOperationException($"{this} had no body."));

        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public override string ToString() => $"{Method} {Route}";
    }

    /// <summary>
    /// The answers of one route, in turn: each call adds the next answer, and the last one repeats. So
    /// <c>.Json(200, inProgress).Json(200, complete)</c> is a stack that finishes on the second look.
    /// </summary>
    internal sealed class FakeRoute
    {
        private readonly List<Func<HttpRequestMessage, Task<HttpResponseMessage>>> _answers = new List<Func<HttpRequestMessage, Task<HttpResponseMessage>>>();
        private int _next = -1;

        public FakeRoute(MockedRequest mocked)
        {
            mocked.Respond(request =>
            {
                var index = Math.Min(Interlocked.Increment(ref _next), _answers.Count - 1);
                if (index < 0) throw new InvalidOperationException($"The route for {request.Method} {request.RequestUri} has no answer set up.");
                return _answers[index](request);
            });
        }

        public FakeRoute Answer(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer)
        {
            _answers.Add(answer);
            return this;
        }

        public FakeRoute Answer(Func<HttpRequestMessage, HttpResponseMessage> answer) => Answer(r => Task.FromResult(answer(r)));

        public FakeRoute Json(HttpStatusCode status, JToken body) => Answer(_ => FakeHeat.JsonResponse(status, body));

        public FakeRoute Text(HttpStatusCode status, string contentType, string body) =>
            Answer(_ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });

        /// <summary>An answer without a body.</summary>
        public FakeRoute Status(HttpStatusCode status) => Answer(_ => new HttpResponseMessage(status));

        /// <summary>Heat's error body with this message and type.</summary>
        public FakeRoute Error(HttpStatusCode status, string message, string type = null) =>
            Json(status, HeatFixtures.Error(status, message, type ?? "HTTP" + status));

        public FakeRoute Redirect(string location, HttpStatusCode status = HttpStatusCode.Found) => Answer(_ =>
        {
            var response = new HttpResponseMessage(status);
            response.Headers.Location = new Uri(location);
            return response;
        });

        /// <summary>Never answers on its own: a server that hangs, until the request is cancelled or times out.</summary>
        public FakeRoute Hang(Action started = null) => Answer(async _ =>
        {
            started?.Invoke();
            await Task.Delay(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
    }
}
