using System;
using System.Linq;
using Heat.Client.Models;

namespace Heat.Client.Protection
{
    /// <summary>
    /// A stack marked protected (Protect-HeatStack): a tag that this module's removals and abandons honour, refusing the
    /// stack. Heat does not know it: the tag is only this module's promise, and Heat itself, Horizon and other clients
    /// delete the stack as before.
    /// </summary>
    public static class StackProtection
    {
        /// <summary>The tag (Heat's tags are plain strings without commas, up to 80 characters).</summary>
        public const string Tag = "heat-powershell-protected";

        public static bool IsProtected(HeatStack stack) =>
            stack?.Tags != null && stack.Tags.Contains(Tag, StringComparer.Ordinal);
    }
}
