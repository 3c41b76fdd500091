using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Heat.Client.Templates;

namespace Heat.Client.Http
{
    /// <summary>
    /// A private CA for the cloud's own origins (<c>-CACertificatePath</c>, <c>OS_CACERT</c>, <c>cacert</c>): the
    /// server's certificate must chain to one of the given certificates, instead of to the system store, as requests does
    /// with <c>verify=cacert</c>. netstandard2.0 has no custom trust store for X509Chain, so the chain is built with the
    /// given certificates as extra material, an unknown root allowed, and then must contain one of them; every other
    /// fault (expired, bad signature, wrong host name, not a CA) still refuses it.
    /// </summary>
    internal static class CertificateTrust
    {
        /// <summary>A CA bundle is kilobytes (the whole Mozilla bundle is about 220 KiB).</summary>
        public const int MaxFileBytes = 4 * 1024 * 1024;

        private static readonly Regex PemBlock = new Regex(
            "-----BEGIN CERTIFICATE-----(?<body>[A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(5));

        /// <summary>The certificates of a PEM file (one or several); a file with no PEM block is tried as one DER certificate.</summary>
        /// <exception cref="ArgumentException">Missing, not a regular file, too large, or without a certificate.</exception>
        public static X509Certificate2Collection Load(string path)
        {
            byte[] bytes;
            try
            {
                bytes = LocalFile.ReadRegular(path, MaxFileBytes, "The CA certificate file " + path, CancellationToken.None);
            }
            catch (TemplateException e)
            {
                throw new ArgumentException(e.Detail.TrimEnd('.') + ".", e);
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                throw new ArgumentException($"The CA certificate file {path} cannot be read: {e.Message}", e);
            }
            var collection = new X509Certificate2Collection();
            var text = Encoding.ASCII.GetString(bytes);
            var blocks = PemBlock.Matches(text);
            int index = 0;
            foreach (Match block in blocks)
            {
                index++;
                try
                {
                    collection.Add(new X509Certificate2(Convert.FromBase64String(block.Groups["body"].Value)));
                }
                catch (Exception e) when (e is FormatException || e is CryptographicException)
                {
                    throw new ArgumentException($"Certificate {index} in {path} is not a valid X.509 certificate.", e);
                }
            }
            if (blocks.Count == 0)
            {
                try
                {
                    collection.Add(new X509Certificate2(bytes));
                }
                catch (CryptographicException e)
                {
                    throw new ArgumentException($"The CA certificate file {path} holds no certificate: expected PEM (-----BEGIN CERTIFICATE-----) or DER.", e);
                }
            }
            return collection;
        }

        /// <summary>Whether <paramref name="certificate"/> (of the server) is trusted under <paramref name="authorities"/>;
        /// when not, <paramref name="reason"/> says why in words a user can act on.</summary>
        public static bool IsTrusted(X509Certificate2 certificate, X509Chain presented, SslPolicyErrors errors,
            X509Certificate2Collection authorities, [NotNullWhen(false)] out string? reason)
        {
            reason = null;
            if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                reason = "the server presented no certificate";
                return false;
            }
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                reason = $"its certificate ({Subject(certificate)}) is not issued for this host name";
                return false;
            }
            using (var chain = new X509Chain())
            {
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                chain.ChainPolicy.ExtraStore.AddRange(authorities);
                if (presented != null)
                {
                    // Intermediates the server sent.
                    foreach (var element in presented.ChainElements.Cast<X509ChainElement>().Skip(1)) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
                chain.Build(certificate);
                var faults = chain.ChainStatus
                    .Where(s => s.Status != X509ChainStatusFlags.NoError && s.Status != X509ChainStatusFlags.UntrustedRoot &&
                                s.Status != X509ChainStatusFlags.PartialChain)
                    .Select(s => s.Status.ToString()).Distinct().ToList();
                if (faults.Count > 0)
                {
                    reason = $"its certificate ({Subject(certificate)}) does not validate: {string.Join(", ", faults)}";
                    return false;
                }
                var anchors = new HashSet<string>(authorities.Cast<X509Certificate2>().Select(c => c.Thumbprint), StringComparer.OrdinalIgnoreCase);
                foreach (var element in chain.ChainElements.Cast<X509ChainElement>())
                {
                    if (anchors.Contains(element.Certificate.Thumbprint) &&
                        authorities.Cast<X509Certificate2>().Any(a => a.RawData.SequenceEqual(element.Certificate.RawData)))
                    {
                        return true;
                    }
                }
                reason = $"its certificate ({Subject(certificate)}, issued by {certificate.Issuer}) does not chain to a certificate of the given CA file";
                return false;
            }
        }

        private static string Subject(X509Certificate2 certificate) => certificate.Subject;
    }
}
