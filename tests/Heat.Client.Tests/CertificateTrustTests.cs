using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Heat.Client.Http;
using Heat.Client.Keystone;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>
    /// -CACertificatePath: a Keystone on 127.0.0.1 whose certificate a CA made here signed. Trusted only with that CA's
    /// file; any other fault (another CA, another host name, expired) is still refused; hosts that are not the cloud's
    /// are not trusted through it.
    /// </summary>
    public sealed class CertificateTrustTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("heat-ca-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        internal sealed class Authority : IDisposable
        {
            private readonly RSA _key = RSA.Create(2048);

            public Authority(string name)
            {
                var request = new CertificateRequest("CN=" + name, _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
                request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
                Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddYears(1));
            }

            public X509Certificate2 Certificate { get; }

            public string Pem => "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(Certificate.RawData, Base64FormattingOptions.InsertLineBreaks) +
                                 "\n-----END CERTIFICATE-----\n";

            /// <summary>A server certificate for an IP address, with its key, signed by this CA.</summary>
            public X509Certificate2 Issue(string address, DateTimeOffset? notAfter = null)
            {
                using var key = RSA.Create(2048);
                var request = new CertificateRequest("CN=" + address, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                var san = new SubjectAlternativeNameBuilder();
                san.AddIpAddress(IPAddress.Parse(address));
                request.CertificateExtensions.Add(san.Build());
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
                request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
                var serial = new byte[8];
                RandomNumberGenerator.Fill(serial);
                var end = notAfter ?? DateTimeOffset.UtcNow.AddDays(30);
                using var issued = request.Create(Certificate, DateTimeOffset.UtcNow.AddDays(-2), end, serial);
                using var withKey = issued.CopyWithPrivateKey(key);
                return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
            }

            public void Dispose()
            {
                Certificate.Dispose();
                _key.Dispose();
            }
        }

        private string WritePem(string name, params Authority[] authorities)
        {
            var path = Path.Combine(_folder, name);
            var text = new StringBuilder();
            foreach (var authority in authorities) text.Append(authority.Pem);
            File.WriteAllText(path, text.ToString());
            return path;
        }

        /// <summary>A Keystone whose catalog names a Heat on the same https origin.</summary>
        private static FakeServer Keystone(X509Certificate2 certificate, string address = "127.0.0.1")
        {
            FakeServer server = null;
            server = new FakeServer(request =>
            {
                var body = HeatFixtures.KeystoneV3Token(heatEndpoint: server.Url("v1/" + FakeHeat.ProjectId));
                return FakeReply.Json(body.ToString(), 201).Header("X-Subject-Token", "tls-token");
            }, address, certificate: certificate);
            return server;
        }

        private static AuthOptions Login(FakeServer keystone, string caFile) => new AuthOptions
        {
            AuthUrl = keystone.Url("v3"),
            UserName = "demo",
            Password = FakeHeat.Secure("pw"),
            ProjectName = "demo",
            CACertificatePath = caFile,
            MaxRetries = 0,
        };

        [CertificateFact]
        public async Task WithoutTheCa_TheConnectFails_AndSaysToGiveTheCa()
        {
            using var ca = new Authority("Heat Test CA");
            using var keystone = Keystone(ca.Issue("127.0.0.1"));

            var error = await Assert.ThrowsAsync<HeatConnectionException>(() => HeatSession.ConnectAsync(Login(keystone, null)));

            Assert.True(error.CertificateNotTrusted);
            Assert.False(error.IsTransient);
            Assert.Empty(keystone.Requests);
        }

        [CertificateFact]
        public async Task WithTheCaInABundle_TheConnectSucceeds()
        {
            using var other = new Authority("Some Other CA");
            using var ca = new Authority("Heat Test CA");
            using var keystone = Keystone(ca.Issue("127.0.0.1"));

            using var session = await HeatSession.ConnectAsync(Login(keystone, WritePem("bundle.pem", other, ca)));

            Assert.Equal(keystone.Url("v1/" + FakeHeat.ProjectId), session.HeatEndpoint);
            Assert.Single(keystone.Requests);
        }

        [CertificateFact]
        public async Task AnotherCa_IsRefused_NamingTheCertificate()
        {
            using var other = new Authority("Some Other CA");
            using var ca = new Authority("Heat Test CA");
            using var keystone = Keystone(ca.Issue("127.0.0.1"));

            var error = await Assert.ThrowsAsync<HeatConnectionException>(() => HeatSession.ConnectAsync(Login(keystone, WritePem("other.pem", other))));

            Assert.Contains($"the TLS certificate of 127.0.0.1:{keystone.Port} is not trusted: its certificate (CN=127.0.0.1, issued by CN=Heat Test CA) " +
                            "does not chain to a certificate of the given CA file", error.Message);
            // A CA was given: "give the CA" would not help.
            Assert.False(error.CertificateNotTrusted);
            Assert.Empty(keystone.Requests);
        }

        [CertificateFact]
        public async Task TheRightCa_ForAnotherHostName_IsRefused()
        {
            using var ca = new Authority("Heat Test CA");
            using var keystone = Keystone(ca.Issue("127.0.0.2"));

            var error = await Assert.ThrowsAsync<HeatConnectionException>(() => HeatSession.ConnectAsync(Login(keystone, WritePem("ca.pem", ca))));

            Assert.Contains("is not issued for this host name", error.Message);
        }

        [CertificateFact]
        public async Task TheRightCa_WithAnExpiredCertificate_IsRefused()
        {
            using var ca = new Authority("Heat Test CA");
            using var keystone = Keystone(ca.Issue("127.0.0.1", notAfter: DateTimeOffset.UtcNow.AddDays(-1)));

            var error = await Assert.ThrowsAsync<HeatConnectionException>(() => HeatSession.ConnectAsync(Login(keystone, WritePem("ca.pem", ca))));

            Assert.Contains("does not validate: NotTimeValid", error.Message);
        }

        [CertificateFact]
        public async Task TheCa_IsForTheCloudsOrigins_NotForATemplateHost()
        {
            using var ca = new Authority("Heat Test CA");
            using var keystone = Keystone(ca.Issue("127.0.0.1"));
            using var templates = new FakeServer(_ => FakeReply.Text("heat_template_version: 2018-08-31"), "127.0.0.2", certificate: ca.Issue("127.0.0.2"));
            using var session = await HeatSession.ConnectAsync(Login(keystone, WritePem("ca.pem", ca)));

            var error = await Assert.ThrowsAsync<HeatConnectionException>(() =>
                session.FetchTextAsync(new Uri(templates.Url("web.yaml")), 1024, null, default));

            Assert.Empty(templates.Requests);
            Assert.DoesNotContain("does not chain", error.Message);
        }

        [CertificateFact]
        public async Task SkipCertificateCheck_WinsOverTheCa()
        {
            using var other = new Authority("Some Other CA");
            using var ca = new Authority("Heat Test CA");
            using var keystone = Keystone(ca.Issue("127.0.0.1"));
            var options = Login(keystone, WritePem("other.pem", other));
            options.SkipCertificateCheck = true;

            using var session = await HeatSession.ConnectAsync(options);

            Assert.Single(keystone.Requests);
        }

        [Fact]
        public void AMissingOrEmptyCaFile_IsAnErrorNamingIt()
        {
            var missing = Path.Combine(_folder, "nope.pem");
            var empty = Path.Combine(_folder, "empty.pem");
            File.WriteAllText(empty, "not a certificate\n");

            var none = Assert.Throws<ArgumentException>(() => CertificateTrust.Load(missing));
            var nothing = Assert.Throws<ArgumentException>(() => CertificateTrust.Load(empty));

            Assert.Equal($"The CA certificate file {missing} does not exist.", none.Message);
            Assert.StartsWith($"The CA certificate file {empty} holds no certificate", nothing.Message);
        }

        [Theory]
        [InlineData(SecurityProtocolType.Tls, SecurityProtocolType.Tls | SecurityProtocolType.Tls12)]
#pragma warning disable CS0618, SYSLIB0014 // Ssl3 is what old .NET Framework defaults hold
        [InlineData(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls, SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls12)]
#pragma warning restore CS0618, SYSLIB0014
        [InlineData(SecurityProtocolType.Tls12, SecurityProtocolType.Tls12)]
        [InlineData((SecurityProtocolType)0, (SecurityProtocolType)0)]
        public void Tls12_IsAddedOnNetFramework_NothingRemoved_SystemDefaultLeftAlone(SecurityProtocolType before, SecurityProtocolType after)
        {
            Assert.Equal(after, TlsDefaults.WithTls12(before));
        }
    }
}
