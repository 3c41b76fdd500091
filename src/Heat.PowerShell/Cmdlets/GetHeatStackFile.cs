using System.Collections;
using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets the files a stack was created or updated with (get_file targets, child templates,
    /// environments) as a hashtable of URL → content.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatStackFile")]
    [OutputType(typeof(Hashtable))]
    public sealed class GetHeatStackFile : StackTargetCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStack", stack.ToString(), () => WriteObject(Await(Client.StackData.GetFilesAsync(stack, CancellationToken))));
            }
        }
    }
}
