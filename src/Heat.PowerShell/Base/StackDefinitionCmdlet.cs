using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Templates;

namespace Heat.PowerShell.Base
{
    /// <summary>
    /// A cmdlet that makes a stack from a definition (New-HeatStack, Set-HeatStack): the new stack's name, the definition
    /// group (template, parameters, tags, timeout, rollback) and -Wait.
    /// </summary>
    public abstract class StackDefinitionCmdlet : HeatCmdlet, IDynamicParameters
    {
        private readonly TemplateParameterGroup<StackDefinitionParameters> _definition = new TemplateParameterGroup<StackDefinitionParameters>();

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile, -Tag,
        /// -TimeoutMinutes, -EnableRollback, and the template's own parameters, as bound for this record.</summary>
        protected StackDefinitionParameters Definition => _definition.Bound();

        /// <summary>The definition group and the parameters of the template named on the command line.</summary>
        public object GetDynamicParameters() => _definition.Parameters(this, valuesRequired: true);

        /// <summary>The stack's name: it must start with a letter and hold only letters, digits, _, - and . (Heat's
        /// rule). Binds piped strings (<c>'a', 'b' | New-HeatStack -TemplatePath t.yaml</c> makes two stacks) and by
        /// property name, so <c>Import-Csv stacks.csv | New-HeatStack ...</c> makes a stack per row.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string StackName { get; set; }

        /// <summary>Wait until the stacks finish (all at once, after every request was sent), then write them in full.
        /// A stack that ends FAILED, or rolled back, is an error record with Heat's reason and the failed resources'
        /// reasons.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait for each stack, in minutes (1 to 10080, a week). A stack still in progress then
        /// is an OperationTimeout error; Heat goes on with it.</summary>
        [Parameter]
        [ValidateRange(1, WaitTimeouts.MaxMinutes)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        /// <summary>How many stacks are created or updated at once (1 to 64). The requests run concurrently; everything
        /// is still written from the pipeline thread, in the order of the records.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Operations.OperationRunner.DefaultThrottleLimit;

        /// <summary>The create request for <see cref="StackName"/> (rollback off unless -EnableRollback).</summary>
        protected CreateStackRequest NewCreateRequest(TemplateBundle template, Dictionary<string, object> parameters) =>
            Definition.ToCreateRequest(this, StackName, template, parameters);

        /// <summary>-WhatIf of a create: Heat's create preview as Added rows (the resources, then the parameters), as
        /// Compare-HeatStack writes for a stack that does not exist yet. Makes nothing.</summary>
        protected void WritePreviewedCreate(CreateStackRequest request)
        {
            DifferenceRows.Write(this, Await(Client.Comparer.CompareCreateAsync(request, showNested: false, CancellationToken)), includeUnchanged: true);
        }
    }
}
