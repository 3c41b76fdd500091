using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Keystone;

namespace Heat.PowerShell.Support
{
    /// <summary>clouds.yaml names for -Cloud: patterns expanded over the file, and a cloud's options as the file gives them.</summary>
    internal static class CloudSessions
    {
        /// <summary>
        /// Each name once, in the order given: a pattern as the file's names it matches (case-sensitive, as the file's
        /// keys are; <paramref name="unmatched"/> is told of a pattern that matches none), a plain name as it is (the
        /// file decides when it is opened).
        /// </summary>
        public static List<string> Expand(IEnumerable<string> patterns, string currentFolder, Action<string> unmatched)
        {
            var names = new List<string>();
            IReadOnlyList<string> known = null;
            foreach (var pattern in patterns)
            {
                if (!WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    if (!names.Contains(pattern, StringComparer.Ordinal)) names.Add(pattern);
                    continue;
                }
                known ??= CloudConfig.CloudNames(CloudConfigLocations.ForThisMachine(currentFolder));
                var wildcard = new WildcardPattern(pattern, WildcardOptions.None);
                var matched = known.Where(wildcard.IsMatch).OrderBy(n => n, StringComparer.Ordinal).ToList();
                if (matched.Count == 0) unmatched(pattern);
                foreach (var name in matched.Where(n => !names.Contains(n, StringComparer.Ordinal))) names.Add(name);
            }
            return names;
        }

        /// <summary>
        /// Sessions for clouds.yaml clouds: names and patterns expanded over the file, each cloud once, in the order
        /// given; an open session of the runspace is used again (unless <paramref name="reuse"/> is false), the others
        /// are connected at once with <paramref name="optionsFor"/> and remembered. A pattern that matches nothing, or a
        /// cloud that cannot be opened, is an error naming it; the others are still given.
        /// </summary>
        public static List<HeatSession> Open(AsyncCmdlet cmdlet, IEnumerable<string> patterns, Func<string, AuthOptions> optionsFor, string currentFolder, bool reuse = true)
        {
            var names = Expand(patterns, currentFolder, pattern =>
                cmdlet.WriteError(HeatCmdlet.ToErrorRecord(new ItemNotFoundException($"No cloud in clouds.yaml matches '{pattern}'."), "HeatCloud", pattern)));
            var pending = new List<(string Name, HeatSession Ready, Task<HeatSession> Opening)>();
            foreach (var name in names)
            {
                var open = reuse ? SessionStore.Find(name) : null;
                Task<HeatSession> opening = null;
                if (open == null)
                {
                    try
                    {
                        opening = HeatSession.ConnectAsync(optionsFor(name), trace: message => cmdlet.Post(() => cmdlet.WriteVerbose($"[{name}] {message}")),
                            cancellationToken: cmdlet.CancellationToken);
                    }
                    catch (Exception e) when (e is CloudConfigException || e is ArgumentException)
                    {
                        opening = Task.FromException<HeatSession>(e);
                    }
                }
                pending.Add((name, open, opening));
            }
            var sessions = new List<HeatSession>();
            foreach (var (name, ready, opening) in pending)
            {
                if (ready != null)
                {
                    sessions.Add(ready);
                    continue;
                }
                try
                {
                    var session = cmdlet.Await(opening);
                    SessionStore.Remember(session);
                    foreach (var warning in session.Warnings) cmdlet.WriteWarning($"[{name}] {warning}");
                    sessions.Add(session);
                }
                catch (Exception e) when (e is HeatException || e is CloudConfigException || e is ArgumentException || e is UriFormatException)
                {
                    cmdlet.WriteError(HeatCmdlet.ToErrorRecord(e, "HeatConnection", name));
                }
            }
            return sessions;
        }

        /// <summary>The options of a cloud as clouds.yaml (and secure.yaml) give them, nothing overridden.</summary>
        /// <exception cref="CloudConfigException">No such cloud, or it lacks what a connection needs.</exception>
        public static AuthOptions DefaultOptions(string cloud, string currentFolder) =>
            CloudConfig.Resolve(cloud, CloudConfigLocations.ForThisMachine(currentFolder)).ToAuthOptions();
    }
}
