using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Binding
{
    /// <summary>
    /// Cmdlets that share a definition group (template, parameters, tags) bind their records right when they run at the
    /// same time in other runspaces (ForEach-Object -Parallel, runbook workers): PowerShell keeps one parameter
    /// description per dynamic-parameter type for the whole process and numbers its parameter sets in place for the
    /// cmdlet binding it, so two cmdlets with different sets that shared one type read each other's numbering, and a
    /// record was refused for a parameter set it did not ask for (seen: "did not contain ... TemplateUrl").
    /// </summary>
    public class ParallelBindingTests
    {
        private const string Template = "'heat_template_version: 2018-08-31'";

        private const string Records =
            "[pscustomobject]@{ StackName = 'web'; Parameter = @{ flavor = 'a' }; Tag = 'x' }, [pscustomobject]@{ StackName = 'db'; Parameter = @{ flavor = 'b' } }";

        /// <summary>Binding errors only: the fake Heat answers nothing, so every command that binds ends in another error.</summary>
        private static readonly string[] BindingErrors = { "InputObjectMissingMandatory", "AmbiguousParameterSet", "MissingMandatoryParameter", "NamedParameterNotFound" };

        [Fact]
        public void CmdletsSharingTheDefinitionGroup_BindRight_InParallelRunspaces()
        {
            var scripts = new[]
            {
                $"{Records} | Update-HeatStack -Template {Template} -Force -WhatIf -Session $session",
                $"{Records} | New-HeatStack -Template {Template} -WhatIf -Session $session",
                $"{Records} | Set-HeatStack -Template {Template} -WhatIf -Session $session",
                $"{Records} | Compare-HeatStack -Template {Template} -Session $session",
                $"Test-HeatTemplate -Template {Template} -Offline",
            };
            var wrong = new ConcurrentBag<string>();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            Parallel.For(0, scripts.Length, new ParallelOptions { MaxDegreeOfParallelism = scripts.Length }, i =>
            {
                using var host = new PowerShellHost(new FakeHeat());
                for (int run = 0; run < 40 && DateTime.UtcNow < deadline; run++)
                {
                    var result = host.Run("try { " + scripts[i] + " } catch { Write-Error -ErrorRecord $_ }");
                    foreach (var error in result.Errors.Where(e => BindingErrors.Any(id => e.FullyQualifiedErrorId.StartsWith(id, StringComparison.Ordinal))))
                    {
                        wrong.Add($"{scripts[i]}: {error.FullyQualifiedErrorId}: {error.Exception.Message}");
                    }
                }
            });

            Assert.True(wrong.IsEmpty, string.Join(Environment.NewLine, wrong.Distinct().Take(5)));
        }

        [Fact]
        public void EachCmdletsDynamicParameters_AreATypeOfItsOwn()
        {
            var owners = typeof(Cmdlets.GetHeatStack).Assembly.GetTypes()
                .Where(t => typeof(System.Management.Automation.IDynamicParameters).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (Cmdlet: t, Parameters: ((System.Management.Automation.IDynamicParameters)Activator.CreateInstance(t)).GetDynamicParameters()))
                .Where(p => !(p.Parameters is System.Management.Automation.RuntimeDefinedParameterDictionary))
                .GroupBy(p => p.Parameters.GetType())
                .ToList();

            // The template cmdlets now return a dictionary, which PowerShell describes afresh for each command; a cmdlet
            // that returns a group object must still have a type of its own.
            Assert.All(owners, group => Assert.True(group.Count() == 1,
                $"{group.Key.Name} is the dynamic parameters of {string.Join(", ", group.Select(p => p.Cmdlet.Name))}: give each its own type."));
        }
    }
}
