using Heat.Client.Internal;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>The one redactor's list: which values of a URL are credentials, and which stay readable.</summary>
    public class RedactorTests
    {
        [Theory]
        [InlineData("api_key")]
        [InlineData("apikey")]
        [InlineData("access_token")]
        [InlineData("password")]
        [InlineData("secret")]
        [InlineData("client_secret")]
        [InlineData("token")]
        [InlineData("temp_url_sig")]
        [InlineData("sig")]
        [InlineData("Signature")]
        [InlineData("X-Amz-Signature")]
        [InlineData("X-Amz-Credential")]
        [InlineData("X-Amz-Security-Token")]
        [InlineData("key")]
        public void A_credential_parameter_is_masked(string name)
        {
            var text = "GET https://swift.example/v1/AUTH_x/t.yaml?limit=5&" + name + "=VALUE-123&sort_keys=name failed";

            var redacted = Secrets.RedactText(text);

            Assert.Equal("GET https://swift.example/v1/AUTH_x/t.yaml?limit=5&" + name + "=***&sort_keys=name failed", redacted);
        }

        [Theory]
        [InlineData("temp_url_expires")]
        [InlineData("X-Amz-Expires")]
        [InlineData("X-Amz-Date")]
        [InlineData("sort_keys")]
        [InlineData("marker")]
        [InlineData("design")]
        [InlineData("signal")]
        public void Other_parameters_stay_readable(string name)
        {
            var text = "https://swift.example/t.yaml?" + name + "=VALUE-123";

            Assert.Equal(text, Secrets.RedactText(text));
        }

        [Theory]
        [InlineData("http://deploy:hunter2@host/t.yaml", "http://***@host/t.yaml")]
        [InlineData("proxy 'http://me:pw@proxy:3128/' failed", "proxy 'http://***@proxy:3128/' failed")]
        [InlineData("https://token@host/x", "https://***@host/x")]
        [InlineData("mailto-like text a@b and x=1", "mailto-like text a@b and x=1")]
        public void User_info_is_masked(string text, string expected)
        {
            Assert.Equal(expected, Secrets.RedactText(text));
        }

        [Fact]
        public void A_signed_url_inside_another_urls_query_is_masked_too()
        {
            var text = "https://proxy.example/fetch?url=https%3A%2F%2Fswift%2Ft.yaml%3Ftemp_url_sig%3DSIG123%26temp_url_expires%3D9";

            Assert.Equal("https://proxy.example/fetch?url=https%3A%2F%2Fswift%2Ft.yaml%3Ftemp_url_sig%3D***%26temp_url_expires%3D9",
                Secrets.RedactText(text));
        }

        [Fact]
        public void A_fragment_is_read_as_a_query()
        {
            Assert.Equal("https://app.example/cb#access_token=***&state=1", Secrets.RedactText("https://app.example/cb#access_token=abc&state=1"));
        }
    }
}
