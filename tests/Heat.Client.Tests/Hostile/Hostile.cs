using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;
using Heat.Client.Keystone;
using Heat.Tests.Shared;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>Sessions against fake servers on 127.0.0.1, with short retry delays so that tests stay quick.</summary>
    internal static class Hostile
    {
        public const string Token = "tok-SECRET-4f1c";
        public const string Password = "pw-SECRET-9d2a";

        public static string Endpoint(FakeServer heat) => heat.Url("v1/p1");

        public static AuthOptions TokenOptions(FakeServer heat) => new AuthOptions
        {
            Method = AuthMethod.Token,
            Token = TestCloud.Secure(Token),
            HeatEndpoint = Endpoint(heat),
            Timeout = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };

        /// <summary>A gzip body of <paramref name="start"/> then 64 MiB of spaces: well under 1 MiB on the wire.</summary>
        public static byte[] GzipBomb(string start = "")
        {
            using (var packed = new MemoryStream())
            {
                using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    var head = Encoding.ASCII.GetBytes(start);
                    gzip.Write(head, 0, head.Length);
                    var chunk = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
                    for (int i = 0; i < 64; i++) gzip.Write(chunk, 0, chunk.Length);
                }
                return packed.ToArray();
            }
        }

        public static HeatClient Client(FakeServer heat, Action<AuthOptions> configure = null, List<string> trace = null)
        {
            var options = TokenOptions(heat);
            configure?.Invoke(options);
            var session = HeatSession.ConnectAsync(options).GetAwaiter().GetResult();
            return new HeatClient(session, trace == null ? (Action<string>)null : line => { lock (trace) trace.Add(line); });
        }

        public static string StackJson(string name, string id, string status = "CREATE_COMPLETE") =>
            "{\"stack\": " + TestCloud.StackJson(name, id, status) + "}";

        /// <summary>Keystone v3's token answer, with the token in the header.</summary>
        public static FakeReply TokenReply(FakeServer heat, string token = Token, string expiresAt = "2099-01-01T00:00:00Z", string issuedAt = null)
        {
            var body = TestCloud.V3TokenBody(expiresAt);
            if (issuedAt != null) body["token"]["issued_at"] = issuedAt;
            body["token"]["catalog"] = Newtonsoft.Json.Linq.JArray.Parse(
                "[{\"type\": \"orchestration\", \"endpoints\": [{\"interface\": \"public\", \"region_id\": \"RegionOne\", \"url\": \"" + Endpoint(heat) + "\"}]}]");
            return FakeReply.Json(body.ToString(), 201).Header("X-Subject-Token", token);
        }

        public static async Task<T> Throws<T>(Func<Task> action) where T : Exception
        {
            try
            {
                await action();
            }
            catch (T expected)
            {
                return expected;
            }
            catch (Exception other)
            {
                throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name}, got {other.GetType().Name}: {other.Message}");
            }
            throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name}, nothing was thrown.");
        }
    }
}
