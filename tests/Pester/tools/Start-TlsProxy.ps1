# A TLS-terminating TCP proxy on 127.0.0.1 for the lab tests: one listener per target port (the lab's Keystone and
# Heat), each serving the given certificate and forwarding the bytes to 127.0.0.1:<target> in plain TCP. Writes the
# ports it listens on, comma-separated in the order of -Target, to -ReadyFile, then serves until it is stopped.
param(
    [Parameter(Mandatory)] [string] $PfxPath,
    [Parameter(Mandatory)] [string] $PfxPassword,
    # Target ports, comma-separated ('5000,8004'): -File passes every argument as one string.
    [Parameter(Mandatory)] [string] $Target,
    [Parameter(Mandatory)] [string] $ReadyFile
)
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

public static class HeatTlsProxy
{
    public static void Run(string pfxPath, string password, int[] targets, string readyFile)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password);
        var listeners = targets.Select(t => { var l = new TcpListener(IPAddress.Loopback, 0); l.Start(); return Tuple.Create(l, t); }).ToList();
        File.WriteAllText(readyFile + ".tmp", string.Join(",", listeners.Select(l => ((IPEndPoint)l.Item1.LocalEndpoint).Port)));
        File.Move(readyFile + ".tmp", readyFile);
        foreach (var pair in listeners) Task.Run(() => Accept(pair.Item1, pair.Item2, certificate));
        Thread.Sleep(Timeout.Infinite);
    }

    private static async Task Accept(TcpListener listener, int target, X509Certificate2 certificate)
    {
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            _ = Task.Run(() => Serve(client, target, certificate));
        }
    }

    private static async Task Serve(TcpClient client, int target, X509Certificate2 certificate)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                var tls = new SslStream(client.GetStream(), false);
                await tls.AuthenticateAsServerAsync(certificate, false, System.Security.Authentication.SslProtocols.None, false);
                await upstream.ConnectAsync(IPAddress.Loopback, target);
                var plain = upstream.GetStream();
                await Task.WhenAny(tls.CopyToAsync(plain), plain.CopyToAsync(tls));
            }
            catch (Exception)
            {
                // A client that refuses the certificate ends the handshake: that is what some tests want.
            }
        }
    }
}
'@
[HeatTlsProxy]::Run($PfxPath, $PfxPassword, [int[]]($Target.Split(',')), $ReadyFile)
