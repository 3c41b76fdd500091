#requires -Version 7.0
<#
.SYNOPSIS
    Large listings (numbers, not tests): a fake Heat on 127.0.0.1 (bench/fake_heat_listing.py) serves 10,000 stacks and
    50,000 events in Heat's page shapes (100 a page, limit/marker, Heat's next links); Get-HeatStack and Get-HeatEvent
    through the module list them in fresh processes, against python-heatclient listing the same pages
    (bench/heatclient_list.py). Also a tenth of each, to see whether peak memory grows with the number of pages.
    Medians of -Rounds fresh processes.
.PARAMETER BaselineModulePath
    Another build of the module (e.g. from an earlier commit) measured the same way, side by side.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Listing.Bench.ps1 -ModulePath out/Heat.PowerShell
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    [string] $BaselineModulePath,
    [int] $Rounds = 3,
    [int] $Stacks = 10000,
    [int] $Events = 50000
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
$python = if (Test-Path /usr/bin/python3) { '/usr/bin/python3' } else { 'python3' }  # heatclient is Debian's, in the system python

. (Join-Path $PSScriptRoot 'BenchTools.ps1')   # Invoke-ChildPwsh, Get-Median

function Start-FakeHeat([int] $StackCount, [int] $EventCount) {
    $out = [IO.Path]::GetTempFileName()
    $process = Start-Process $python -ArgumentList @((Join-Path $PSScriptRoot 'fake_heat_listing.py'), $StackCount, $EventCount) `
        -RedirectStandardOutput $out -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Get-Content $out -ErrorAction SilentlyContinue)) {
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) { throw 'the fake Heat did not start' }
        Start-Sleep -Milliseconds 200
    }
    [pscustomobject]@{ Process = $process; Endpoint = "http://127.0.0.1:$(@(Get-Content $out)[0])/v1/p1"; Out = $out }
}

$modules = [ordered]@{ 'Heat.PowerShell' = $ModulePath }
if ($BaselineModulePath) { $modules['Heat.PowerShell (baseline)'] = (Resolve-Path $BaselineModulePath).Path }
$rows = [Collections.Generic.List[object]]::new()
foreach ($scale in 1, 10) {
    $stackCount = [int]($Stacks / 10 * $scale)
    $eventCount = [int]($Events / 10 * $scale)
    $server = Start-FakeHeat $stackCount $eventCount
    try {
        foreach ($kind in 'stacks', 'events') {
            $n = if ($kind -eq 'stacks') { $stackCount } else { $eventCount }
            foreach ($name in $modules.Keys) {
                $runs = foreach ($r in 1..$Rounds) {
                    Invoke-ChildPwsh -NoProfile -File (Join-Path $PSScriptRoot 'listing-child.ps1') -ModulePath $modules[$name] -Endpoint $server.Endpoint -Kind $kind | ConvertFrom-Json
                }
                if (@($runs).Count -ne $Rounds -or @($runs | Where-Object count -ne $n)) { throw "$name listed $(($runs | Select-Object -First 1).count) $kind, not $n" }
                $cold = Get-Median $runs.cold_ms
                $warm = Get-Median $runs.warm_ms
                $rows.Add([pscustomobject]@{
                    Client = $name; Listing = "$n $kind"; FirstObjectMs = [math]::Round((Get-Median $runs.first_ms))
                    ColdMs = [math]::Round($cold); ColdObjPerS = [math]::Round($n / $cold * 1000)
                    WarmMs = [math]::Round($warm); WarmObjPerS = [math]::Round($n / $warm * 1000)
                    PeakMiB = [math]::Round((Get-Median $runs.peak_mib)); GrowthMiB = [math]::Round((Get-Median $runs.growth_mib), 1)
                    HeapGrowthMiB = [math]::Round((Get-Median $runs.heap_growth_mib), 1); BytesPerObj = [math]::Round((Get-Median $runs.bytes_per_object))
                })
            }
            $runs = foreach ($r in 1..$Rounds) { & $python (Join-Path $PSScriptRoot 'heatclient_list.py') $server.Endpoint $kind | ConvertFrom-Json }
            if (@($runs | Where-Object count -ne $n)) { throw "heatclient listed $(($runs | Select-Object -First 1).count) $kind, not $n" }
            $total = (Get-Median $runs.total_s) * 1000
            $rows.Add([pscustomobject]@{
                Client = 'python-heatclient'; Listing = "$n $kind"; FirstObjectMs = [math]::Round((Get-Median $runs.first_s) * 1000)
                ColdMs = [math]::Round($total); ColdObjPerS = [math]::Round($n / $total * 1000); WarmMs = $null; WarmObjPerS = $null
                PeakMiB = [math]::Round((Get-Median $runs.peak_mib)); GrowthMiB = $null; HeapGrowthMiB = $null; BytesPerObj = $null
            })
        }
    }
    finally {
        Stop-Process -Id $server.Process.Id -ErrorAction SilentlyContinue
        Remove-Item $server.Out -ErrorAction SilentlyContinue
    }
}
$rows | Format-Table -AutoSize | Out-String -Width 320 | Write-Output
@'
FirstObjectMs: Get-HeatStack | Select-Object -First 1, the first listing of a new session (module), or the first object
of the loop (heatclient). Cold: the first full listing in a new process (JIT included); Warm: the same listing again in
that session. PeakMiB: the process's peak working set; GrowthMiB: its rise over the working set after Connect-HeatService;
HeapGrowthMiB: the most the managed heap held after a GC during the listings, over what it held before (what grows if
pages are kept); BytesPerObj: bytes allocated per object listed (garbage included).
'@
'{0} rounds, medians; {1} CPUs; {2}; python-heatclient in-process times (interpreter start not counted)' -f $Rounds, [Environment]::ProcessorCount, [Environment]::OSVersion.VersionString
