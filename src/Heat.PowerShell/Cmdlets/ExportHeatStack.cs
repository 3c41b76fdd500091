using System.IO;
using System.Management.Automation;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Exports a stack as Heat's export data: to a file that an adopt can read, or as JSON text.</summary>
    /// <remarks>
    /// <para>Export-HeatStack asks Heat to export each stack (<c>openstack stack export</c>): its template,
    /// environment, files and the data of each resource, as JSON. The stack is not changed. With -Path, the data goes
    /// to that file (which New-HeatStack -AdoptPath reads) and the file is written to the pipeline; an existing file is
    /// replaced only with -Force. Without -Path, the JSON text is written.</para>
    /// <para>Heat refuses unless the cloud enables stack export (policy); that is a HeatAccessDenied or
    /// HeatStackInvalid error with Heat's reason.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Export-HeatStack web-prod -Path ./web-prod.export.json
    /// </code>
    /// <para>Writes the export data of web-prod to a file.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Export-HeatStack web-prod | ConvertFrom-Json | Select-Object -ExpandProperty resources
    /// </code>
    /// <para>Looks at the resources' data without writing a file.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(string), typeof(FileInfo))]
    public sealed class ExportHeatStack : StackTargetCmdlet
    {
        /// <summary>The file to write the export data to. Without it, the JSON text is written to the
        /// pipeline.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Replace the file when it exists.</summary>
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
                    if (!ShouldAct(file, $"Export Heat stack {Describe(stack)}")) return;
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
