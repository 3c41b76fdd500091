using System;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// A server can answer every child template with a new one (chain1.yaml names chain2.yaml, and so on): no name
    /// repeats, so cycle detection never fires. Child templates nest at most TemplateLimits.MaxNestingDepth levels.
    /// </summary>
    public class ChildNestingTests
    {
        private const string Base = "https://repo.example.com/chain/";
        private const int Bound = TemplateLimits.MaxNestingDepth;

        /// <summary>Serves chainN.yaml naming chainN+1.yaml the way <paramref name="how"/> says, up to <paramref name="last"/>.</summary>
        private sealed class ChainServer
        {
            private readonly string _how;
            private readonly int _last;

            public ChainServer(string how, int last = int.MaxValue)
            {
                _how = how;
                _last = last;
            }

            public int Fetches { get; private set; }

            public Task<string> Fetch(Uri uri, CancellationToken cancellationToken)
            {
                // A loader without the bound would go on for ever; stop it here so that the test fails instead of hanging.
                if (++Fetches > 5 * Bound)
                {
                    throw new InvalidOperationException("runaway: " + Fetches + " fetches");
                }
                var n = int.Parse(uri.Segments.Last().Replace("chain", string.Empty).Replace(".yaml", string.Empty));
                return Task.FromResult(n >= _last ? "heat_template_version: 2018-08-31\n" : Naming(_how, "chain" + (n + 1) + ".yaml"));
            }
        }

        private static string Naming(string how, string child) =>
            "heat_template_version: 2018-08-31\nresources:\n  next:\n" + (how == "get_file"
                ? "    type: OS::Heat::Stack\n    properties:\n      template: {get_file: " + child + "}\n"
                : "    type: " + child + "\n");

        private static TemplateRequest StartingWith(string how)
        {
            if (how == "registry")
            {
                var request = new TemplateRequest { TemplateText = "heat_template_version: 2018-08-31\n" };
                request.EnvironmentPaths.Add(Base + "env.yaml");
                return request;
            }
            return new TemplateRequest { TemplateText = Naming(how, Base + "chain1.yaml") };
        }

        private static Func<Uri, CancellationToken, Task<string>> WithEnvironment(ChainServer server) =>
            (uri, token) => uri.AbsoluteUri == Base + "env.yaml"
                ? Task.FromResult("resource_registry:\n  My::Chain: chain1.yaml\n")
                : server.Fetch(uri, token);

        [Theory]
        [InlineData("type")]
        [InlineData("get_file")]
        [InlineData("registry")]
        public async Task An_endless_chain_of_children_stops_at_the_bound(string how)
        {
            var server = new ChainServer(how);

            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                TemplateLoader.LoadAsync(StartingWith(how), WithEnvironment(server), CancellationToken.None));

            Assert.Equal(TemplateProblem.TooDeep, error.Problem);
            Assert.Equal(Bound, server.Fetches);
            Assert.Equal(Base + "chain" + Bound + ".yaml", error.FilePath);
            Assert.Equal(Base + "chain" + (Bound + 1) + ".yaml", error.ReferencedPath);
            Assert.Contains(Bound.ToString(), error.Detail);
            Assert.Contains(Base + "chain1.yaml -> " + Base + "chain2.yaml", error.Detail);
            Assert.EndsWith(Base + "chain" + Bound + ".yaml -> " + Base + "chain" + (Bound + 1) + ".yaml", error.Detail);
        }

        [Theory]
        [InlineData("type")]
        [InlineData("get_file")]
        [InlineData("registry")]
        public async Task A_chain_exactly_at_the_bound_loads(string how)
        {
            var server = new ChainServer(how, last: Bound);

            var bundle = await TemplateLoader.LoadAsync(StartingWith(how), WithEnvironment(server), CancellationToken.None);

            Assert.Equal(Bound, server.Fetches);
            Assert.Contains(Base + "chain" + Bound + ".yaml", bundle.Files.Keys);
        }

        [Fact]
        public void The_deepest_document_at_the_bottom_of_the_deepest_chain_fits_a_small_stack()
        {
            // Both bounds at once: every level of children adds frames, and the last child is as deep as a document may be.
            var folder = Fixture.TempDirectory();
            try
            {
                var deepest = "heat_template_version: 2018-08-31\noutputs:\n  o:\n    value: " +
                              new string('[', TemplateLimits.MaxDocumentDepth - 3) + new string(']', TemplateLimits.MaxDocumentDepth - 3) + "\n";
                File.WriteAllText(Path.Combine(folder, "chain" + Bound + ".yaml"), deepest);
                for (var n = Bound - 1; n >= 0; n--)
                {
                    File.WriteAllText(Path.Combine(folder, "chain" + n + ".yaml"), Naming(n % 2 == 0 ? "type" : "get_file", "chain" + (n + 1) + ".yaml"));
                }
                TemplateBundle bundle = null;
                ExceptionDispatchInfo failure = null;
                var thread = new Thread(() =>
                {
                    try
                    {
                        bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = Path.Combine(folder, "chain0.yaml") });
                    }
                    catch (Exception ex)
                    {
                        failure = ExceptionDispatchInfo.Capture(ex);
                    }
                }, 256 * 1024);
                thread.Start();
                thread.Join();
                failure?.Throw();

                Assert.Equal(Bound, bundle.Files.Count);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    }
}
