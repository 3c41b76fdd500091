#requires -Version 7.0
<#
.SYNOPSIS
    Measures reads and a stack set over several clouds (numbers, not tests): Get-HeatStack over one cloud and over three at once,
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

    # A stack set of three targets whose stacks each take 3 s to create: converged three at once, then one at a time.
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ('fb{0:x4}' -f (Get-Random -Maximum 65535)))
    try {
        Set-Content (Join-Path $folder 'app.yaml') "heat_template_version: 2018-08-31`nparameters:`n  v: {type: string, default: a}`nresources:`n  r: {type: OS::Heat::TestResource, properties: {value: {get_param: v}, action_wait_secs: {create: 3, update: 3}}}"
        $times = foreach ($concurrent in 3, 1) {
            $name = "$($folder.Name)-c$concurrent"
            $set = Join-Path $folder "$name.yaml"
            Set-Content $set "name: $name`ntemplate: app.yaml`ntargets:`n  - cloud: $($clouds[0])`n  - cloud: $($clouds[1])`n  - cloud: $($clouds[2])`n    stack_name: $name-r2"
            $w = [Diagnostics.Stopwatch]::StartNew()
            $results = @(Set-HeatStackSet $set -MaxConcurrent $concurrent -Wait -Force)
            $elapsed = $w.Elapsed.TotalSeconds
            if (@($results | Where-Object Action -ne 'Created').Count) { throw "a target did not create: $($results | Out-String)" }
            [pscustomobject]@{ Concurrent = $concurrent; Seconds = $elapsed; Slowest = ($results.Duration | Measure-Object TotalSeconds -Maximum).Maximum; Sum = ($results.Duration | Measure-Object TotalSeconds -Sum).Sum }
        }
        foreach ($t in $times) { 'Set-HeatStackSet, 3 targets of 3 s each, -MaxConcurrent {0}: {1:0.0} s (slowest target {2:0.0} s, sum of targets {3:0.0} s)' -f $t.Concurrent, $t.Seconds, $t.Slowest, $t.Sum }
    }
    finally {
        foreach ($cloud in $clouds[0], $clouds[1]) { Get-HeatStack "$($folder.Name)-*" -Cloud $cloud -ErrorAction SilentlyContinue | Remove-HeatStack -Cloud $cloud -Force -Wait -ErrorAction SilentlyContinue }
        Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}
