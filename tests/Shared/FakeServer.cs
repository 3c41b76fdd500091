using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Heat.Tests.Shared
{
    /// <summary>A request as the fake server received it.</summary>
    internal sealed class FakeRequest
    {
        public string Method { get; set; }

        /// <summary>Path and query, as sent.</summary>
        public string Target { get; set; }

        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string Body { get; set; }

        public string Path => Target.Split('?')[0];

        public string Query => Target.Contains('?') ? Target.Substring(Target.IndexOf('?') + 1) : string.Empty;

        public override string ToString() => $"{Method} {Target}";
    }

    /// <summary>What the fake server does with a request: an ordinary answer, or misbehaviour.</summary>
    internal sealed class FakeReply
    {
        public int Status { get; set; } = 200;

        public string Reason { get; set; }

        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        public byte[] Body { get; set; } = new byte[0];

        /// <summary>Leave out Content-Length even with a body.</summary>
        public bool OmitLength { get; set; }

        /// <summary>Instead of <see cref="Body"/>: writes the body itself (and may never stop), after the headers.</summary>
        public Func<Stream, CancellationToken, Task> StreamBody { get; set; }

        /// <summary>Close the connection with a reset, without answering.</summary>
        public bool Reset { get; set; }

        /// <summary>Wait this long before answering.</summary>
        public TimeSpan Delay { get; set; }

        public FakeReply Header(string name, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public static FakeReply Json(string json, int status = 200) =>
            new FakeReply { Status = status, Body = Encoding.UTF8.GetBytes(json) }.Header("Content-Type", "application/json");

        public static FakeReply Text(string text, string contentType = "text/plain", int status = 200) =>
            new FakeReply { Status = status, Body = Encoding.UTF8.GetBytes(text) }.Header("Content-Type", contentType);

        public static FakeReply Redirect(string location, int status = 302) =>
            new FakeReply { Status = status }.Header("Location", location);
    }

    /// <summary>
    /// A small HTTP/1.1 server on a loopback address (127.0.0.1, or 127.0.0.2 to play "another host"), plain or TLS
    /// with a self-signed certificate, one connection per request. It records every request and answers with what the
    /// test's handler says, including what real servers do only when broken or hostile: lies about lengths, endless
    /// or trickling bodies, resets. It stops when disposed.
    /// </summary>
    internal sealed class FakeServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<FakeRequest, FakeReply> _handler;
        private readonly X509Certificate2 _certificate;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Thread _loop;

        /// <param name="certificate">The TLS certificate (with its key) to serve; null with <paramref name="tls"/> for a self-signed one.</param>
        public FakeServer(Func<FakeRequest, FakeReply> handler, string address = "127.0.0.1", bool tls = false, X509Certificate2 certificate = null)
        {
            _handler = handler;
            tls |= certificate != null;
            _certificate = certificate ?? (tls ? SelfSigned(address) : null);
            _listener = new TcpListener(IPAddress.Parse(address), 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            BaseUrl = $"{(tls ? "https" : "http")}://{address}:{Port}";
            _loop = Dedicated(AcceptLoop, "FakeServer accept " + Port);
        }

        public int Port { get; }

        /// <summary>scheme://address:port, no trailing slash.</summary>
        public string BaseUrl { get; }

        public ConcurrentQueue<FakeRequest> Requests { get; } = new ConcurrentQueue<FakeRequest>();

        public string Url(string path) => BaseUrl + "/" + path.TrimStart('/');

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _loop.Join(TimeSpan.FromSeconds(5));
        }

        /// <summary>A port on which nothing listens (connection refused).</summary>
        public static int ClosedPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        // The server accepts and answers on threads of its own, with blocking I/O, never on the thread pool: the tests
        // drive the client synchronously (as PowerShell's pipeline thread does) and many run at once, so pool threads
        // can all be blocked for seconds, and a server that waited for one answered after the client's timeout.
        private static Thread Dedicated(Action work, string name)
        {
            var thread = new Thread(() => work()) { IsBackground = true, Name = name };
            thread.Start();
            return thread;
        }

        private void AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                Dedicated(() => Serve(client), "FakeServer connection " + Port);
            }
        }

        private void Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    Stream stream = client.GetStream();
                    if (_certificate != null)
                    {
                        var ssl = new SslStream(stream, false);
                        ssl.AuthenticateAsServer(_certificate, false, System.Security.Authentication.SslProtocols.None, false);
                        stream = ssl;
                    }
                    using (stream)
                    {
                        var request = ReadRequest(stream);
                        if (request == null) return;
                        Requests.Enqueue(request);
                        if (request.Method == TlsHello)
                        {
                            // What a plain http server does with an https client's hello: a 400, and the connection closed.
                            Write(stream, new FakeReply { Status = 400 });
                            return;
                        }
                        var reply = _handler(request) ?? new FakeReply { Status = 404 };
                        if (reply.Delay > TimeSpan.Zero && _stop.Token.WaitHandle.WaitOne(reply.Delay)) return;
                        if (reply.Reset)
                        {
                            client.Client.LingerState = new LingerOption(true, 0);
                            client.Client.Close();
                            return;
                        }
                        Write(stream, reply);
                    }
                }
                catch (Exception)
                {
                    // The client went away (as a client that stops reading a hostile body should): nothing to do.
                }
            }
        }

        private void Write(Stream stream, FakeReply reply)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(reply.Status).Append(' ').Append(reply.Reason ?? ((HttpStatusCode)reply.Status).ToString()).Append("\r\n");
            foreach (var header in reply.Headers) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            bool hasLength = reply.Headers.Any(h => string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase));
            if (reply.StreamBody == null && !reply.OmitLength && !hasLength) head.Append("Content-Length: ").Append(reply.Body.Length).Append("\r\n");
            head.Append("Connection: close\r\n\r\n");
            var bytes = Encoding.ASCII.GetBytes(head.ToString());
            stream.Write(bytes, 0, bytes.Length);
            if (reply.StreamBody != null)
            {
                reply.StreamBody(stream, _stop.Token).GetAwaiter().GetResult();
            }
            else
            {
                stream.Write(reply.Body, 0, reply.Body.Length);
            }
            stream.Flush();
        }

        /// <summary>The method recorded for a connection that opened with a TLS handshake record (0x16), not HTTP.</summary>
        public const string TlsHello = "TLS-HELLO";

        private static FakeRequest ReadRequest(Stream stream)
        {
            var headBytes = new List<byte>();
            while (true)
            {
                var one = stream.ReadByte();
                if (one < 0) return null;
                if (headBytes.Count == 0 && one == 0x16) return new FakeRequest { Method = TlsHello, Target = "/" };
                headBytes.Add((byte)one);
                var n = headBytes.Count;
                if (n >= 4 && headBytes[n - 4] == '\r' && headBytes[n - 3] == '\n' && headBytes[n - 2] == '\r' && headBytes[n - 1] == '\n') break;
                if (n > 65536) return null;
            }
            var lines = Encoding.ASCII.GetString(headBytes.ToArray()).Split(new[] { "\r\n" }, StringSplitOptions.None);
            var first = lines[0].Split(' ');
            var request = new FakeRequest { Method = first[0], Target = first.Length > 1 ? first[1] : "/" };
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon > 0) request.Headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
            if (request.Headers.TryGetValue("Content-Length", out var lengthText) && int.TryParse(lengthText, out var length) && length > 0)
            {
                var body = new byte[length];
                var got = 0;
                while (got < length)
                {
                    var read = stream.Read(body, got, length - got);
                    if (read == 0) break;
                    got += read;
                }
                request.Body = Encoding.UTF8.GetString(body, 0, got);
            }
            return request;
        }

        private static X509Certificate2 SelfSigned(string address)
        {
            using (var key = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=" + address, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                var san = new SubjectAlternativeNameBuilder();
                san.AddIpAddress(IPAddress.Parse(address));
                request.CertificateExtensions.Add(san.Build());
                using (var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)))
                {
                    // A round trip through PFX gives a certificate whose key SslStream can use on every platform.
                    return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
                }
            }
        }
    }
}
