#requires -Version 7.0
<#
.SYNOPSIS
    Measures repeated reads by name against the lab (numbers, not tests), warm session: 20 `Get-HeatStack NAME` with
    the session's name → id entries (one request each), the same with them forgotten before each read (what every
    read cost before: Heat's redirect, then the show), and 20 reads by name and id (the floor). Medians of 5 rounds.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/NameCache.Bench.ps1 -ModulePath out/Heat.PowerShell
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    [string] $LabDir = $(if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }),
    [int] $Reads = 20,
    [int] $Rounds = 5
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1') -Force
$lab = Get-Content (Join-Path $LabDir 'lab.json') -Raw | ConvertFrom-Json
$cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
$session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
$name = 'bn{0:x4}-names' -f (Get-Random -Maximum 65535)
# The entries are internal: the bench empties them by reflection to measure the read as it was before.
$names = $session.GetType().GetProperty('StackNames', [Reflection.BindingFlags]'NonPublic, Instance').GetValue($session)

function Measure-Rounds([scriptblock] $Read) {
    $times = foreach ($round in 1..$Rounds) {
        $w = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..$Reads) { $null = & $Read }
        $w.Elapsed.TotalMilliseconds
    }
    ($times | Sort-Object)[[int][math]::Floor($Rounds / 2)]
}

try {
    $stack = New-HeatStack -StackName $name -Template "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::None}" -Wait
    foreach ($i in 1..5) { $null = Get-HeatStack $name; $null = Get-HeatStack -StackName $name -StackId $stack.Id }  # warm up

    $remembered = Measure-Rounds { Get-HeatStack $name }
    $lookedUp = Measure-Rounds { $names.Clear(); Get-HeatStack $name }
    $exact = Measure-Rounds { Get-HeatStack -StackName $name -StackId $stack.Id }

    $rows = @(
        [pscustomobject]@{ Measure = "$Reads x Get-HeatStack NAME, name remembered (1 request)"; MedianMs = [math]::Round($remembered); PerReadMs = [math]::Round($remembered / $Reads, 1) }
        [pscustomobject]@{ Measure = "$Reads x Get-HeatStack NAME, looked up each time (2 requests, as before)"; MedianMs = [math]::Round($lookedUp); PerReadMs = [math]::Round($lookedUp / $Reads, 1) }
        [pscustomobject]@{ Measure = "$Reads x Get-HeatStack -StackName NAME -StackId ID (1 request)"; MedianMs = [math]::Round($exact); PerReadMs = [math]::Round($exact / $Reads, 1) }
    )
    $rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Output
    'remembered / looked up: {0:0.00}x; remembered / by id: {1:0.00}x  ({2} rounds, median; {3}, {4} CPUs)' -f `
        ($remembered / $lookedUp), ($remembered / $exact), $Rounds, [Environment]::OSVersion.VersionString, [Environment]::ProcessorCount
}
finally {
    Remove-HeatStack $name -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}
