<#
.SYNOPSIS
    The module at work: connect, validate, create stacks, watch them, read resources and events, tear down.
.DESCRIPTION
    Reads the cloud as the openstack client does: OS_CLOUD (a cloud of clouds.yaml), else the OpenStack variables of
    an openrc (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME ...). build.ps1 Demo brings up the local lab
    and sets them when no cloud is configured.
#>
[CmdletBinding()]
param(
    # The built module folder; by default the one build.ps1 makes.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    # How many stacks to create at once.
    [ValidateRange(1, 10)]
    [int] $StackCount = 3
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1') -Force
$templates = Join-Path $PSScriptRoot 'templates'
$run = 'demo-{0:x4}' -f (Get-Random -Maximum 65535)
$total = [Diagnostics.Stopwatch]::StartNew()

function Write-Step([string] $text) { Write-Host ''; Write-Host "== $text" -ForegroundColor Cyan }

if (-not ($env:OS_CLOUD -or $env:OS_AUTH_URL)) {
    throw 'No cloud: set OS_CLOUD (a cloud of clouds.yaml) or source an openrc, or run build.ps1 Demo, which starts the local lab.'
}

# With no arguments Connect-HeatService reads the cloud as the openstack client does: OS_CLOUD, else the OS_* variables.
Write-Step "Connect to $(if ($env:OS_CLOUD) { "cloud $env:OS_CLOUD" } else { "$env:OS_AUTH_URL as $env:OS_USERNAME" })"
Connect-HeatService -PassThru | Format-List UserName, ProjectName, HeatEndpoint, ExpiresAt

Write-Step 'Validate the app tier (template + environment + child template + get_file)'
$template = Join-Path $templates 'app-tier.yaml'
$environment = Join-Path $templates 'env/dev.yaml'
$validation = Test-HeatTemplate -TemplatePath $template -EnvironmentPath $environment
Write-Host $validation.Description
$validation.Parameters | Format-Table Name, Type, Default, Description
Write-Host "Files sent with it: $($validation.Files.Count)"

Write-Step 'Validate a broken template: Heat says why'
$null = Test-HeatTemplate -TemplatePath (Join-Path $templates 'broken.yaml') -ErrorVariable refused -ErrorAction SilentlyContinue
foreach ($problem in $refused) { Write-Host "$($problem.FullyQualifiedErrorId): $($problem.Exception.Message)" -ForegroundColor Yellow }

Write-Step "Create $StackCount stacks at once and wait for them"
$watch = [Diagnostics.Stopwatch]::StartNew()
$stacks = 1..$StackCount | ForEach-Object {
    [pscustomobject]@{ Name = "$run-$_"; TemplatePath = $template; Parameter = @{ worker_count = 1 + ($_ % 3) } }
} | New-HeatStack -EnvironmentPath $environment -Tag demo, $run -Wait
$stacks | Format-Table StackName, StackStatus, CreationTime, Id
Write-Host ("Created in {0:0.0} s" -f $watch.Elapsed.TotalSeconds)

$first = $stacks | Select-Object -First 1
Write-Step "Outputs of $($first.StackName)"
$first.OutputDetails | Format-Table OutputKey, OutputValue, Description -Wrap

Write-Step "Resources of $($first.StackName), nested two deep"
Get-HeatResource $first.StackName -NestedDepth 2 | Format-Table ResourceName, ResourceType, ResourceStatus, StackName

Write-Step "Events of $($first.StackName) (last 8)"
Get-HeatEvent $first.StackName | Select-Object -Last 8 | Format-Table EventTime, ResourceName, ResourceStatus, ResourceStatusReason

Write-Step 'Health check metadata, through the pipeline: stack -> resource'
Get-HeatStack "$run-*" | Get-HeatResource -ResourceName health |
    Format-Table StackName, ResourceName, @{ n = 'Metadata'; e = { ($_.Metadata.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' ' } }

Write-Step 'Tear them all down through the pipeline'
$watch.Restart()
Get-HeatStack "$run-*" | Remove-HeatStack -Force -Wait -PassThru | Format-Table StackName, StackStatus, Id
Write-Host ("Removed in {0:0.0} s" -f $watch.Elapsed.TotalSeconds)
$left = @(Get-HeatStack "$run-*")
if ($left.Count -gt 0) { throw "$($left.Count) demo stacks are still there." }

Disconnect-HeatService
Write-Host ''
Write-Host ("Demo finished in {0:0.0} s." -f $total.Elapsed.TotalSeconds) -ForegroundColor Green
