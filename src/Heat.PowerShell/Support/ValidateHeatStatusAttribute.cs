using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Refuses a -Status that no stack, resource or event can have: a typo would otherwise match nothing and look like
    /// "nothing is in that state". Wildcards pass when they match a status (*_FAILED, CREATE_*).
    /// </summary>
    internal sealed class ValidateHeatStatusAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var value = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString();
            if (HeatStatuses.IsValid(value)) return;
            throw new ValidationMetadataException(
                $"'{value}' is not a Heat status. Give a status ({string.Join(", ", HeatStatuses.All.Where(s => !s.StartsWith("INIT_", StringComparison.Ordinal)).Take(6))} ...: " +
                $"an action {string.Join("|", HeatStatuses.Actions)} joined to a state), a state ({string.Join(", ", HeatStatuses.States)}), " +
                "or a wildcard that matches one (*_FAILED, UPDATE_*).");
        }
    }
}
