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
    }
}
