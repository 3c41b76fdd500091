using System;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Operations
{
    /// <summary>Sends one operation's request; <paramref name="stack"/> is null for a create.</summary>
    internal delegate Task<Sent> SendStack(HeatClient client, StackRef stack, CancellationToken cancellationToken);
}
