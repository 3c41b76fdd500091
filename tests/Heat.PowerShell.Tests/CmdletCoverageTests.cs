using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// Every cmdlet the module exports is run by name in at least one test of this project, so that its binding,
    /// routes and output are seen without the root-only lab. A new cmdlet without such a test fails here, naming it.
    /// </summary>
    public class CmdletCoverageTests
    {
        /// <summary>Test sources whose scripts are completed, never run: a name there does not count.</summary>
        private static readonly string[] NotRun = { "CompletionTests.cs" };

        [Fact]
        public void EveryExportedCmdlet_IsRunByNameInAnInProcessTest()
        {
            var cmdlets = ExportedCmdlets();
            var scripts = ScriptLines();

            var missing = cmdlets.Where(name => !scripts.Any(line => Named(line, name))).ToList();

            Assert.True(cmdlets.Count > 40, $"Only {cmdlets.Count} cmdlets were found in the module: the check would prove nothing.");
            Assert.True(scripts.Count > 100, $"Only {scripts.Count} script lines were found under {TestsFolder()}: the check would prove nothing.");
            Assert.True(missing.Count == 0,
                $"No in-process test runs {string.Join(", ", missing)}. Add one that runs it by name in a PowerShellHost against the " +
                "fake Heat (as RemoveHeatStackTests does) and asserts what a user would see.");
        }

        [Fact]
        public void TheCheck_TellsARunFromAMention()
        {
            Assert.True(Named("var result = host.Run(\"Get-HeatStackSnapshot web s1 -Session $session\");", "Get-HeatStackSnapshot"));
            Assert.True(Named("\"Get-HeatStack -Session $session | Remove-HeatStack -Force\",", "Remove-HeatStack"));
            // Another cmdlet whose name begins the same is not this one.
            Assert.False(Named("host.Run(\"Get-HeatStackSnapshot web\");", "Get-HeatStack"));
            Assert.False(Named("host.Run(\"Remove-HeatStackSnapshot web s1\");", "Remove-HeatStack"));
            // A name outside a string (a comment, a class name) is not a run.
            Assert.False(Named("// Get-HeatStack web, then Remove-HeatStack it", "Get-HeatStack"));
        }

        /// <summary>The cmdlets of the module as PowerShell loaded it (build.ps1 fills CmdletsToExport the same way).</summary>
        private static List<string> ExportedCmdlets()
        {
            using var host = new PowerShellHost(null);
            var result = host.Run("(Get-Module | Where-Object ImplementingAssembly -eq ([Heat.PowerShell.Base.HeatCmdlet].Assembly)).ExportedCmdlets.Keys");
            return result.Output.Select(o => (string)o.BaseObject).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }

        /// <summary>Every line of this project's test sources that is not a comment, from the files whose scripts run.</summary>
        private static List<string> ScriptLines()
        {
            var folder = TestsFolder();
            return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(file => !IsBuildOutput(folder, file) && !NotRun.Contains(Path.GetFileName(file)) && Path.GetFileName(file) != nameof(CmdletCoverageTests) + ".cs")
                .SelectMany(File.ReadLines)
                .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .ToList();
        }

        /// <summary>Whether <paramref name="line"/> names the cmdlet inside a string (after a quote), as a whole word.</summary>
        private static bool Named(string line, string cmdlet) =>
            Regex.IsMatch(line, "\"[^\"]*(?<![\\w-])" + Regex.Escape(cmdlet) + "(?![\\w-])");

        private static bool IsBuildOutput(string folder, string file)
        {
            var first = Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar)[0];
            return first == "bin" || first == "obj";
        }

        private static string TestsFolder()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PSHeat.sln"))) return Path.Combine(folder.FullName, "tests", "Heat.PowerShell.Tests");
            }
            throw new InvalidOperationException("PSHeat.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
