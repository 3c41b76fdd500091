using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Graphs;
using Xunit;

namespace Heat.Client.Tests.Graphs
{
    /// <summary>dot as a child process: found on PATH, fed on stdin, its failures and its hangs reported, never left running.</summary>
    public class GraphvizTests
    {
        private static string Dot => Graphviz.FindDot() ?? throw new InvalidOperationException("These tests need Graphviz's dot on PATH (apt-get install graphviz).");

        [Fact]
        public void FindDot_LooksOnlyInThePathGiven()
        {
            var folder = TempFolder();
            var fake = Path.Combine(folder, OperatingSystem.IsWindows() ? "dot.exe" : "dot");
            File.WriteAllText(fake, string.Empty);

            Assert.Equal(fake, Graphviz.FindDot(string.Join(Path.PathSeparator.ToString(), "", Path.Combine(folder, "missing"), folder)));
            Assert.Null(Graphviz.FindDot(Path.Combine(folder, "missing")));
            Assert.Null(Graphviz.FindDot(string.Empty));
        }

        [Fact]
        public async Task Render_GivesWhatDotWrites_ForEachFormat()
        {
            const string dot = "digraph { a -> b }";

            var svg = Encoding.UTF8.GetString(await Graphviz.RenderAsync(Dot, dot, "svg", TimeSpan.FromSeconds(60), CancellationToken.None));
            var png = await Graphviz.RenderAsync(Dot, dot, "png", TimeSpan.FromSeconds(60), CancellationToken.None);
            var pdf = await Graphviz.RenderAsync(Dot, dot, "pdf", TimeSpan.FromSeconds(60), CancellationToken.None);

            Assert.Contains("<svg", svg);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4));
            Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        }

        [Fact]
        public async Task DotRefusingTheText_IsAnErrorCarryingDotsOwnMessage()
        {
            var error = await Assert.ThrowsAsync<GraphvizException>(() =>
                Graphviz.RenderAsync(Dot, "digraph { a -> }", "svg", TimeSpan.FromSeconds(60), CancellationToken.None));

            Assert.Contains("exit code", error.Message);
            Assert.Contains("syntax error", error.Message);
        }

        [Fact]
        public async Task AFormatThatIsNotSvgPngOrPdf_IsRefusedBeforeAnythingRuns()
        {
            // The format becomes dot's -T argument: nothing else may get there.
            await Assert.ThrowsAsync<ArgumentException>(() =>
                Graphviz.RenderAsync("/nonexistent/dot", "digraph {}", "svg -o /tmp/x", TimeSpan.FromSeconds(5), CancellationToken.None));
        }

        [Fact]
        public async Task ADotThatHangs_IsStoppedAtTheTimeout_AndCtrlCStopsItToo()
        {
            if (OperatingSystem.IsWindows()) return; // The stand-in is a shell script.
            var folder = TempFolder();
            var hanging = Path.Combine(folder, "dot");
            var pidFile = Path.Combine(folder, "pid");
            File.WriteAllText(hanging, $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 300\n");
            File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            var watch = Stopwatch.StartNew();

            var timedOut = await Assert.ThrowsAsync<GraphvizException>(() =>
                Graphviz.RenderAsync(hanging, "digraph {}", "svg", TimeSpan.FromSeconds(1), CancellationToken.None));
            var elapsed = watch.Elapsed;
            var firstPid = int.Parse(File.ReadAllText(pidFile).Trim());
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Graphviz.RenderAsync(hanging, "digraph {}", "svg", TimeSpan.FromMinutes(5), cancel.Token));

            Assert.Contains("did not finish within 1 s", timedOut.Message);
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
            Assert.False(IsRunning(firstPid), "the timed-out process is still running");
        }

        private static bool IsRunning(int pid)
        {
            for (int i = 0; i < 50; i++)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    if (process.HasExited) return false;
                }
                catch (ArgumentException)
                {
                    return false;
                }
                Thread.Sleep(100);
            }
            return true;
        }

        private static string TempFolder()
        {
            var folder = Path.Combine(Path.GetTempPath(), "heat-graphviz-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
