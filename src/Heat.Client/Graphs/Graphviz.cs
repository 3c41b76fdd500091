using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Heat.Client.Graphs
{
    /// <summary>
    /// Renders Dot text with Graphviz's <c>dot</c>, found on PATH, as a child process: the Dot goes in on standard
    /// input and the picture comes back on standard output, never through a shell and with no argument taken from the
    /// graph (only <c>-T</c> and a format of <see cref="Formats"/>), under a timeout and a cap on what it writes.
    /// </summary>
    public static class Graphviz
    {
        public const string ToolName = "dot";

        /// <summary>The output formats asked of dot (its <c>-T</c> values).</summary>
        public static readonly string[] Formats = { "svg", "png", "pdf" };

        /// <summary>More output than this is refused: a picture of a stack is kilobytes, a runaway layout need not fill the disk.</summary>
        public const int MaxOutputBytes = 64 * 1024 * 1024;

        private const int MaxErrorChars = 4000;

        /// <summary>The full path of dot in the folders of <paramref name="pathVariable"/> (the process's PATH when null), or null.</summary>
        public static string? FindDot(string? pathVariable = null)
        {
            var path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            var windows = Path.DirectorySeparatorChar == '\\';
            var names = windows ? new[] { ToolName + ".exe", ToolName + ".bat", ToolName + ".cmd" } : new[] { ToolName };
            foreach (var folder in path.Split(Path.PathSeparator).Select(f => f.Trim().Trim('"')).Where(f => f.Length > 0))
            {
                foreach (var name in names)
                {
                    string candidate;
                    try
                    {
                        candidate = Path.Combine(folder, name);
                    }
                    catch (ArgumentException)
                    {
                        continue;
                    }
                    if (File.Exists(candidate)) return candidate;
                }
            }
            return null;
        }

        /// <summary>Runs <paramref name="dotExecutable"/> <c>-T</c><paramref name="format"/> on <paramref name="dot"/> and returns what it wrote.</summary>
        /// <exception cref="GraphvizException">dot exited with an error, wrote too much, or did not finish in time.</exception>
        public static async Task<byte[]> RenderAsync(string dotExecutable, string dot, string format, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (!Formats.Contains(format)) throw new ArgumentException("dot output format must be one of " + string.Join(", ", Formats) + ".", nameof(format));
            var start = new ProcessStartInfo(dotExecutable, "-T" + format)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            using (var process = new Process { StartInfo = start })
            {
                try
                {
                    process.Start();
                }
                catch (System.ComponentModel.Win32Exception e)
                {
                    throw new GraphvizException($"Graphviz's {ToolName} ({dotExecutable}) could not be started: {e.Message}", e);
                }
                // Written and read at once: dot may fill its output pipe before it has read all of its input.
                var input = WriteInputAsync(process.StandardInput.BaseStream, dot);
                var output = ReadCappedAsync(process.StandardOutput.BaseStream, MaxOutputBytes, keepStart: false);
                var errors = ReadCappedAsync(process.StandardError.BaseStream, MaxErrorChars * 4, keepStart: true);
                var all = Task.WhenAll(input, output, errors);
                using (var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    var finished = await Task.WhenAny(all, Task.Delay(timeout, timer.Token)).ConfigureAwait(false);
                    timer.Cancel();
                    if (finished != all)
                    {
                        Kill(process);
                        cancellationToken.ThrowIfCancellationRequested();
                        throw new GraphvizException($"Graphviz's {ToolName} did not finish within {timeout.TotalSeconds:0} s; it was stopped.");
                    }
                }
                try
                {
                    await all.ConfigureAwait(false);
                }
                catch (IOException) when (process.WaitForExit(5000) && process.ExitCode != 0)
                {
                    // dot gave up and closed its input early: its own message (below) says why.
                }
                process.WaitForExit();
                var message = Encoding.UTF8.GetString(errors.Status == TaskStatus.RanToCompletion ? errors.Result ?? Array.Empty<byte>() : Array.Empty<byte>()).Trim();
                if (message.Length > MaxErrorChars) message = message.Substring(0, MaxErrorChars) + "...";
                if (process.ExitCode != 0)
                {
                    throw new GraphvizException($"Graphviz's {ToolName} failed (exit code {process.ExitCode})" + (message.Length > 0 ? ": " + message : "."));
                }
                return output.Result ?? throw new GraphvizException($"Graphviz's {ToolName} wrote more than {MaxOutputBytes} bytes; the picture was not kept.");
            }
        }

        private static async Task WriteInputAsync(Stream stdin, string dot)
        {
            var bytes = new UTF8Encoding(false).GetBytes(dot ?? string.Empty);
            using (stdin)
            {
                await stdin.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Everything the stream gives up to <paramref name="cap"/> bytes; past it, the start (<paramref name="keepStart"/>)
        /// or null. The rest is read and dropped either way, so that dot is never blocked on a full pipe.
        /// </summary>
        private static async Task<byte[]?> ReadCappedAsync(Stream stream, int cap, bool keepStart)
        {
            var kept = new MemoryStream();
            var buffer = new byte[81920];
            bool over = false;
            int read;
            while ((read = await stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
            {
                if (over) continue;
                if (kept.Length + read > cap)
                {
                    over = true;
                    continue;
                }
                kept.Write(buffer, 0, read);
            }
            return over && !keepStart ? null : kept.ToArray();
        }

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited) process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It ended on its own in the meantime.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // It is ending already.
            }
        }
    }
}
