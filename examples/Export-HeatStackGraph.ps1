<#
.SYNOPSIS
    Draws the app tier's dependency graph: from the template before it is deployed, then from the deployed stack.
.DESCRIPTION
    The template's graph needs no cloud. The deployed graph reads the cloud from the usual OpenStack variables (an
    openrc: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME ...), creates the app tier (or draws -StackName),
    draws it with its nested stacks, and removes what it created. SVGs need Graphviz's dot on PATH; the Mermaid file
    (.md) pastes into a README or a wiki page. Writes the files it made to the pipeline.
.EXAMPLE
    ./examples/Export-HeatStackGraph.ps1 -TemplateOnly
.EXAMPLE
    ./examples/Export-HeatStackGraph.ps1 -StackName web-prod -OutputFolder ./graphs
#>
[CmdletBinding()]
param(
    # The built module folder; by default the one build.ps1 makes.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    # Where the pictures go (created if missing).
    [string] $OutputFolder = (Join-Path $PSScriptRoot '../out/graphs'),
    # Draw this deployed stack instead of creating one.
    [string] $StackName,
    # Only the template's graph: no cloud needed.
    [switch] $TemplateOnly
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1') -Force
$templates = Join-Path $PSScriptRoot 'templates'
$null = New-Item -ItemType Directory -Path $OutputFolder -Force
function Write-Step([string] $text) { Write-Host ''; Write-Host "== $text" -ForegroundColor Cyan }

# The environment maps Demo::Worker to worker.yaml: with it, the graph reaches into each worker.
$appTier = @{ TemplatePath = (Join-Path $templates 'app-tier.yaml'); EnvironmentPath = (Join-Path $templates 'env/dev.yaml') }

Write-Step 'The app tier before it is deployed (no cloud needed): an arrow A -> B means B depends on A'
(Get-HeatStackGraph @appTier).Edges | Out-Host
Get-HeatStackGraph @appTier -OutFile (Join-Path $OutputFolder 'app-tier-template.svg')
Get-HeatStackGraph @appTier -OutFile (Join-Path $OutputFolder 'app-tier-template.md')
if ($TemplateOnly) { return }

if (-not $env:OS_AUTH_URL) {
    throw 'No cloud: set the OpenStack variables (source an openrc), or run with -TemplateOnly.'
}
$credential = [pscredential]::new($env:OS_USERNAME, (ConvertTo-SecureString $env:OS_PASSWORD -AsPlainText -Force))
$connect = @{
    AuthUrl           = $env:OS_AUTH_URL
    Credential        = $credential
    ProjectName       = $env:OS_PROJECT_NAME
    UserDomainName    = if ($env:OS_USER_DOMAIN_NAME) { $env:OS_USER_DOMAIN_NAME } else { 'Default' }
    ProjectDomainName = if ($env:OS_PROJECT_DOMAIN_NAME) { $env:OS_PROJECT_DOMAIN_NAME } else { 'Default' }
}
if ($env:OS_REGION_NAME) { $connect.Region = $env:OS_REGION_NAME }
Connect-HeatService @connect

$created = $null
try {
    if (-not $StackName) {
        $StackName = 'graph-{0:x4}' -f (Get-Random -Maximum 65535)
        Write-Step "Create $StackName from the app tier and wait for it"
        $created = New-HeatStack -Name $StackName @appTier -Parameter @{ worker_count = 2 } -Wait
    }

    Write-Step "$StackName as Heat deployed it, two levels of nested stacks (the group, then each worker)"
    $graph = Get-HeatStackGraph $StackName -NestedDepth 2
    $graph | Format-Table | Out-Host
    $graph.Edges | Out-Host
    if ($graph.FailedNodes) { $graph.FailedNodes | Format-Table Id, ResourceStatus, ResourceStatusReason -Wrap | Out-Host }
    Get-HeatStackGraph $StackName -NestedDepth 2 -OutFile (Join-Path $OutputFolder "$StackName.svg")
    Get-HeatStackGraph $StackName -NestedDepth 2 -OutFile (Join-Path $OutputFolder "$StackName.md")
}
finally {
    if ($created) {
        Write-Step "Remove $StackName"
        $created | Remove-HeatStack -Force -Wait
    }
    Disconnect-HeatService
}
