using System.Security;
using Heat.Client.Keystone;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>
    /// CloudSettings made in code (a script's <c>[Heat.Client.Keystone.CloudSettings]::new()</c>), not read from a
    /// clouds file or OS_* variables: they have no origin to name a missing key by, and turn into options all the same.
    /// </summary>
    public sealed class CloudSettingsTests
    {
        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            return secure;
        }

        [Fact]
        public void MadeInCode_BecomeOptions()
        {
            var settings = new CloudSettings { AuthUrl = "https://keystone.test:5000/v3", UserName = "demo", Password = Secure("pw"), ProjectName = "demo" };

            var options = settings.ToAuthOptions();

            Assert.Equal(AuthMethod.Password, options.Method);
            Assert.Equal("https://keystone.test:5000/v3", options.AuthUrl);
            Assert.Empty(options.SetupWarnings);
        }

        [Fact]
        public void MadeInCode_WithoutAPassword_NameTheMissingKey()
        {
            var settings = new CloudSettings { AuthUrl = "https://keystone.test:5000/v3", UserName = "demo" };

            var error = Assert.Throws<CloudConfigException>(() => settings.ToAuthOptions());

            Assert.Equal("password", error.MissingSetting);
            Assert.Contains("password", error.Message);
        }
    }
}
