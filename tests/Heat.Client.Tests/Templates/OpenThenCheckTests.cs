// Built for .NET only: the test swaps a symlink (File.CreateSymbolicLink, File.Move with overwrite) and makes a Unix
// socket (UnixDomainSocketEndPoint), none of which the .NET Framework 4.8 profile has; the net48 run (under Mono)
// covers the FIFO refusal through FileLimitTests.
#if NET
using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// A local file is opened first (without blocking) and judged by its handle, never by a look at the path before the
    /// open: a FIFO swapped in between a check and a blocking open would hang pwsh until someone writes to it.
    /// </summary>
    public sealed class OpenThenCheckTests : IDisposable
    {
        private readonly string _folder = Fixture.TempDirectory();

        public void Dispose() => Directory.Delete(_folder, true);

        private string Fifo(string name)
        {
            var path = Path.Combine(_folder, name);
            using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", "\"" + path + "\"") { UseShellExecute = false }))
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }
            return path;
        }

        /// <summary>Runs <paramref name="work"/> on a thread of its own; false when it is still running after <paramref name="limit"/>.</summary>
        private static bool Finishes(Action work, TimeSpan limit)
        {
            var thread = new Thread(() =>
            {
                try
                {
                    work();
                }
                catch (Exception)
                {
                    // What it throws is for the caller's own assertions.
                }
            }) { IsBackground = true };
            thread.Start();
            return thread.Join(limit);
        }

        /// <summary>Being the writer lets a reader stuck in open(2) go on; closing gives it end of file.</summary>
        private static void Release(string fifo) =>
            new Thread(() => new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose()) { IsBackground = true }.Start();

        [Fact]
        public void A_fifo_is_opened_without_blocking_and_refused_by_its_handle()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }
            var fifo = Fifo("pipe.yaml");
            FileStream stream = null;
            var kind = FileKind.Regular;

            var finished = Finishes(() => stream = LocalFile.OpenRegular(fifo, out kind), TimeSpan.FromSeconds(30));
            if (!finished)
            {
                Release(fifo);
            }

            Assert.True(finished, "opening the FIFO blocked");
            Assert.Null(stream);
            Assert.Equal(FileKind.Fifo, kind);
        }

        [Fact]
        public void Devices_sockets_and_folders_are_refused_by_their_handle_and_a_regular_file_is_read()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }
            var socketPath = Path.Combine(_folder, "s.sock");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(socketPath));
            var regular = Path.Combine(_folder, "t.yaml");
            File.WriteAllText(regular, "x: 1\n");

            Assert.Null(LocalFile.OpenRegular("/dev/zero", out var zero));
            // A socket cannot be opened with open(2) at all; it is refused either way, never read.
            var socketStream = LocalFile.OpenRegular(socketPath, out var socketKind);
            Assert.Null(LocalFile.OpenRegular(_folder, out var folder));
            Assert.Null(LocalFile.OpenRegular(Path.Combine(_folder, "none.yaml"), out var missing));
            using (var read = LocalFile.OpenRegular(regular, out var regularKind))
            {
                Assert.Equal(FileKind.Regular, regularKind);
                Assert.Equal("x: 1\n", new StreamReader(read).ReadToEnd());
            }

            Assert.Equal(FileKind.CharacterDevice, zero);
            Assert.Null(socketStream);
            Assert.NotEqual(FileKind.Regular, socketKind);
            Assert.Equal(FileKind.Directory, folder);
            Assert.Equal(FileKind.Missing, missing);
        }

        [Fact]
        public void A_fifo_swapped_in_while_the_template_is_read_never_hangs_the_loader()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }
            // t.yaml is a symbolic link that another thread points at a template, then at a FIFO, then back, as fast as
            // it can (each swap one atomic rename). A loader that looks at the path and then opens it can find a template
            // and open a FIFO; one that opens first and asks the handle cannot.
            var template = Path.Combine(_folder, "template.yaml");
            File.WriteAllText(template, "heat_template_version: 2018-08-31\n");
            var fifo = Fifo("pipe");
            var link = Path.Combine(_folder, "t.yaml");
            File.CreateSymbolicLink(link, template);
            using var stop = new CancellationTokenSource();
            var swapper = new Thread(() =>
            {
                for (long i = 0; !stop.IsCancellationRequested; i++)
                {
                    var next = Path.Combine(_folder, "next" + (i % 2));
                    File.CreateSymbolicLink(next, i % 2 == 0 ? fifo : template);
                    File.Move(next, link, overwrite: true);
                }
            }) { IsBackground = true };
            swapper.Start();
            int hung = 0, loaded = 0, refused = 0;
            try
            {
                for (var attempt = 0; attempt < 1500; attempt++)
                {
                    var outcome = 0;
                    var finished = Finishes(() =>
                    {
                        try
                        {
                            TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = link });
                            outcome = 1;
                        }
                        catch (TemplateException)
                        {
                            outcome = 2;
                        }
                    }, TimeSpan.FromSeconds(2));
                    if (!finished)
                    {
                        hung++;
                        Release(fifo);
                        Thread.Sleep(100);
                    }
                    loaded += outcome == 1 ? 1 : 0;
                    refused += outcome == 2 ? 1 : 0;
                }
            }
            finally
            {
                stop.Cancel();
                swapper.Join();
            }

            Assert.True(hung == 0, $"{hung} of 1500 loads hung on the FIFO ({loaded} loaded, {refused} refused)");
            Assert.True(loaded > 0 && refused > 0, $"the swaps did not interleave with the loads ({loaded} loaded, {refused} refused)");
        }
    }
}
#endif
