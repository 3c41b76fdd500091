using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// What a file costs is known before it is read: over-size files are refused from their length, reading stops at
    /// the cap even when the length lied, and FIFOs, devices and sockets (which can block or never end) are not read.
    /// </summary>
    public sealed class FileLimitTests : IDisposable
    {
        private readonly string _folder = Fixture.TempDirectory();

        public void Dispose() => Directory.Delete(_folder, true);

        private string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        /// <summary>A file of that length without writing it (sparse on Linux file systems).</summary>
        private string Sized(string name, long length)
        {
            var path = Path.Combine(_folder, name);
            using (var file = new FileStream(path, FileMode.CreateNew))
            {
                file.SetLength(length);
            }
            return path;
        }

        private static string GetFileTemplate(string target) =>
            "heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::Value\n    properties:\n      value: {get_file: '" + target + "'}\n";

        private TemplateException RefusedGetFile(string target)
        {
            var template = Write("top.yaml", GetFileTemplate(target));
            var error = Assert.Throws<TemplateException>(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = template }));
            Assert.Equal(template, error.FilePath);
            Assert.Equal(6, error.Line);
            return error;
        }

        [Fact]
        public void A_template_over_max_template_size_is_refused_from_its_length_before_reading()
        {
            if (!OperatingSystem.IsLinux())
            {
                return; // relies on a sparse file: 3 GiB that take no disk
            }
            // Past 2 GiB File.ReadAllBytes gives up, so only a check made before reading can say how big it is.
            var path = Sized("huge.yaml", 3L << 30);

            var error = Assert.Throws<TemplateException>(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = path }));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal(path, error.FilePath);
            Assert.Contains((3L << 30) + " bytes", error.Message);
            Assert.Contains("524288", error.Message);
        }

        [Fact]
        public void A_get_file_target_over_the_file_cap_is_refused_and_one_at_the_cap_is_read()
        {
            var over = Sized("over.bin", TemplateLimits.MaxFileBytes + 1);
            var error = RefusedGetFile(over);
            var atCap = Sized("at-cap.bin", TemplateLimits.MaxFileBytes);
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = Write("ok.yaml", GetFileTemplate(atCap)) });

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal(over, error.ReferencedPath);
            Assert.Contains(TemplateLimits.MaxFileBytes.ToString(), error.Message);
            Assert.Equal(TemplateLimits.MaxFileBytes, bundle.Files[HeatUrl.PathToFileUrl(atCap)].Length);
        }

        [Fact]
        public void Dev_zero_is_refused_without_being_read()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }
            // /dev/zero says its length is 0 and never ends: reading it would fill memory.
            var error = RefusedGetFile("/dev/zero");
            var top = Assert.Throws<TemplateException>(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = "/dev/zero" }));

            Assert.Equal(TemplateProblem.NotRegularFile, error.Problem);
            Assert.Equal("/dev/zero", error.ReferencedPath);
            Assert.Contains("character device", error.Message);
            Assert.Equal(TemplateProblem.NotRegularFile, top.Problem);
            Assert.Equal("/dev/zero", top.FilePath);
        }

        [Fact]
        public void A_fifo_is_refused_without_blocking()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }
            var fifo = Path.Combine(_folder, "pipe.yaml");
            using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", "\"" + fifo + "\"") { UseShellExecute = false }))
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }
            var template = Write("top.yaml", GetFileTemplate("pipe.yaml"));

            // Opening a FIFO for reading blocks until a writer comes: a loader that opens it hangs here. Threads of
            // their own, so that neither a busy thread pool nor an open that blocks can hang the test itself.
            TemplateException error = null;
            var loader = new Thread(() => error = Assert.Throws<TemplateException>(() =>
                TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = template }))) { IsBackground = true };
            loader.Start();
            if (!loader.Join(TimeSpan.FromSeconds(30)))
            {
                // Being the writer lets the stuck reader go on; closing gives it end of file.
                new Thread(() => new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose()) { IsBackground = true }.Start();
                Assert.Fail("the loader blocked on the FIFO");
            }

            Assert.NotNull(error);
            Assert.Equal(TemplateProblem.NotRegularFile, error.Problem);
            Assert.Equal(fifo, error.ReferencedPath);
            Assert.Contains("FIFO", error.Message);
        }

        [Fact]
        public async Task Fetched_content_is_capped_on_this_side_too()
        {
            var big = new string('a', TemplateLimits.MaxFileBytes + 1);
            Func<Uri, CancellationToken, Task<string>> fetch = (uri, _) => Task.FromResult(big);
            var request = new TemplateRequest { TemplateText = GetFileTemplate("https://artifacts.example.com/big.bin") };

            var error = await Assert.ThrowsAsync<TemplateException>(() => TemplateLoader.LoadAsync(request, fetch, CancellationToken.None));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal("https://artifacts.example.com/big.bin", error.ReferencedPath);
            Assert.Contains(TemplateLimits.MaxFileBytes.ToString(), error.Message);
        }

        [Fact]
        public async Task A_fetched_template_over_max_template_size_is_refused()
        {
            var big = "heat_template_version: 2018-08-31\ndescription: " + new string('a', TemplateLimits.MaxTemplateBytes) + "\n";
            Func<Uri, CancellationToken, Task<string>> fetch = (uri, _) => Task.FromResult(big);

            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                TemplateLoader.LoadAsync(new TemplateRequest { TemplateUrl = "https://repo.example.com/big.yaml" }, fetch, CancellationToken.None));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal("https://repo.example.com/big.yaml", error.FilePath);
        }

        [Fact]
        public async Task The_files_of_one_bundle_are_capped_in_total()
        {
            // Each file is under the per-file cap; together they pass the bundle's.
            var each = new string('a', TemplateLimits.MaxFileBytes - 1);
            var fits = (int)(TemplateLimits.MaxBundleBytes / each.Length);
            var text = "heat_template_version: 2018-08-31\noutputs:\n";
            for (var i = 0; i <= fits; i++)
            {
                text += "  o" + i + ": {value: {get_file: 'https://artifacts.example.com/part" + i + ".bin'}}\n";
            }
            var fetched = 0;
            Func<Uri, CancellationToken, Task<string>> fetch = (uri, _) =>
            {
                fetched++;
                return Task.FromResult(each);
            };

            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                TemplateLoader.LoadAsync(new TemplateRequest { TemplateText = text }, fetch, CancellationToken.None));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal("https://artifacts.example.com/part" + fits + ".bin", error.ReferencedPath);
            Assert.Contains(TemplateLimits.MaxBundleBytes.ToString(), error.Message);
            Assert.Equal(fits + 1, fetched);
        }

        [Fact]
        public async Task The_number_of_files_of_one_bundle_is_capped()
        {
            var text = new System.Text.StringBuilder("heat_template_version: 2018-08-31\noutputs:\n");
            for (var i = 0; i <= TemplateLimits.MaxFiles; i++)
            {
                text.Append("  o").Append(i).Append(": {value: {get_file: 'https://artifacts.example.com/f").Append(i).Append(".txt'}}\n");
            }
            var fetched = 0;
            Func<Uri, CancellationToken, Task<string>> fetch = (uri, _) =>
            {
                fetched++;
                return Task.FromResult("x");
            };

            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                TemplateLoader.LoadAsync(new TemplateRequest { TemplateText = text.ToString() }, fetch, CancellationToken.None));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Contains(TemplateLimits.MaxFiles.ToString(), error.Message);
            Assert.Equal(TemplateLimits.MaxFiles, fetched);
        }

        [Fact]
        public void Reading_stops_at_the_cap_even_when_the_length_lied()
        {
            // A file can grow while it is read, and /proc or device files report 0: the read itself counts.
            var endless = new EndlessStream();

            var bytes = CappedRead.ReadUpTo(endless, 100000, CancellationToken.None);

            Assert.Null(bytes);
            Assert.Equal(100001, endless.Served);
        }

        [Fact]
        public async Task The_http_fetcher_reads_a_body_no_further_than_the_cap()
        {
            var endless = new EndlessStream();
            var said = new EndlessStream();
            var request = new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\noutputs:\n  a: {value: {get_file: 'https://artifacts.example.com/endless.bin'}}\n",
            };
            var announced = new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\noutputs:\n  a: {value: {get_file: 'https://artifacts.example.com/announced.bin'}}\n",
            };

            var error = await Assert.ThrowsAsync<TemplateException>(() => TemplateLoader.LoadAsync(request,
                TemplateLoader.FetchWith(new System.Net.Http.HttpClient(new StreamHandler(endless, null))), CancellationToken.None));
            var refused = await Assert.ThrowsAsync<TemplateException>(() => TemplateLoader.LoadAsync(announced,
                TemplateLoader.FetchWith(new System.Net.Http.HttpClient(new StreamHandler(said, TemplateLimits.MaxFileBytes + 1L))), CancellationToken.None));

            Assert.Equal(TemplateProblem.FetchFailed, error.Problem);
            Assert.Contains(TemplateLimits.MaxFileBytes.ToString(), error.Message);
            Assert.InRange(endless.Served, TemplateLimits.MaxFileBytes + 1L, TemplateLimits.MaxFileBytes + 1L + 1024 * 1024);
            Assert.Equal(TemplateProblem.FetchFailed, refused.Problem);
            Assert.Contains(TemplateLimits.MaxFileBytes.ToString(), refused.Message);
            Assert.Equal(0, said.Served);
        }

        /// <summary>Answers every request with 200 and <paramref name="body"/>, announcing <paramref name="length"/> when given.</summary>
        private sealed class StreamHandler : System.Net.Http.HttpMessageHandler
        {
            private readonly Stream _body;
            private readonly long? _length;

            public StreamHandler(Stream body, long? length)
            {
                _body = body;
                _length = length;
            }

            protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var content = new System.Net.Http.StreamContent(_body);
                content.Headers.ContentLength = _length;
                return Task.FromResult(new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content });
            }
        }

        [Theory]
        [InlineData(@"\\.\PhysicalDrive0", true)]
        [InlineData(@"\\?\C:\stacks\top.yaml", true)]
        [InlineData("//./pipe/x", true)]
        [InlineData(@"C:\stacks\CON", true)]
        [InlineData(@"C:\stacks\nul.yaml", true)]
        [InlineData(@"C:\stacks\com1", true)]
        [InlineData(@"C:\stacks\lpt9.txt", true)]
        [InlineData(@"C:\stacks\CONIN$", true)]
        [InlineData(@"C:\stacks\console.yaml", false)]
        [InlineData(@"C:\stacks\com10", false)]
        [InlineData(@"\\fileserver\share\top.yaml", false)]
        [InlineData(@"C:\stacks\top.yaml", false)]
        public void Windows_device_paths_are_recognised_by_name(string path, bool device)
        {
            Assert.Equal(device, LocalFile.IsWindowsDevicePath(path));
        }

        private sealed class EndlessStream : Stream
        {
            public long Served { get; private set; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Clear(buffer, offset, count);
                Served += count;
                return count;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
