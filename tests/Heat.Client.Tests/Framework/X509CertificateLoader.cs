#if NETFRAMEWORK
namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>
    /// .NET 9's loader, as far as the tests use it (tests/Shared/FakeServer.cs, CertificateTrustTests), for the
    /// .NET Framework build of these tests: there the certificate's constructor is the way to read a PFX.
    /// </summary>
    internal static class X509CertificateLoader
    {
        public static X509Certificate2 LoadPkcs12(byte[] data, string password) =>
            new X509Certificate2(data, password, X509KeyStorageFlags.Exportable);
    }
}
#endif
