using System.IO;
using System.Management.Automation;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Exports a stack as Heat's export data (template, environment, resources' data): to a file that
    /// an adopt can read, or as JSON text.</para>
    /// <para type="description">The stack is not changed. With -Path, the file is written (ShouldProcess; -Force to replace one).</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(string), typeof(FileInfo))]
    public sealed class ExportHeatStack : StackTargetCmdlet
    {
        /// <summary>The file to write; without it, the JSON is written to the pipeline.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStack", stack.ToString(), () =>
                {
                    var json = JToken.Parse(Await(Client.StackData.ExportJsonAsync(stack, CancellationToken))).ToString(Newtonsoft.Json.Formatting.Indented);
                    if (Path == null)
                    {
                        WriteObject(json);
                        return;
                    }
                    var file = GetUnresolvedProviderPathFromPSPath(Path);
                    if (!ShouldProcess(file, $"Export Heat stack {Describe(stack)}")) return;
                    if (File.Exists(file) && !Force)
                    {
                        throw new IOException($"The file {file} exists; use -Force to replace it.");
                    }
                    File.WriteAllText(file, json, new UTF8Encoding(false));
                    WriteObject(new FileInfo(file));
                });
            }
        }
    }
}
