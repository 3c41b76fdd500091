<#
.SYNOPSIS
    Diagnoses a stack that failed three stacks down: creates one, asks Heat why, then asks Get-HeatStackFailure.
.DESCRIPTION
    templates/failing/app.yaml is a ResourceGroup of workers (templates/failing/worker.yaml); worker 0's 'migrate'
    step fails. Heat marks the app CREATE_FAILED with a reason that is a chain of nested stack names; Get-HeatStackFailure
    walks down to the one resource that really failed. The failures are this script's output (so a caller can check
    them); the stack is removed at the end unless -KeepStack.

    The cloud comes from -Session (Connect-HeatService -PassThru) or else from the usual OpenStack variables (an
    openrc: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME ...).
.EXAMPLE
    ./examples/Invoke-HeatFailureDemo.ps1 -KeepStack
#>
[CmdletBinding()]
param(
    # The built module folder; by default the one build.ps1 makes.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    # A session to use (a HeatSession); without one, the script connects with the OpenStack variables.
    [object] $Session,
    [string] $StackName = ('failing-{0:x4}' -f (Get-Random -Maximum 65535)),
    # Leave the failed stack for a look with Get-HeatEvent, Get-HeatResource or openstack stack failures list.
    [switch] $KeepStack
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1')
$templates = Join-Path $PSScriptRoot 'templates/failing'

function Write-Step([string] $text) { Write-Host ''; Write-Host "== $text" -ForegroundColor Cyan }

if (-not $Session) {
    if (-not $env:OS_AUTH_URL) { throw 'No cloud: pass -Session, or set the OpenStack variables (source an openrc).' }
    $credential = [pscredential]::new($env:OS_USERNAME, (ConvertTo-SecureString $env:OS_PASSWORD -AsPlainText -Force))
    $connect = @{
        AuthUrl           = $env:OS_AUTH_URL
        Credential        = $credential
        ProjectName       = $env:OS_PROJECT_NAME
        UserDomainName    = if ($env:OS_USER_DOMAIN_NAME) { $env:OS_USER_DOMAIN_NAME } else { 'Default' }
        ProjectDomainName = if ($env:OS_PROJECT_DOMAIN_NAME) { $env:OS_PROJECT_DOMAIN_NAME } else { 'Default' }
    }
    if ($env:OS_REGION_NAME) { $connect.Region = $env:OS_REGION_NAME }
    $Session = Connect-HeatService @connect -PassThru
}
$on = @{ Session = $Session }

try {
    Write-Step "Create ${StackName}: two workers, worker 0 fails its migrate step"
    # The failure is the point: -Wait reports it as an error record, which is kept and shown rather than thrown.
    $null = New-HeatStack -Name $StackName -TemplatePath (Join-Path $templates 'app.yaml') -Tag demo, failing -Wait @on `
        -ErrorVariable created -ErrorAction SilentlyContinue
    foreach ($problem in $created) { Write-Host "$($problem.FullyQualifiedErrorId):`n$($problem.Exception.Message)" -ForegroundColor Yellow }

    Write-Step 'What Heat says about the stack itself'
    $stack = Get-HeatStack $StackName @on
    Write-Host "$($stack.StackStatus): $($stack.StackStatusReason)"

    Write-Step 'Why it failed: Get-HeatStack -Status FAILED | Get-HeatStackFailure'
    $failures = @(Get-HeatStack -Status FAILED @on | Where-Object StackName -eq $StackName | Get-HeatStackFailure @on)
    $failures | Format-List | Out-String | Write-Host

    Write-Step 'The failing resource''s own events, through the pipeline'
    $failures | Get-HeatEvent @on | Format-Table EventTime, ResourceName, ResourceStatus, ResourceStatusReason -Wrap | Out-String | Write-Host
}
finally {
    if (-not $KeepStack) {
        Write-Step "Remove $StackName"
        Get-HeatStack $StackName @on -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait @on
    }
}

$failures
