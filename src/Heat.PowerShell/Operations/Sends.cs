using System.Linq;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Operations
{
    /// <summary>Requests that several cmdlets send alike.</summary>
    internal static class Sends
    {
        /// <summary>One of Heat's stack actions (suspend, resume, check, cancel_update ...).</summary>
        public static SendStack Action(StackAction action) => async (client, stack, cancellationToken) =>
        {
            await client.Stacks.ActionAsync(stack, action, cancellationToken).ConfigureAwait(false);
            return new Sent(stack);
        };

        /// <summary>Marks a stack protected or not (<see cref="StackProtection.Tag"/>): a patch that keeps everything and
        /// sets the stack's tags to its own with the mark added or taken away. Heat stores tags only through an update,
        /// and a patch that leaves none stores one empty tag (its API has no other way), which reads as none.</summary>
        public static SendStack Protection(bool protect) => async (client, stack, cancellationToken) =>
        {
            var current = await client.Stacks.GetAsync(stack, cancellationToken, resolveOutputs: false).ConfigureAwait(false);
            var tags = current.Tags.Where(t => !string.Equals(t, StackProtection.Tag, System.StringComparison.Ordinal)).ToList();
            if (protect) tags.Add(StackProtection.Tag);
            await client.Stacks.UpdateAsync(stack, new UpdateStackRequest { Existing = true, Tags = tags }, cancellationToken).ConfigureAwait(false);
            return new Sent(stack);
        };

        /// <summary>A removal (delete or abandon) that first reads the stack and refuses it when it is marked protected.</summary>
        public static SendStack UnlessProtected(SendStack send) => async (client, stack, cancellationToken) =>
        {
            await RefuseProtectedAsync(client, stack, cancellationToken).ConfigureAwait(false);
            return await send(client, stack, cancellationToken).ConfigureAwait(false);
        };

        /// <summary>Reads the stack (its tags as they are now) and refuses it when it is marked protected.</summary>
        public static async System.Threading.Tasks.Task RefuseProtectedAsync(HeatClient client, StackRef stack, System.Threading.CancellationToken cancellationToken)
        {
            var current = await client.Stacks.GetAsync(stack, cancellationToken, resolveOutputs: false).ConfigureAwait(false);
            if (StackProtection.IsProtected(current)) throw new HeatStackProtectedException(stack);
        }
    }
}
