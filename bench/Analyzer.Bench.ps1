#requires -Version 7.0
<#
.SYNOPSIS
    Measures the template analyzer over a folder of real templates (numbers, not tests): the median of 5 warm runs of
    Invoke-HeatTemplateAnalyzer -Recurse, the findings per rule; with the lab up, the same with -Online (first run,
    schemas read, and warm), and how many templates with an Error finding Heat itself accepts (Test-HeatTemplate).
.DESCRIPTION
    The corpus is any folder of templates: openstack/heat-templates is the one the issue names (its repository's
    layout: hot/, cfn/, openshift-origin/ ...). No network is used: give a checkout you have.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Analyzer.Bench.ps1 -Corpus ~/src/heat-templates -Online
#>
param(
    [Parameter(Mandatory)]
    [string] $Corpus,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    [string] $LabDir = $(if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }),
    # Also check against the lab's schemas, and ask the lab's Heat about every template with an Error finding.
    [switch] $Online,
    [int] $Rounds = 5
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchTools.ps1')
Import-Module (Join-Path (Resolve-Path $ModulePath).Path 'Heat.PowerShell.psd1') -Force
$Corpus = (Resolve-Path $Corpus).Path
$files = @(Get-ChildItem $Corpus -Recurse -File -Include *.yaml, *.yml, *.json, *.template).Count

function Measure-Analyzer([hashtable] $Options) {
    $times = foreach ($round in 1..$Rounds) {
        $w = [Diagnostics.Stopwatch]::StartNew()
        $script:found = @(Invoke-HeatTemplateAnalyzer $Corpus -Recurse @Options)
        $w.Elapsed.TotalSeconds
    }
    Get-Median $times
}

function Write-Findings($found) {
    $found | Group-Object RuleName | Sort-Object Count -Descending | ForEach-Object { '  {0,-30} {1,5}' -f $_.Name, $_.Count }
}

$null = Invoke-HeatTemplateAnalyzer $Corpus -Recurse   # warm up
$offline = Measure-Analyzer @{}
'{0} files, {1} templates with findings; offline: {2:0.00} s (median of {3} warm runs), {4} findings' -f $files, @($found.File | Sort-Object -Unique).Count, $offline, $Rounds, $found.Count
Write-Findings $found

if ($Online) {
    $lab = Get-Content (Join-Path $LabDir 'lab.json') -Raw | ConvertFrom-Json
    $cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name
    $w = [Diagnostics.Stopwatch]::StartNew()
    $first = @(Invoke-HeatTemplateAnalyzer $Corpus -Recurse -Online)
    $cold = $w.Elapsed.TotalSeconds
    $warm = Measure-Analyzer @{ Online = $true }
    'online: first run {0:0.00} s (type list and each used type''s schema read), then {1:0.00} s (median), {2} findings' -f $cold, $warm, $first.Count
    Write-Findings $first
    $refused = 0; $accepted = @()
    foreach ($file in @($first | Where-Object Severity -eq Error | ForEach-Object File | Sort-Object -Unique)) {
        try { $null = Test-HeatTemplate -TemplatePath $file -ErrorAction Stop; $accepted += $file }
        catch { $refused++ }
    }
    'templates with an Error finding: {0}; Heat refuses {1}; Errors on templates Heat accepts: {2}' -f ($refused + $accepted.Count), $refused, $accepted.Count
    $accepted | ForEach-Object { "  accepted by Heat: $_" }
}
