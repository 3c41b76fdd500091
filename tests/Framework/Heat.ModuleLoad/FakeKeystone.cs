using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Heat.ModuleLoad
{
    /// <summary>
    /// A Keystone v3 on 127.0.0.1 that answers its first token request 503 (so the client's retry pipeline, Polly,
    /// has to work) and then issues a token whose catalog names a Heat on the same port.
    /// </summary>
    internal sealed class FakeKeystone : IDisposable
    {
        public const string Project = "p-framework";
        public const string Token = "framework-token";

        private readonly HttpListener _listener = new HttpListener();
        private int _requests;

        public FakeKeystone()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Add("http://127.0.0.1:" + Port + "/");
            _listener.Start();
            Task.Run(ServeAsync);
        }

        public int Port { get; }

        public string AuthUrl => "http://127.0.0.1:" + Port + "/v3";

        public string HeatEndpoint => "http://127.0.0.1:" + Port + "/v1/" + Project;

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }
                var response = context.Response;
                var isToken = context.Request.HttpMethod == "POST" && context.Request.Url.AbsolutePath == "/v3/auth/tokens";
                if (!isToken)
                {
                    response.StatusCode = 404;
                }
                else if (Interlocked.Increment(ref _requests) == 1)
                {
                    response.StatusCode = 503;
                }
                else
                {
                    response.StatusCode = 201;
                    response.ContentType = "application/json";
                    response.Headers["X-Subject-Token"] = Token;
                    var body = Encoding.UTF8.GetBytes(TokenBody());
                    response.ContentLength64 = body.Length;
                    response.OutputStream.Write(body, 0, body.Length);
                }
                response.Close();
            }
        }

        private string TokenBody() =>
            "{\"token\": {\"methods\": [\"password\"], \"expires_at\": \"2099-01-01T00:00:00.000000Z\"," +
            " \"user\": {\"id\": \"u-1\", \"name\": \"demo\", \"domain\": {\"id\": \"default\", \"name\": \"Default\"}}," +
            " \"project\": {\"id\": \"" + Project + "\", \"name\": \"demo\", \"domain\": {\"id\": \"default\", \"name\": \"Default\"}}," +
            " \"roles\": [{\"id\": \"r-member\", \"name\": \"member\"}]," +
            " \"catalog\": [{\"type\": \"orchestration\", \"name\": \"heat\", \"endpoints\": [" +
            "{\"interface\": \"public\", \"region_id\": \"RegionOne\", \"region\": \"RegionOne\", \"url\": \"" + HeatEndpoint + "\"}]}]}}";
    }
}
