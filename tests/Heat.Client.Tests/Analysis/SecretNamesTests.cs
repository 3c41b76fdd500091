using Heat.Client.Analysis;
using Xunit;

namespace Heat.Client.Tests.Analysis
{
    /// <summary>One rule for what a name says is a secret, for the analyzer and for plans.</summary>
    public class SecretNamesTests
    {
        [Theory]
        [InlineData("db_password", true)]
        [InlineData("AdminPass", false)]
        [InlineData("admin_token", true)]
        [InlineData("api_key", true)]
        [InlineData("ssh_private_key", true)]
        [InlineData("client_secret", true)]
        [InlineData("key_name", false)]
        [InlineData("KeyName", false)]
        [InlineData("key_pair_name", false)]
        [InlineData("keypair", false)]
        [InlineData("public_key", false)]
        [InlineData("keystone_url", false)]
        [InlineData("public_ssh_key", false)]
        [InlineData("ssh_key", false)]
        [InlineData("encryption_key_size", false)]
        [InlineData("secret_type", false)]
        [InlineData("flavor", false)]
        public void ANameSaysASecret_OrNot(string name, bool secret) => Assert.Equal(secret, SecretNames.IsSecret(name));
    }
}
