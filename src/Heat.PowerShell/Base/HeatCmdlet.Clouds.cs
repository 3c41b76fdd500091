using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;

namespace Heat.PowerShell.Base
{
    /// <summary>Which sessions a call works with: -Session, the clouds of -Cloud, or the runspace's default.</summary>
    public abstract partial class HeatCmdlet
    {
        private IReadOnlyList<HeatSession> _sessions;

        /// <summary>
        /// The call's sessions, resolved once: -Session as given; -Cloud's names and patterns (over clouds.yaml), each
        /// the runspace's open session of that cloud or one connected now (all at once), a cloud that cannot be opened an
        /// error naming it while the others go on; else the default session. None at all is terminating.
        /// </summary>
        internal IReadOnlyList<HeatSession> Sessions()
        {
            if (_sessions != null) return _sessions;
            if (Session != null) return _sessions = Session.Distinct().ToList();
            if (Cloud == null)
            {
                var session = SessionStore.Default;
                if (session == null)
                {
                    ThrowTerminatingError(ErrorCatalog.Usage("HeatNotConnected", "Not connected to Heat. Run Connect-HeatService first, or pass -Session or -Cloud."));
                }
                return _sessions = new[] { session };
            }
            var opened = CloudSessions.Open(this, Cloud, name => CloudSessions.DefaultOptions(name, CurrentFolder()), CurrentFolder());
            if (opened.Count == 0)
            {
                ThrowTerminatingError(ErrorCatalog.Usage("HeatNotConnected", $"No cloud of {string.Join(", ", Cloud)} could be connected to.", null, nameof(Cloud)));
            }
            return _sessions = opened;
        }

        private Fleet.FleetFanOut _fanOut;
        private bool _fanOutDecided;

        /// <summary>
        /// For a reading cmdlet given several clouds: keeps this record for each cloud's own call and returns true, and
        /// the cmdlet does nothing more with it. One cloud (the usual case): false, and the cmdlet works as ever.
        /// </summary>
        protected bool Dispatched()
        {
            if (!(this is Fleet.IFleetReader)) return false;
            if (!_fanOutDecided)
            {
                _fanOutDecided = true;
                var sessions = Sessions();
                if (sessions.Count > 1) _fanOut = new Fleet.FleetFanOut(this, sessions);
            }
            if (_fanOut == null) return false;
            _fanOut.Add(MyInvocation.BoundParameters, IsWhatIf);
            return true;
        }

        /// <summary>Runs the calls <see cref="Dispatched"/> kept, on every cloud at once; false when there were none.</summary>
        protected bool RunDispatched()
        {
            if (_fanOut == null) return false;
            _fanOut.Run();
            return true;
        }

        private string CurrentFolder() => SessionState.Path.CurrentFileSystemLocation.ProviderPath;
    }
}
