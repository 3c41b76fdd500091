<#
.SYNOPSIS
    Look before you update: what a change to the app tier would do, resource by resource and property by property,
    and an update that refuses to replace anything.
.DESCRIPTION
    Reads the cloud from the usual OpenStack variables (an openrc). Creates a small stack, compares a new version of
    its template and parameters against it (nothing changes), updates it with -NoReplace, and removes it.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell')
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1') -Force
if (-not $env:OS_AUTH_URL) { throw 'No cloud: source an openrc (or run build.ps1 Demo, which starts the local lab).' }
$credential = [pscredential]::new($env:OS_USERNAME, (ConvertTo-SecureString $env:OS_PASSWORD -AsPlainText -Force))
Connect-HeatService -AuthUrl $env:OS_AUTH_URL -Credential $credential -ProjectName $env:OS_PROJECT_NAME

$name = 'compare-{0:x4}' -f (Get-Random -Maximum 65535)
$v1 = @'
heat_template_version: 2018-08-31
parameters:
  greeting: {type: string, default: hello}
  admin_password: {type: string, hidden: true, default: s3cret}
resources:
  config: {type: OS::Heat::TestResource, properties: {value: {get_param: greeting}}}
  database: {type: OS::Heat::TestResource, properties: {value: db, update_replace_value: v1}}
'@
$v2 = $v1 -replace 'update_replace_value: v1', 'update_replace_value: v2' -replace 'resources:', "resources:`n  cache: {type: OS::Heat::None}"

try {
    New-HeatStack -Name $name -Template $v1 -Wait | Format-Table StackName, StackStatus

    Write-Host "`nWhat the new version would do:" -ForegroundColor Cyan
    $plan = Compare-HeatStack $name -Template $v2 -Parameter @{ greeting = 'good morning'; admin_password = 'n3w' }
    $plan | Format-Table Kind, Change, Name, Property, Before, After -AutoSize

    Write-Host "Only the safe part (no replacement), with -NoReplace as a guard:" -ForegroundColor Cyan
    Update-HeatStack $name -Template $v2 -Parameter @{ greeting = 'good morning' } -NoReplace -Force -Wait -ErrorAction Continue
    $safe = $v2 -replace 'update_replace_value: v2', 'update_replace_value: v1'
    Update-HeatStack $name -Template $safe -Parameter @{ greeting = 'good morning' } -NoReplace -Force -Wait -PassThru |
        Format-Table StackName, StackStatus
    $plan
}
finally {
    Remove-HeatStack $name -Force -Wait -ErrorAction SilentlyContinue
}
