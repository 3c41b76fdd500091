#requires -Version 7.0
<#
.SYNOPSIS
    Measures reads over several clouds (numbers, not tests): Get-HeatStack over one cloud and over three at once,
    medians of 9 warm runs. Two settings: three fake Heats on 127.0.0.1 that each take -DelayMs per answer (clouds far
    away: the fleet should take about one cloud's time), and the lab's three clouds (heat-lab, heat-lab-demo2,
    heat-lab-r2), which are one Heat process answering all three, so Heat itself is the floor there.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Fleet.Bench.ps1 -ModulePath out/Heat.PowerShell
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    [string] $LabDir = $(if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }),
    [int] $DelayMs = 200,
    [int] $Rounds = 9
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchTools.ps1')
Import-Module (Join-Path (Resolve-Path $ModulePath).Path 'Heat.PowerShell.psd1') -Force
$python = if (Test-Path /usr/bin/python3) { '/usr/bin/python3' } else { 'python3' }

function Measure-Read([scriptblock] $Read) {
    $null = & $Read
    Get-Median @(foreach ($i in 1..$Rounds) {
        $w = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Read
        $w.Elapsed.TotalMilliseconds
    })
}

$fakes = foreach ($i in 1..3) {
    $out = [IO.Path]::GetTempFileName()
    $process = Start-Process $python -ArgumentList @((Join-Path $PSScriptRoot 'fake_heat_listing.py'), 50, 0, $DelayMs) -RedirectStandardOutput $out -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not (Get-Content $out -ErrorAction SilentlyContinue)) {
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) { throw 'a fake Heat did not start' }
        Start-Sleep -Milliseconds 100
    }
    [pscustomobject]@{ Process = $process; Endpoint = "http://127.0.0.1:$(@(Get-Content $out)[0])/v1/p1" }
}
try {
    $token = ConvertTo-SecureString 'bench-token' -AsPlainText -Force
    $sessions = foreach ($fake in $fakes) { Connect-HeatService -Token $token -HeatEndpoint $fake.Endpoint -PassThru }
    $single = Measure-Read { Get-HeatStack -Session $sessions[0] }
    $fleet = Measure-Read { Get-HeatStack -Session $sessions }
    'fake clouds answering in {0} ms: one cloud {1:0} ms, three at once {2:0} ms ({3:0.0} x one cloud)' -f $DelayMs, $single, $fleet, ($fleet / $single)
}
finally {
    foreach ($fake in $fakes) { Stop-Process -Id $fake.Process.Id -ErrorAction SilentlyContinue }
}

if (Test-Path (Join-Path $LabDir 'lab.json')) {
    $lab = Get-Content (Join-Path $LabDir 'lab.json') -Raw | ConvertFrom-Json
    $env:OS_CLIENT_CONFIG_FILE = $lab.clouds_yaml
    $clouds = $lab.cloud, $lab.project2_cloud, $lab.region2_cloud
    Connect-HeatService -Cloud $clouds
    $single = Measure-Read { Get-HeatStack -Cloud $clouds[0] }
    $fleet = Measure-Read { Get-HeatStack -Cloud $clouds }
    'lab (one Heat process for all three): one cloud {0:0} ms, three at once {1:0} ms ({2:0.0} x one cloud)' -f $single, $fleet, ($fleet / $single)
}
