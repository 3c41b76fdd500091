#requires -Version 7.0
<#
.SYNOPSIS
    What a bulk delete with -Wait asks of Heat (numbers, not tests): N small stacks created, then removed with one
    Remove-HeatStack -Wait -Verbose; prints the time, the listings by name (the "is it gone from the list yet" checks:
    waits asking together share one), how many names each held, and all requests, counted from the Verbose lines.
    Give -ModulePath of two builds, one after the other, to compare them.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/BulkRequests.Bench.ps1 -ModulePath out/Heat.PowerShell -Count 20
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    [string] $LabDir = $(if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }),
    [int] $Count = 20
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path (Resolve-Path $ModulePath).Path 'Heat.PowerShell.psd1') -Force
$lab = Get-Content (Join-Path $LabDir 'lab.json') -Raw | ConvertFrom-Json
$cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name
$run = 'bk{0:x4}' -f (Get-Random -Maximum 65535)
$template = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::RandomString}"
try {
    1..$Count | ForEach-Object { [pscustomobject]@{ StackName = "$run-$_" } } | New-HeatStack -Template $template -Wait | Out-Null
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $verbose = Remove-HeatStack "$run-*" -Force -Wait -Verbose 4>&1 |
        Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
    $seconds = $watch.Elapsed.TotalSeconds
}
finally {
    Remove-HeatStack "$run-*" -Force -Wait -ErrorAction SilentlyContinue
}
$listings = @($verbose | Where-Object { $_ -match '^GET \S*/stacks\?\S*name=' })
$perListing = @($listings | ForEach-Object { ([regex]::Matches($_, '[?&]name=')).Count } | Sort-Object)
[pscustomobject]@{
    Stacks            = $Count
    Seconds           = [math]::Round($seconds, 1)
    NameListings      = $listings.Count
    NamesPerListing   = if ($perListing) { "{0} to {1} (median {2})" -f $perListing[0], $perListing[-1], $perListing[[int][math]::Floor($perListing.Count / 2)] } else { '' }
    AllRequests       = @($verbose | Where-Object { $_ -match '^(GET|POST|PUT|PATCH|DELETE) ' }).Count
} | Format-Table -AutoSize | Out-String -Width 200
