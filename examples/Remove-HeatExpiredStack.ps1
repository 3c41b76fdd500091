<#
.SYNOPSIS
    Nightly teardown: removes the stacks that carry a tag and are older than a number of days. Run it with -WhatIf first.
.DESCRIPTION
    Lists the stacks that carry every tag given (Heat filters them), keeps those created more than -OlderThanDays days
    before -Now (default: now), and removes them all at once (Remove-HeatStack -Wait, -ThrottleLimit at a time). A stack
    that will not go (a resource that blocks its deletion, a hook, a timeout) is reported and the others still go.

    Writes one object per expired stack: StackName, StackId, CreationTime, AgeDays, Outcome (Removed, Failed, WhatIf,
    Declined) and Reason; each failure is also a warning. With -WhatIf nothing is deleted and each stack that would go
    is written with Outcome WhatIf. Exit codes for a scheduler: 0 nothing failed (also when nothing had expired);
    1 a stack could not be removed; 2 the run could not start (no cloud, no module, a bad argument).

    The cloud comes from -Session, -Cloud (a cloud of clouds.yaml), or -AuthUrl with -Credential and -ProjectName (an Azure Automation credential asset is
    a PSCredential), or else what the openstack client reads (OS_CLOUD, or the variables of an openrc: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD,
    OS_PROJECT_NAME, OS_USER_DOMAIN_NAME, OS_PROJECT_DOMAIN_NAME, OS_REGION_NAME). It never prompts unless -Confirm is
    given. See docs/automation.md for running it from cron, a scheduled task or Azure Automation.
.EXAMPLE
    ./examples/Remove-HeatExpiredStack.ps1 -Tag ci -OlderThanDays 3 -WhatIf
    Lists the stacks tagged 'ci' created more than three days ago, and deletes nothing.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./examples/Remove-HeatExpiredStack.ps1 -Tag ci, ephemeral -OlderThanDays 3 -Name 'pr-*'
    The nightly job: removes the stacks named pr-* that carry both tags and are over three days old; exit code 1 when one
    would not go.
.EXAMPLE
    $cred = Get-AutomationPSCredential -Name 'openstack'
    ./Remove-HeatExpiredStack.ps1 -AuthUrl (Get-AutomationVariable -Name 'OS_AUTH_URL') -Credential $cred -ProjectName ops -Tag ci -OlderThanDays 7
    In Azure Automation, with the module imported into the account and a credential asset named 'openstack'.
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
param(
    # The tags a stack must carry, all of them, to be considered. Required: this runbook never sweeps untagged stacks.
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string[]] $Tag,
    # How old a stack must be (by Heat's creation time) to go. 0 means every tagged stack created before -Now.
    [ValidateRange(0, 36500)]
    [double] $OlderThanDays = 7,
    # The moment ages are measured from; by default now. A fixed value makes a run repeatable.
    [datetime] $Now = [datetime]::UtcNow,
    # Only stacks whose name matches this pattern.
    [ValidateNotNullOrEmpty()]
    [string] $Name = '*',
    # Deletions at once.
    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 4,
    # How long to wait for the deletions, in minutes.
    [ValidateRange(1, 1440)]
    [int] $WaitTimeoutMinutes = 60,
    # A session to use (Connect-HeatService -PassThru).
    [object] $Session,
    # A cloud of clouds.yaml (Connect-HeatService -Cloud): the password stays in clouds.yaml or secure.yaml.
    [string] $Cloud,
    # Keystone's URL, with -Credential and -ProjectName: the unattended way (no environment variables needed).
    [string] $AuthUrl,
    [pscredential] $Credential,
    [string] $ProjectName,
    [string] $UserDomainName = 'Default',
    [string] $ProjectDomainName = 'Default',
    # The Heat.PowerShell module folder; by default the one build.ps1 makes next to this script, else the installed module.
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
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
}
catch {
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 2
}
$on = @{ Session = $Session }

$cutoff = $Now.ToUniversalTime().AddDays(-$OlderThanDays)
Write-Verbose "Stacks tagged $($Tag -join ' and ') named $Name created before $($cutoff.ToString('u'))"
$expired = @(Get-HeatStack -Tag $Tag @on | Where-Object { $_.StackName -like $Name -and $_.CreationTime -lt $cutoff } | Sort-Object CreationTime)
Write-Verbose "$($expired.Count) expired"

function New-Row($stack, [string] $outcome, [string] $reason) {
    [pscustomobject]@{
        StackName    = $stack.StackName
        StackId      = $stack.Id
        CreationTime = $stack.CreationTime
        AgeDays      = [math]::Round(($Now.ToUniversalTime() - $stack.CreationTime).TotalDays, 2)
        Outcome      = $outcome
        Reason       = $reason
    }
}

# Each stack is asked about on its own: -WhatIf lists every one, -Confirm asks for each.
$chosen = [System.Collections.Generic.List[object]]::new()
$rows = [ordered]@{}
foreach ($stack in $expired) {
    $what = "$($stack.StackName) (created $($stack.CreationTime.ToString('u')), tags $($stack.Tags -join ', '))"
    if ($PSCmdlet.ShouldProcess($what, 'Remove Heat stack')) { $chosen.Add($stack) }
    else { $rows[$stack.Id] = New-Row $stack $(if ($WhatIfPreference) { 'WhatIf' } else { 'Declined' }) $null }
}

$failures = @()
if ($chosen.Count) {
    # One call for all: the deletions run concurrently and are waited for together; a stack that fails is an error
    # record (its target the stack's name) and the rest go on.
    $removed = @($chosen | Remove-HeatStack -Force -Wait -ThrottleLimit $ThrottleLimit -WaitTimeoutMinutes $WaitTimeoutMinutes `
            -PassThru @on -WhatIf:$false -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)
    $gone = @($removed | ForEach-Object Id)
    foreach ($stack in $chosen) {
        if ($stack.Id -in $gone) { $rows[$stack.Id] = New-Row $stack 'Removed' $null; continue }
        $why = @($failures | Where-Object { "$($_.TargetObject)" -in $stack.StackName, $stack.Id } | ForEach-Object { $_.Exception.Message })
        $reason = if ($why.Count) { $why -join ' ' } else { 'Remove-HeatStack did not report it removed.' }
        Write-Warning "$($stack.StackName) was not removed: $reason"
        $rows[$stack.Id] = New-Row $stack 'Failed' $reason
    }
}

$rows.Values | Sort-Object CreationTime
exit $(if (@($rows.Values | Where-Object Outcome -eq 'Failed').Count) { 1 } else { 0 })
