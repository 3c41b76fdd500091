using System.Collections;
using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets the files a stack was created or updated with, as a hashtable of URL to content.</summary>
    /// <remarks>
    /// <para>Get-HeatStackFile writes the files Heat keeps for each stack (<c>openstack stack file list</c>): the
    /// get_file targets, child templates and environment files that were sent with the template, keyed by the URL the
    /// template names them by.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// (Get-HeatStackFile web-prod).Keys
    /// </code>
    /// <para>The names of the files the stack was sent with.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $files = Get-HeatStackFile web-prod
    /// $files.GetEnumerator() | Where-Object Key -like '*boot.sh' | ForEach-Object Value
    /// </code>
    /// <para>Shows the content of the boot script the stack was created with.</para>
    /// </example>
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
