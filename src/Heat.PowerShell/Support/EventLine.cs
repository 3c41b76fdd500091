using System.Globalization;
using Heat.Client.Models;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// An event as one -Verbose line while a wait reads it, in the form <c>openstack stack create --wait</c> prints:
    /// <c>2026-12-07 09:19:36Z [web.server]: CREATE_COMPLETE  state changed</c> (the stack's own events as <c>[web]</c>).
    /// </summary>
    internal static class EventLine
    {
        public static string Format(HeatEvent evt)
        {
            var time = evt.EventTime?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var own = evt.ResourceName == null || evt.ResourceName == evt.StackName;
            var where = own ? evt.StackName : $"{evt.StackName}.{evt.ResourceName}";
            var line = $"[{where}]: {evt.ResourceStatus}";
            if (!string.IsNullOrEmpty(evt.ResourceStatusReason)) line += "  " + evt.ResourceStatusReason;
            return time == null ? line : time + " " + line;
        }
    }
}
