using System.Management.Automation;
using Heat.Client.Plans;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Plans a create or an update for review, and saves it to apply later exactly as reviewed.</summary>
    /// <remarks>
    /// <para>New-HeatStackPlan takes what New-HeatStack and Update-HeatStack take (the stack's name, the template,
    /// environments, parameters, tags, -Existing for a patch) and asks Heat what it would do, changing nothing. It writes
    /// the plan to -OutFile as JSON (docs/plan-format.md) and to the pipeline: the target (Keystone, project, region, Heat's
    /// endpoint, the stack's name and id, or none for a new stack), the stack's fingerprint as Heat holds it now (status,
    /// times, hashes of its template, environment and parameters), the whole request that will be sent (template, child
    /// templates and get_file contents, environment), and the rows of what changes, as Compare-HeatStack writes
    /// them.</para>
    /// <para>Invoke-HeatStackPlan applies it later: it sends the planned request (files edited since do not matter),
    /// only to that cloud and project, and only while the stack still matches the fingerprint; a new stack only while no
    /// stack has its name. Hidden parameters, and parameters whose names say password, secret, token or key, are never
    /// written: SecretParameters names them, and Invoke-HeatStackPlan takes them again. Get-HeatStackPlan -AsMarkdown
    /// renders a plan for a pull-request comment.</para>
    /// <para>Each parameter of a template named on the command line (-TemplatePath or -Template) is also a parameter
    /// of this cmdlet, typed and checked as Heat checks it: <c>-count 3 -flavor large</c>. A name the cmdlet already has is
    /// &lt;name&gt;FromTemplate (-tagFromTemplate); -Parameter still takes every one. See
    /// about_Heat.PowerShell_Templates.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// New-HeatStackPlan web-prod -TemplatePath ./web.yaml -EnvironmentPath ./env/prod.yaml -OutFile ./web-prod.plan.json
    /// </code>
    /// <para>Plans updating web-prod (or creating it, if there is none) to these files, and saves the plan.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatStackPlan web-prod -Existing -Parameter @{ count = 5 } -OutFile ./scale.plan.json | Get-HeatStackPlan -AsMarkdown
    /// </code>
    /// <para>Plans a patch of one parameter and shows it as Markdown for the pull request.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "HeatStackPlan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStackPlan))]
    public sealed class NewHeatStackPlan : HeatCmdlet, IDynamicParameters
    {
        private readonly TemplateParameterGroup<StackDefinitionParameters<NewHeatStackPlan>> _parameters =
            new TemplateParameterGroup<StackDefinitionParameters<NewHeatStackPlan>>();

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile, -Tag, -TimeoutMinutes ...</summary>
        public object GetDynamicParameters() => _parameters.Parameters(this, valuesRequired: !Existing);

        /// <summary>The definition as bound for this record.</summary>
        private StackDefinitionParameters Definition => _parameters.Bound();

        /// <summary>The stack the plan is for: one name, no wildcard. A name Heat has no stack of plans a create.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string StackName { get; set; }

        /// <summary>The file to write the plan to (JSON; replaced when it exists).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; }

        /// <summary>Plan a patch (as Update-HeatStack -Existing): the stack keeps its template, environment and every
        /// parameter not given.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UpdateHeatStack.ExistingSet)]
        public SwitchParameter Existing { get; set; }

        /// <summary>With -Existing: parameters that go back to their template defaults.</summary>
        [Parameter(ParameterSetName = UpdateHeatStack.ExistingSet)]
        [ValidateNotNullOrEmpty]
        public string[] ClearParameter { get; set; }

        /// <summary>Plan the update with Heat's converge (see Update-HeatStack -Converge).</summary>
        [Parameter]
        public SwitchParameter Converge { get; set; }

        protected override void ProcessRecord()
        {
            if (Wildcards.IsPattern(StackName))
            {
                WriteError(ErrorCatalog.Usage("HeatPlanOneStack", $"A plan is for one stack: '{StackName}' is a wildcard.", StackName, "StackName"));
                return;
            }
            TryItem("HeatStack", StackName, () =>
            {
                var bundle = Definition.LoadBundle(this);
                var values = Definition.Values(this);
                var planner = new StackPlanner(Client);
                HeatStackPlan plan;
                var existing = Await(planner.FindAsync(StackRef.FromNameOrId(StackName), CancellationToken));
                if (existing != null && existing.StackStatus != WaitGoal.Delete.Expected)
                {
                    var update = Definition.ToUpdateRequest(this, Existing, ClearParameter, bundle, values);
                    update.Converge = Converge;
                    plan = Await(planner.PlanUpdateAsync(new StackRef(existing.StackName, existing.Id), update, CancellationToken));
                }
                else if (Existing)
                {
                    throw new ItemNotFoundException($"Heat has no stack '{StackName}' to patch (-Existing).");
                }
                else
                {
                    plan = Await(planner.PlanCreateAsync(Definition.ToCreateRequest(this, StackName, bundle, values), CancellationToken));
                }
                var path = GetUnresolvedProviderPathFromPSPath(OutFile);
                if (ShouldAct(path, $"Write the plan to {plan.Operation?.ToLowerInvariant()} Heat stack {StackName}")) PlanFile.Write(plan, path);
                WriteObject(plan);
            });
        }
    }
}
