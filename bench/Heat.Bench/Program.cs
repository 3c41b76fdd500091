using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Heat.Bench
{
    /// <summary>
    /// On-demand measurements. `hostile` runs every hostile-input scenario, each in a fresh process (so that peak
    /// memory is the scenario's own), and prints one table row per scenario: what the module did, how long it took,
    /// the process's peak working set and the bytes it allocated. `hostile NAME` runs one scenario in this process.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "bdn")
            {
                // Short runs in this process (no generated project to build): a few minutes for the whole set.
                var config = DefaultConfig.Instance
                    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
                    .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
                var filter = args.Length > 1 ? args.Skip(1).ToArray() : new[] { "--filter", "*" };
                BenchmarkSwitcher.FromTypes(new[] { typeof(PageParsing), typeof(TemplateLoading) }).Run(filter, config);
                return 0;
            }
            if (args.Length == 0 || args[0] != "hostile")
            {
                Console.Error.WriteLine("usage: Heat.Bench hostile [scenario] | bdn [BenchmarkDotNet arguments]");
                return 2;
            }
            if (args.Length > 1) return await RunOne(args[1]);
            Console.WriteLine("| fault or input | what the module did | time | peak working set | allocated |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var scenario in HostileScenarios.All)
            {
                var self = Environment.ProcessPath;
                var dll = typeof(Program).Assembly.Location;
                var start = new ProcessStartInfo(self, self.EndsWith("dotnet") ? $"\"{dll}\" hostile {scenario.Name}" : $"hostile {scenario.Name}")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using (var child = Process.Start(start))
                {
                    var output = await child.StandardOutput.ReadToEndAsync();
                    await child.StandardError.ReadToEndAsync();
                    if (!child.WaitForExit(300_000)) child.Kill(true);
                    var row = output.Split('\n').LastOrDefault(l => l.StartsWith("| "));
                    Console.WriteLine(row ?? $"| {scenario.Title} | (no result, exit {child.ExitCode}) | | | |");
                }
            }
            return 0;
        }

        private static async Task<int> RunOne(string name)
        {
            var scenario = HostileScenarios.All.FirstOrDefault(s => s.Name == name);
            if (scenario == null)
            {
                Console.Error.WriteLine("unknown scenario " + name);
                return 2;
            }
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                outcome = await scenario.Run();
            }
            catch (Exception e)
            {
                outcome = $"{e.GetType().Name}: {e.Message}";
            }
            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            outcome = outcome.Replace("|", "/").Replace("\n", " ");
            if (outcome.Length > 220) outcome = outcome.Substring(0, 220) + "...";
            Console.WriteLine($"| {scenario.Title} | {outcome} | {watch.Elapsed.TotalSeconds:0.00} s | {peak / 1048576.0:0} MiB | {allocated / 1048576.0:0.0} MiB |");
            return 0;
        }
    }
}
