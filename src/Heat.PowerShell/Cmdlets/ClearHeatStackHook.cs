using System;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Clears hooks (breakpoints), so that the resources waiting at them go on.</summary>
    /// <remarks>
    /// <para>Clear-HeatStackHook signals Heat to let the named resources past their hook (<c>openstack stack hook
    /// clear</c>). -ResourceName takes names, wildcards and paths into nested stacks (<c>group/*/server</c>: each
    /// segment but the last matches resources whose nested stacks are searched). -HookType defaults to the hook of what
    /// the stack is doing now (pre-create while it is created ...). Like every cmdlet that changes something, it writes
    /// only with -PassThru: then each hook it cleared.</para>
    /// <para>Confirmation follows ConfirmImpact Medium; -WhatIf shows what would be cleared. A name that matches no
    /// resource is a warning; a stack that is not in progress is a HeatStackInvalidOperation error unless -HookType
    /// says which hook to clear.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Clear-HeatStackHook web-prod db*
    /// </code>
    /// <para>Lets every resource of web-prod whose name starts with db go on.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Clear-HeatStackHook web-prod workers/*/server -HookType pre-update
    /// </code>
    /// <para>Clears the pre-update hook of the server in each member of the workers group.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackHook web-prod -NestedDepth 2 | Clear-HeatStackHook
    /// </code>
    /// <para>Lets every resource that waits at a hook go on, nested ones included: each hook binds its stack,
    /// resource and hook type by property name.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Clear, "HeatStackHook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStackHook))]
    public sealed class ClearHeatStackHook : StackTargetCmdlet
    {
        private static readonly char[] PathSeparator = { '/' };

        /// <summary>The resources to let go on: names, wildcards, or nested paths such as
        /// <c>workers/*/server</c>.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string[] ResourceName { get; set; }

        /// <summary>Which hook to clear: pre-create, pre-update or pre-delete. Left out: the hook of the stack's
        /// current action.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(StackHooks.PreCreate, StackHooks.PreUpdate, StackHooks.PreDelete)]
        public string HookType { get; set; }

        /// <summary>Write each hook cleared (HeatStackHook). Without it nothing is written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStack", stack.ToString(), () =>
                {
                    var hook = HookType ?? HooksClient.HookFor(Await(Client.Stacks.GetAsync(stack, CancellationToken, resolveOutputs: false)));
                    if (hook == null)
                    {
                        throw new PSInvalidOperationException($"Stack '{stack}' is not in progress, so no hook of its can wait; give -HookType to clear one anyway.");
                    }
                    foreach (var path in ResourceName)
                    {
                        var segments = path.Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries);
                        if (segments.Length == 0) throw new PSArgumentException("-ResourceName holds an empty path.", nameof(ResourceName));
                        if (!ShouldAct($"{Describe(stack)}: {path}", $"Clear the {hook} hook")) continue;
                        var matchers = segments.Select(s => (Func<string, bool>)Wildcards.Pattern(s).IsMatch).ToArray();
                        var cleared = Await(Client.Hooks.ClearMatchingAsync(stack, segments, hook, matchers, CancellationToken));
                        if (cleared.Count == 0) WriteWarning($"No resource of '{stack}' matches '{path}'.");
                        if (PassThru) foreach (var done in cleared) WriteObject(done);
                    }
                });
            }
        }
    }
}
