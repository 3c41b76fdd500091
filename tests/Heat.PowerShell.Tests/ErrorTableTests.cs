using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Every error a script can see comes from the one table (ErrorCatalog), so the table lists every id.</summary>
    public class ErrorTableTests
    {
        [Fact]
        public void NoCmdletBuildsAnErrorRecordOfItsOwn()
        {
            var src = Path.Combine(RepositoryRoot(), "src", "Heat.PowerShell");
            var own = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && Path.GetFileName(f) != "ErrorCatalog.cs")
                .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
                .Where(l => l.Text.Contains("new ErrorRecord("))
                .Select(l => $"{l.File}:{l.Line}")
                .ToList();

            Assert.Empty(own);
        }

        [Fact]
        public void AUsageErrorIsARowOfTheTable_AndAnIdThatIsNot_IsRefused()
        {
            var record = ErrorCatalog.Usage("HeatStackNotNamed", "No stack named.");

            Assert.Equal("HeatStackNotNamed", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
            Assert.Contains("HeatStackNotNamed", ErrorCatalog.Ids);
            Assert.Throws<InvalidOperationException>(() => ErrorCatalog.Usage("HeatNoSuchId", "x"));
        }

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PSHeat.sln"))) return folder.FullName;
            }
            throw new DirectoryNotFoundException("No PSHeat.sln above " + AppContext.BaseDirectory);
        }
    }
}
