using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Heat.Client.Fleet;
using Heat.Client.Keystone;

namespace Heat.PowerShell.Fleet
{
    /// <summary>
    /// A session for each target of a stack set: its cloud from clouds.yaml, with the target's region and project in place
    /// of the cloud's when it gives them. Targets that share cloud, region and project share a session (the runspace's
    /// own, when it has that cloud open as the file says); all are opened at once. A target whose session cannot be
    /// opened gets the reason instead, and fails alone.
    /// </summary>
    internal static class StackSetSessions
    {
        public static Dictionary<int, (HeatSession Session, string Failure)> Open(AsyncCmdlet cmdlet, IEnumerable<StackSetTarget> targets, string currentFolder)
        {
            var opening = new Dictionary<string, Task<HeatSession>>(StringComparer.Ordinal);
            var keys = new Dictionary<int, string>();
            foreach (var target in targets)
            {
                var key = $"{target.Cloud}|{target.Region}|{target.Project}";
                keys[target.Index] = key;
                if (opening.ContainsKey(key)) continue;
                var open = target.Region == null && target.Project == null ? SessionStore.Find(target.Cloud) : null;
                opening[key] = open != null ? Task.FromResult(open) : Connect(cmdlet, target, currentFolder);
            }
            var sessions = new Dictionary<string, (HeatSession, string)>(StringComparer.Ordinal);
            foreach (var pair in opening)
            {
                try
                {
                    sessions[pair.Key] = (cmdlet.Await(pair.Value), null);
                }
                catch (Exception e) when (e is HeatException || e is CloudConfigException || e is ArgumentException || e is UriFormatException)
                {
                    sessions[pair.Key] = (null, $"cloud '{pair.Key.Split('|')[0]}' could not be connected to: {e.Message}");
                }
            }
            return keys.ToDictionary(k => k.Key, k => sessions[k.Value]);
        }

        private static Task<HeatSession> Connect(AsyncCmdlet cmdlet, StackSetTarget target, string currentFolder)
        {
            try
            {
                var options = CloudSessions.DefaultOptions(target.Cloud, currentFolder);
                if (target.Region != null) options.Region = target.Region;
                if (target.Project != null)
                {
                    options.ProjectName = target.Project;
                    options.ProjectId = null;
                }
                return HeatSession.ConnectAsync(options, trace: message => cmdlet.Post(() => cmdlet.WriteVerbose($"[{target.Cloud}] {message}")),
                    cancellationToken: cmdlet.CancellationToken);
            }
            catch (Exception e) when (e is CloudConfigException || e is ArgumentException)
            {
                return Task.FromException<HeatSession>(e);
            }
        }
    }
}
