using System;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;
using Heat.Client.Templates;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Creates a stack from a HOT or CloudFormation template.</summary>
    /// <remarks>
    /// <para>New-HeatStack reads the template (-TemplatePath, -Template or -TemplateUrl), every file it names
    /// (get_file, child templates) and the environments (-EnvironmentPath), checks them locally (syntax errors come
    /// with file, line and column), and asks Heat to create the stack with the parameters given (-Parameter,
    /// -ParameterFile). Without -Wait it writes the new stack (name, id, CREATE_IN_PROGRESS) as soon as Heat accepted
    /// it.</para>
    /// <para>With -Wait, every stack of the pipeline is sent first, then all are waited for at once, reading only new
    /// events; each finished stack is written in full. A stack that ends CREATE_FAILED is a non-terminating
    /// HeatStackFailed error record with Heat's reason and the failed resources' reasons, and the other stacks still
    /// finish. Rollback is off unless -EnableRollback, as in Heat and <c>openstack stack create</c>, so a failed stack
    /// keeps what shows the cause (Get-HeatStackFailure).</para>
    /// <para>StackName, TemplatePath, TemplateUrl, Parameter and Tag bind by property name: <c>Import-Csv stacks.csv |
    /// New-HeatStack ...</c> creates a stack per row. -PreCreateHook stops chosen resources before they are made (see
    /// Get-HeatStackHook). -AdoptPath creates the stack from the data that Remove-HeatStack -Abandon or
    /// Export-HeatStack wrote, taking over its resources, where the cloud allows adopt.</para>
    /// <para>-WhatIf creates nothing and writes Heat's preview of the create as HeatStackDifference rows: each
    /// resource the template would make (Added) and each parameter with the value it would take, as Update-HeatStack
    /// -WhatIf does for an update and Compare-HeatStack for a name that has no stack yet.</para>
    /// <para>A create request is never sent twice on a guess: when the answer to it is lost, the error is
    /// HeatStackOutcomeUnknown, and Get-HeatStack tells whether the stack exists.</para>
    /// <para>Each parameter of a template named on the command line (-TemplatePath or -Template) is also a parameter
    /// of this cmdlet, typed and checked as Heat checks it: <c>-count 3 -flavor large</c>. A name the cmdlet already has is
    /// &lt;name&gt;FromTemplate (-tagFromTemplate); -Parameter still takes every one. See
    /// about_Heat.PowerShell_Templates.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// New-HeatStack -Name web-prod -TemplatePath ./web.yaml -EnvironmentPath ./env/prod.yaml -Parameter @{ count = 3; zones = @('a', 'b') } -Tag prod, web -Wait
    /// </code>
    /// <para>Creates web-prod from a template and an environment with two parameters and two tags, waits until it is
    /// CREATE_COMPLETE, and writes it with its outputs.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatStack app-dev ./examples/templates/app-tier.yaml -worker_count 3 -environment_name dev -Wait
    /// </code>
    /// <para>The template's parameters worker_count and environment_name given as parameters of the cmdlet: a
    /// worker_count outside the template's range (1 to 5) stops the command before anything is sent.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Import-Csv stacks.csv | New-HeatStack -TemplatePath ./web.yaml -Wait
    /// </code>
    /// <para>Creates a stack per row of stacks.csv (columns StackName and, if wanted, Parameter or Tag) and waits for
    /// all of them at once.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatStack web-prod -TemplatePath ./web.yaml -PreCreateHook db* -Wait
    /// </code>
    /// <para>Creates the stack but stops each resource whose name starts with db before it is created; the wait ends
    /// with a HeatStackPausedAtHook error naming them. Clear-HeatStackHook lets them go on.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatStack old-app -AdoptPath ./old-app.json -Wait
    /// </code>
    /// <para>Adopts the resources that Remove-HeatStack -Abandon left, as a new stack.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStack), typeof(HeatStackDifference))]
    public sealed class NewHeatStack : StackDefinitionCmdlet
    {
        public const string AdoptSet = "Adopt";

        /// <summary>A file written by Remove-HeatStack -Abandon or Export-HeatStack: the stack is made from its
        /// template and takes over the resources it lists instead of creating them. Heat refuses unless the cloud
        /// enables adopt.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AdoptSet)]
        [ValidateNotNullOrEmpty]
        public string AdoptPath { get; set; }

        protected override void ProcessRecord()
        {
            if (IsWhatIf)
            {
                // Heat's create preview as rows, as Update-HeatStack -WhatIf writes an update's. Adopt data has none.
                ShouldAct(StackName, "Create Heat stack");
                if (AdoptPath == null) TryItem("HeatStack", StackName, () => WritePreviewedCreate(NewCreateRequest(Definition.LoadBundle(this), Definition.Values(this))));
                return;
            }
            if (!ShouldAct(StackName, "Create Heat stack")) return;
            CreateStackRequest request = null;
            if (!TryItem("HeatStack", StackName, () =>
            {
                request = NewCreateRequest(Definition.LoadBundle(this), Definition.Values(this));
                if (AdoptPath != null) request.AdoptStackData = LocalText.Read(GetUnresolvedProviderPathFromPSPath(AdoptPath), "the adopt data");
            })) return;
            // A create that rolled back (ROLLBACK_COMPLETE) failed too; the final stack is written either way.
            Start(new StackOperation("Create Heat stack", null, StackName, SendCreate(request))
            {
                Goal = !Wait ? null : AdoptPath != null ? WaitGoal.Adopt : WaitGoal.Create,
                WaitTimeout = TimeSpan.FromMinutes(WaitTimeoutMinutes),
                Started = sent => sent.Made,
                Finished = (host, sent, final) => final,
                WriteFailed = true,
            }, ThrottleLimit);
        }

        internal static SendStack SendCreate(CreateStackRequest request) => async (client, stack, cancellationToken) =>
        {
            var created = await client.Stacks.CreateAsync(request, cancellationToken).ConfigureAwait(false);
            return new Sent(new StackRef(created.StackName, created.Id), created);
        };
    }
}
