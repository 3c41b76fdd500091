using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// How every preview is written (Compare-HeatStack, and -WhatIf of New-, Update- and Set-HeatStack): the rows that
    /// change (all of them with -IncludeUnchanged), and a warning for each resource whose change the stack's environment
    /// restricts, since Heat would fail the update on it.
    /// </summary>
    internal static class DifferenceRows
    {
        public static void Write(Cmdlet cmdlet, IEnumerable<HeatStackDifference> rows, bool includeUnchanged)
        {
            var warned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (!includeUnchanged && row.Change == "Unchanged") continue;
                if (row.Restricted != null && warned.Add(row.StackName + "/" + row.Name))
                {
                    cmdlet.WriteWarning(TerminalText.Line(
                        $"{row.StackName}: {row.Name} would be {row.Change?.ToLowerInvariant()}, and the stack's environment restricts " +
                        $"{row.Restricted} for it (restricted_actions): Heat would fail this update, and Update-HeatStack refuses to send it."));
                }
                cmdlet.WriteObject(row);
            }
        }
    }
}
