using System;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Clears hooks (breakpoints) so that the resources waiting at them go on.</para>
    /// <para type="description">-ResourceName takes names, wildcards and paths into nested stacks ("group/*/server": each
    /// segment but the last matches resources whose nested stacks are searched). -HookType defaults to the hook of what
    /// the stack is doing (pre-create while it is created ...). Writes the hooks cleared.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "HeatStackHook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStackHook))]
    public sealed class ClearHeatStackHook : StackTargetCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string[] ResourceName { get; set; }

        [Parameter]
        [ValidateSet(StackHooks.PreCreate, StackHooks.PreUpdate, StackHooks.PreDelete)]
        public string HookType { get; set; }

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
                        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
                        if (segments.Length == 0) throw new PSArgumentException("-ResourceName holds an empty path.", nameof(ResourceName));
                        if (!ShouldProcess($"{Describe(stack)}: {path}", $"Clear the {hook} hook")) continue;
                        var matchers = segments.Select(s => (Func<string, bool>)Wildcards.Pattern(s).IsMatch).ToArray();
                        var cleared = Await(Client.Hooks.ClearMatchingAsync(stack, segments, hook, matchers, CancellationToken));
                        if (cleared.Count == 0) WriteWarning($"No resource of '{stack}' matches '{path}'.");
                        foreach (var done in cleared) WriteObject(done);
                    }
                });
            }
        }
    }
}
