#requires -Version 7.0
# One measurement for bench/Listing.Bench.ps1, in a fresh process so that its peak memory is its own: import, connect
# with a token to the fake Heat, then list: once cut short at the first object (time to first object, cold), once in
# full (the first full listing of the session), then $Warm times more (the same session, warm). Prints one JSON line.
param([string] $ModulePath, [string] $Endpoint, [ValidateSet('stacks', 'events')] [string] $Kind, [int] $Warm = 3)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1')
Connect-HeatService -Token (ConvertTo-SecureString 'bench-token' -AsPlainText -Force) -HeatEndpoint $Endpoint
$list = if ($Kind -eq 'stacks') { { Get-HeatStack } } else { { Get-HeatEvent -StackName big } }
# The most the managed heap held after any GC during the listings (live objects, not garbage waiting for a GC),
# sampled every 5 ms: what grows if pages are kept.
Add-Type -TypeDefinition @"
public static class HeapSampler {
    public static long Max;
    private static System.Threading.Timer _timer;
    public static void Start() { _timer = new System.Threading.Timer(_ => { var h = System.GC.GetGCMemoryInfo().HeapSizeBytes; if (h > Max) Max = h; }, null, 0, 5); }
    public static void Stop() { _timer.Dispose(); }
}
"@
[GC]::Collect()
$heapBefore = [GC]::GetGCMemoryInfo().HeapSizeBytes
[HeapSampler]::Start()
$me = [Diagnostics.Process]::GetCurrentProcess()
$me.Refresh()
$before = $me.WorkingSet64
$allocated = [GC]::GetTotalAllocatedBytes($true)
$watch = [Diagnostics.Stopwatch]::StartNew()
& $list | Select-Object -First 1 | Out-Null
$firstMs = $watch.Elapsed.TotalMilliseconds
$watch.Restart()
$count = (& $list | Measure-Object).Count
$coldMs = $watch.Elapsed.TotalMilliseconds
$allocatedPerObject = ([GC]::GetTotalAllocatedBytes($true) - $allocated) / $count
$warmMs = foreach ($i in 1..$Warm) {
    $watch.Restart()
    $null = & $list | Measure-Object
    $watch.Elapsed.TotalMilliseconds
}
[HeapSampler]::Stop()
$me.Refresh()
[pscustomobject]@{
    count = $count; first_ms = $firstMs; cold_ms = $coldMs; warm_ms = ($warmMs | Sort-Object)[[int][math]::Floor($Warm / 2)]
    peak_mib = $me.PeakWorkingSet64 / 1MB; growth_mib = ($me.PeakWorkingSet64 - $before) / 1MB; bytes_per_object = $allocatedPerObject
    heap_growth_mib = ([HeapSampler]::Max - $heapBefore) / 1MB
} | ConvertTo-Json -Compress
