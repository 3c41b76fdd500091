using System;
using Xunit;

namespace Heat.Client.Tests.Framework
{
    /// <summary>
    /// A test that makes its certificates with CertificateRequest (.NET Framework 4.7.2 and later, every .NET). Mono's
    /// class library, which runs the Framework build of these tests on Linux (build.ps1), has no such type: there the
    /// test is reported as skipped with this reason, rather than failing on a type the Framework itself has.
    /// </summary>
    public sealed class CertificateFactAttribute : FactAttribute
    {
        public CertificateFactAttribute()
        {
            if (Type.GetType("Mono.Runtime") != null)
            {
                Skip = "Mono lacks CertificateRequest, which makes this test's certificates (.NET Framework 4.7.2 and later has it)";
            }
        }
    }
}
