<#
.SYNOPSIS
    Blue/green update of a stack: deploy the new release beside the live one, check it, switch, remove the old one;
    when the new one fails, remove it and leave the live one serving.
.DESCRIPTION
    An application NAME lives as two stacks, NAME-blue and NAME-green, and a small router stack NAME-live whose
    live_stack parameter (and output) names the one that serves (templates/bluegreen/router.yaml; a real router would
    point a floating IP or a load balancer pool there). One run:

      1. reads which colour is live from the router (none: a first deployment);
      2. creates the other colour from the template and parameters given, and waits (a leftover stack of that colour,
         which the router does not point at, is removed first);
      3. checks it: Test-HeatStack -Wait (Heat's stack check), then -HealthCheck, a script block given the new stack
         (with its outputs) that returns $true when it is healthy;
      4. switches: Update-HeatStack NAME-live -Existing -Parameter @{ live_stack = <new> } -EnableRollback -Wait
         (or creates the router on a first deployment);
      5. removes the previous colour, unless -KeepPrevious.

    When 2, 3 or 4 fails the new stack is removed and the router still names the previous one: that is a rollback,
    Outcome RolledBack and exit code 1. Writes one object: Name, Outcome (Switched, RolledBack, WhatIf), Live, Previous,
    Candidate, Reason. Exit codes: 0 switched; 1 rolled back; 2 the run could not start (no cloud, no module, a router
    that is itself broken). -WhatIf says what would be deployed and switched and changes nothing.

    The cloud comes from -Session, -Cloud (a cloud of clouds.yaml), or -AuthUrl with -Credential and -ProjectName, or else what the openstack client reads (OS_CLOUD, or the variables of an
    openrc). See docs/automation.md for unattended runs.
.EXAMPLE
    ./examples/Invoke-HeatBlueGreen.ps1 -Name shop -Parameter @{ version = '1.4.2' }
    Deploys release 1.4.2 of the example app (templates/bluegreen/app.yaml) as the colour that is not live, switches,
    and removes the old colour.
.EXAMPLE
    ./examples/Invoke-HeatBlueGreen.ps1 -Name shop -TemplatePath ./shop.yaml -EnvironmentPath ./env/prod.yaml `
        -Parameter @{ image = 'shop-1.5' } -HealthCheck { param($stack) (Invoke-WebRequest $stack.Outputs.url).StatusCode -eq 200 } -KeepPrevious
    Your own template; the new stack must answer on its url output before it goes live; the old one is kept for a fast
    switch back (run again with the old parameters, or update NAME-live by hand).
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
param(
    # The application: its stacks are NAME-blue, NAME-green and NAME-live (the router).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z][A-Za-z0-9_.-]*$')]
    [string] $Name,
    # The application's template; by default the example app.
    [string] $TemplatePath = (Join-Path $PSScriptRoot 'templates/bluegreen/app.yaml'),
    [string[]] $EnvironmentPath,
    # The new release's parameters.
    [hashtable] $Parameter = @{},
    # Tags for the new stack (the runbook adds 'bluegreen' and NAME).
    [string[]] $Tag = @(),
    # Given the new stack (Get-HeatStack, outputs included); healthy when it returns $true. Runs after Heat's check.
    [scriptblock] $HealthCheck,
    # Keep the previous colour instead of removing it.
    [switch] $KeepPrevious,
    # The router's template; by default templates/bluegreen/router.yaml (any template with a live_stack parameter).
    [string] $RouterTemplatePath = (Join-Path $PSScriptRoot 'templates/bluegreen/router.yaml'),
    [ValidateRange(1, 1440)]
    [int] $WaitTimeoutMinutes = 60,
    # A session to use (Connect-HeatService -PassThru).
    [object] $Session,
    # A cloud of clouds.yaml (Connect-HeatService -Cloud): the password stays in clouds.yaml or secure.yaml.
    [string] $Cloud,
    # Keystone's URL, with -Credential and -ProjectName: the unattended way.
    [string] $AuthUrl,
    [pscredential] $Credential,
    [string] $ProjectName,
    [string] $UserDomainName = 'Default',
    [string] $ProjectDomainName = 'Default',
    # The Heat.PowerShell module folder; by default the one build.ps1 makes next to this script, else the installed module.
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
$routerName = "$Name-live"
try {
    $built = Join-Path $PSScriptRoot '../out/Heat.PowerShell/Heat.PowerShell.psd1'
    Import-Module $(if ($ModulePath) { Join-Path $ModulePath 'Heat.PowerShell.psd1' } elseif ($PSScriptRoot -and (Test-Path $built)) { $built } else { 'Heat.PowerShell' }) -Verbose:$false

    if (-not $Session) {
        # Given nothing else, Connect-HeatService reads the cloud as the openstack client does (OS_CLOUD, else the OS_*
        # variables of an openrc) and never prompts: a missing piece is an error that names it.
        $connect = @{}
        if ($Cloud) { $connect.Cloud = $Cloud }
        elseif ($AuthUrl) {
            if (-not $Credential -or -not $ProjectName) { throw '-AuthUrl needs -Credential and -ProjectName.' }
            $connect = @{ AuthUrl = $AuthUrl; Credential = $Credential; ProjectName = $ProjectName; UserDomainName = $UserDomainName; ProjectDomainName = $ProjectDomainName }
        }
        $Session = Connect-HeatService @connect -PassThru
    }

    # Which colour serves now. A router that exists but is not complete cannot be trusted to say: stop before touching anything.
    $router = Get-HeatStack $routerName -Session $Session -ErrorAction SilentlyContinue -ErrorVariable routerMissing
    if ($routerMissing -and $routerMissing[0].FullyQualifiedErrorId -notlike 'HeatStackNotFound,*') { throw $routerMissing[0] }
    $live = $null
    if ($router) {
        if ($router.StackStatus -notlike '*_COMPLETE' -or -not $router.Outputs.live_stack) {
            throw "The router $routerName is $($router.StackStatus) and names no live stack: repair it first ($($router.StackStatusReason))."
        }
        $live = [string] $router.Outputs.live_stack
    }
}
catch {
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 2
}
$on = @{ Session = $Session; WhatIf = $false; Confirm = $false }
$candidate = if ($live -eq "$Name-blue") { "$Name-green" } else { "$Name-blue" }

function New-Result([string] $outcome, [string] $nowLive, [string] $reason) {
    [pscustomobject]@{ Name = $Name; Outcome = $outcome; Live = $nowLive; Previous = $live; Candidate = $candidate; Reason = $reason }
}
function Get-Reason($errors) { ($errors | ForEach-Object { $_.Exception.Message }) -join ' ' }

$plan = if ($live) { "deploy $candidate, then switch $routerName from $live to it" } else { "deploy $candidate and create $routerName pointing at it" }
if (-not $PSCmdlet.ShouldProcess($Name, $plan)) {
    New-Result 'WhatIf' $live $null
    exit 0
}

# 1. A leftover of the other colour (a kept previous release, or a run that died) is not live: make room.
if (Get-HeatStack $candidate -Session $Session -ErrorAction SilentlyContinue) {
    Write-Verbose "Removing the leftover $candidate (the router names $live)"
    Remove-HeatStack $candidate -Force -Wait -WaitTimeoutMinutes $WaitTimeoutMinutes @on
}

# 2-4: any failure from here is a rollback: remove the candidate, leave the router as it was.
$reason = $null
Write-Verbose "Creating $candidate"
$template = @{ TemplatePath = $TemplatePath; Parameter = $Parameter }
if ($EnvironmentPath) { $template.EnvironmentPath = $EnvironmentPath }
$null = New-HeatStack -StackName $candidate @template `
    -Tag (@($Tag) + 'bluegreen', $Name | Select-Object -Unique) -Wait -WaitTimeoutMinutes $WaitTimeoutMinutes @on `
    -ErrorVariable failed -ErrorAction SilentlyContinue
if ($failed) { $reason = "$candidate did not deploy: $(Get-Reason $failed)" }

if (-not $reason) {
    Write-Verbose "Checking $candidate"
    $null = Test-HeatStack $candidate -Force -Wait -WaitTimeoutMinutes $WaitTimeoutMinutes @on -ErrorVariable failed -ErrorAction SilentlyContinue
    if ($failed) { $reason = "$candidate failed Heat's check: $(Get-Reason $failed)" }
}

if (-not $reason -and $HealthCheck) {
    try {
        $healthy = & $HealthCheck (Get-HeatStack $candidate -Session $Session)
        if (-not ($healthy -and @($healthy)[-1] -eq $true)) { $reason = "$candidate failed the health check." }
    }
    catch { $reason = "$candidate failed the health check: $($_.Exception.Message)" }
}

if (-not $reason) {
    Write-Verbose "Switching $routerName to $candidate"
    if ($router) {
        $null = Update-HeatStack $routerName -Existing -Parameter @{ live_stack = $candidate } -EnableRollback -Force -Wait `
            -WaitTimeoutMinutes $WaitTimeoutMinutes @on -ErrorVariable failed -ErrorAction SilentlyContinue
    }
    else {
        $null = New-HeatStack -StackName $routerName -TemplatePath $RouterTemplatePath -Parameter @{ live_stack = $candidate } `
            -Tag 'bluegreen', $Name -Wait -WaitTimeoutMinutes $WaitTimeoutMinutes @on -ErrorVariable failed -ErrorAction SilentlyContinue
    }
    if ($failed) { $reason = "$routerName did not switch to ${candidate}: $(Get-Reason $failed)" }
    else {
        $nowLive = (Get-HeatStack $routerName -Session $Session).Outputs.live_stack
        if ($nowLive -ne $candidate) { $reason = "$routerName names $nowLive after the switch, not $candidate." }
    }
}

if ($reason) {
    Write-Warning "Rolling back: $reason"
    if (-not $router -and (Get-HeatStack $routerName -Session $Session -ErrorAction SilentlyContinue)) {
        # A router half-made on a first deployment points at nothing that will remain.
        Remove-HeatStack $routerName -Force -Wait @on -ErrorAction Continue
    }
    Remove-HeatStack $candidate -Force -Wait -WaitTimeoutMinutes $WaitTimeoutMinutes @on -ErrorVariable notRemoved -ErrorAction SilentlyContinue
    if ($notRemoved) {
        $reason += " Removing $candidate failed too: $(Get-Reason $notRemoved)"
        Write-Warning "$candidate is left behind: $(Get-Reason $notRemoved)"
    }
    New-Result 'RolledBack' $live $reason
    exit 1
}

# 5. The previous colour serves nobody now.
if ($live -and -not $KeepPrevious) {
    Write-Verbose "Removing the previous $live"
    Remove-HeatStack $live -Force -Wait -WaitTimeoutMinutes $WaitTimeoutMinutes @on -ErrorVariable notRemoved -ErrorAction SilentlyContinue
    if ($notRemoved) { Write-Warning "$candidate is live, but the previous $live was not removed: $(Get-Reason $notRemoved)" }
}
New-Result 'Switched' $candidate $null
exit 0
