using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>URLs formed exactly as heatclient forms them (the keys of Heat's files map).</summary>
    public class HeatUrlTests
    {
        [Theory]
        // heatclient: urljoin('file:', pathname2url(path)) — UTF-8 percent-encoding, only A-Za-z0-9_.-~/ kept.
        [InlineData("/tmp/pt/ünïcode dir/child template.yaml", "file:///tmp/pt/%C3%BCn%C3%AFcode%20dir/child%20template.yaml")]
        [InlineData("/tmp/a~b_c-d.e/f+g@h,i=j;k:l(m)&n$o!p'q*r", "file:///tmp/a~b_c-d.e/f%2Bg%40h%2Ci%3Dj%3Bk%3Al%28m%29%26n%24o%21p%27q%2Ar")]
        public void Local_paths_become_percent_encoded_file_urls(string path, string url)
        {
            if (System.IO.Path.DirectorySeparatorChar == '/')
            {
                Assert.Equal(url, HeatUrl.PathToFileUrl(path));
                Assert.Equal(path, HeatUrl.FileUrlToPath(url));
            }
        }

        [Theory]
        // Each pair was checked with urllib.parse.urljoin(base + '/', value), which heatclient uses: the value is not encoded.
        [InlineData("../ünïcode dir/child template.yaml", "file:///tmp/pt/ünïcode dir/child template.yaml")]
        [InlineData("a//b/./c.yaml", "file:///tmp/pt/x%20y/a/b/c.yaml")]
        [InlineData("/abs/x.yaml", "file:///abs/x.yaml")]
        [InlineData("../../../../../x.yaml", "file:///x.yaml")]
        [InlineData("http://h/x.yaml", "http://h/x.yaml")]
        [InlineData("a?q=1#f", "file:///tmp/pt/x%20y/a?q=1#f")]
        [InlineData("file:rel.yaml", "file:///tmp/pt/x%20y/rel.yaml")]
        [InlineData("..", "file:///tmp/pt/")]
        [InlineData("%20x.yaml", "file:///tmp/pt/x%20y/%20x.yaml")]
        public void References_join_like_urllib(string reference, string expected)
        {
            Assert.Equal(expected, HeatUrl.Resolve("file:///tmp/pt/x%20y", reference));
        }

        [Theory]
        [InlineData("http://h/a/b/c.yaml?x=1", "http://h/a/b")]
        [InlineData("http://h/c.yaml", "http://h/")]
        [InlineData("file:///tmp/pt/x%20y/top.yaml", "file:///tmp/pt/x%20y")]
        public void Base_url_is_the_folder_of_the_file(string url, string expected)
        {
            Assert.Equal(expected, HeatUrl.BaseUrlFor(url));
        }

        [Fact]
        public void Http_dot_segments_stop_at_the_host()
        {
            Assert.Equal("http://h/x", HeatUrl.Resolve("http://h/a/b", "../../../x"));
        }
    }
}

namespace Heat.Client.Tests.Templates
{
    /// <summary>Child templates go into files as Python's json.dumps writes them; floats as Python's repr.</summary>
    public class PythonJsonTests
    {
        [Theory]
        [InlineData(2.5, "2.5")]
        [InlineData(1.0, "1.0")]
        [InlineData(1e16, "1e+16")]
        [InlineData(1e15, "1000000000000000.0")]
        [InlineData(0.0001, "0.0001")]
        [InlineData(0.00001, "1e-05")]
        [InlineData(6.02e23, "6.02e+23")]
        [InlineData(-0.5, "-0.5")]
        [InlineData(0.1, "0.1")]
        [InlineData(123456789.125, "123456789.125")]
        public void Floats_are_written_as_Python_repr(double value, string expected)
        {
            Assert.Equal(expected, Heat.Client.Templates.PythonJson.FloatRepr(value));
        }

        [Fact]
        public void Separators_and_escapes_are_Pythons()
        {
            var token = Newtonsoft.Json.Linq.JToken.Parse("{\"a\": [1, true, null, \"ü\\n\\\"\\u007f\"], \"b\": {}}");

            Assert.Equal("{\"a\": [1, true, null, \"\\u00fc\\n\\\"\\u007f\"], \"b\": {}}", Heat.Client.Templates.PythonJson.Dumps(token));
        }
    }
}
