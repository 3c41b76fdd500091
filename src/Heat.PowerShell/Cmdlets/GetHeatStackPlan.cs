using System.Management.Automation;
using Heat.Client.Plans;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Reads saved plans back as objects, or as Markdown for a pull request.</summary>
    /// <remarks>
    /// <para>Get-HeatStackPlan reads the files New-HeatStackPlan wrote (paths and wildcards, or piped files and plan
    /// objects by their Path) and writes each plan: Target, Operation, Fingerprint, Differences (the rows of what
    /// changes), SecretParameters, Request. A file that is not a plan of a version this module reads is a
    /// HeatPlanInvalid error, and the next file goes on. It needs no cloud.</para>
    /// <para>-AsMarkdown writes each plan as Markdown text instead: where it goes, what it applies to, a table of the
    /// changes (restricted ones marked) and the secret parameters it will need, made safe for a table and a
    /// terminal.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStackPlan ./web-prod.plan.json | Select-Object -ExpandProperty Differences
    /// </code>
    /// <para>The rows the plan was reviewed with.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackPlan ./plans/*.plan.json -AsMarkdown | Set-Content ./plan-comment.md
    /// </code>
    /// <para>One Markdown comment for every plan of a pull request.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatStackPlan")]
    [OutputType(typeof(HeatStackPlan), typeof(string))]
    public sealed class GetHeatStackPlan : HeatCmdlet
    {
        /// <summary>Plan files (wildcards allowed); binds piped files and plans by their FullName or Path.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; }

        /// <summary>Write each plan as Markdown text (for a pull-request comment) instead of an object.</summary>
        [Parameter]
        public SwitchParameter AsMarkdown { get; set; }

        protected override void ProcessRecord()
        {
            ForEachResolvedPath(Path, "HeatPlan", path =>
            {
                var plan = PlanFile.Read(path);
                WriteObject(AsMarkdown ? (object)PlanMarkdown.Render(plan) : plan);
            });
        }
    }
}
