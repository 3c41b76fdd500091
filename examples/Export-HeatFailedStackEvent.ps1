<#
.SYNOPSIS
    Exports the events of failed stacks, nested stacks included, to a CSV file: for a ticket, a spreadsheet or a SIEM.
.DESCRIPTION
    Without -StackName, takes every stack Heat lists as FAILED (CREATE_FAILED, UPDATE_FAILED, DELETE_FAILED, ...),
    optionally only those with -Tag; with -StackName, those stacks whatever their status. For each, reads its events
    and those of its nested stacks down to -NestedDepth (Get-HeatEvent -NestedDepth), oldest first, and writes them to
    one CSV file with these columns:

      RootStackName, StackName (the stack the event happened in: a nested stack's own name), EventTime (ISO 8601, UTC),
      ResourceName, ResourceAction, ResourceStatus, ResourceStatusReason, PhysicalResourceId, EventId

    The resource that really failed is the deepest row whose ResourceStatus ends in _FAILED; Get-HeatStackFailure
    finds it for you. -FailedOnly keeps only the *_FAILED events.

    Every text comes from Heat, and a template author chooses resource names and failure reasons: a cell that starts
    with =, +, -, @, a tab or a carriage return would be a formula to a spreadsheet (CSV injection), so, as OWASP
    advises, such a cell is written with a single quote in front ('=HYPERLINK(...) stays text).

    Writes the CSV file (a FileInfo) to the pipeline. Exit codes: 0 written, or no failed stack (a warning, no file);
    2 the run could not start (no cloud, no module, a named stack that does not exist).

    The cloud comes from -Session, -Cloud (a cloud of clouds.yaml), or -AuthUrl with -Credential and -ProjectName, or else what the openstack client reads (OS_CLOUD, or the variables of an
    openrc). See docs/automation.md for unattended runs.
.EXAMPLE
    ./examples/Export-HeatFailedStackEvent.ps1 -Path ./failed-events.csv
    Every failed stack's events, nested ones included, in one file.
.EXAMPLE
    ./examples/Export-HeatFailedStackEvent.ps1 -StackName web-prod -FailedOnly -Path ./web-prod-failures.csv
    Only the failure events of one stack and the stacks below it.
#>
[CmdletBinding()]
param(
    # The stacks to export (names, ids or wildcards); by default every stack whose status is *_FAILED.
    [string[]] $StackName,
    # Only stacks carrying these tags (all of them).
    [string[]] $Tag,
    # The CSV file (replaced if it exists).
    [string] $Path = 'heat-failed-events.csv',
    # How many levels of nested stacks to read events from (a ResourceGroup member's own resources are two down).
    [ValidateRange(0, 10)]
    [int] $NestedDepth = 5,
    # Only the *_FAILED events.
    [switch] $FailedOnly,
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

    # A named stack that is not there is a mistake in the job's arguments, not "nothing failed".
    $stacks = if ($StackName) { @(Get-HeatStack $StackName -Session $Session) }
    # Heat (seen on 19, Zed) answers 500 to a list filtered by status and tags together: filter the status here then.
    elseif ($Tag) { @(Get-HeatStack -Tag $Tag -Session $Session | Where-Object StackStatus -like '*_FAILED') }
    else { @(Get-HeatStack -Status FAILED -Session $Session) }
    if ($StackName -and $Tag) { $stacks = @($stacks | Where-Object { $t = $_.Tags; -not ($Tag | Where-Object { $_ -notin $t }) }) }
}
catch {
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 2
}

if (-not $stacks) {
    Write-Warning $(if ($StackName) { "No stack matches $($StackName -join ', ')." } else { 'No failed stack: nothing to export.' })
    exit 0
}

# OWASP's advice against CSV injection: a cell a spreadsheet would take for a formula gets a leading single quote.
function ConvertTo-CsvText([object] $Value) {
    if ($null -eq $Value) { return $null }
    $text = [string] $Value
    if ($text -match '^[=+\-@\t\r]') { "'" + $text } else { $text }
}

$events = @{ Session = $Session; NestedDepth = $NestedDepth }
if ($FailedOnly) { $events.Status = 'FAILED' }
$rows = foreach ($stack in $stacks) {
    Write-Verbose "$($stack.StackName) ($($stack.StackStatus)): reading events $NestedDepth levels down"
    # Piped, the stack is addressed by its id: one deleted and re-created under the same name since is not mixed in.
    $stack | Get-HeatEvent @events | ForEach-Object {
        [pscustomobject]@{
            RootStackName        = ConvertTo-CsvText $stack.StackName
            StackName            = ConvertTo-CsvText $_.StackName
            EventTime            = if ($_.EventTime) { $_.EventTime.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ') } else { $null }
            ResourceName         = ConvertTo-CsvText $_.ResourceName
            ResourceAction       = ConvertTo-CsvText $_.ResourceAction
            ResourceStatus       = ConvertTo-CsvText $_.ResourceStatus
            ResourceStatusReason = ConvertTo-CsvText $_.ResourceStatusReason
            PhysicalResourceId   = ConvertTo-CsvText $_.PhysicalResourceId
            EventId              = ConvertTo-CsvText $_.Id
        }
    }
}

$file = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
if ($rows) { $rows | Export-Csv -LiteralPath $file -NoTypeInformation -Encoding utf8 }
else {
    # Heat lists no event (they can be purged): still a file with the columns, so that a reader does not break.
    Set-Content -LiteralPath $file -Encoding utf8 -Value '"RootStackName","StackName","EventTime","ResourceName","ResourceAction","ResourceStatus","ResourceStatusReason","PhysicalResourceId","EventId"'
}
Write-Verbose "$(@($rows).Count) events of $($stacks.Count) stacks written to $file"
Get-Item -LiteralPath $file
exit 0
