#requires -Version 7.0
<#
.SYNOPSIS
    Bulk stack operations against the lab (numbers, not tests): 20 stacks created with -Wait and deleted with -Wait
    through the module, next to one stack, next to `openstack stack create --wait` (one command per stack, as a loop in
    a script would run them) and `openstack stack delete --wait` of the 20 (one command). Also Heat's own share: from
    each stack's events, when Heat finished it, so that what is left is the client's (requests, polling cadence).
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Bulk.Bench.ps1 -ModulePath out/Heat.PowerShell
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    [string] $LabDir = $(if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }),
    [int] $Count = 20,
    [switch] $SkipOpenStack
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1') -Force
$lab = Get-Content (Join-Path $LabDir 'lab.json') -Raw | ConvertFrom-Json
$cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
$session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
$run = 'bn{0:x4}' -f (Get-Random -Maximum 65535)
$template = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::TestResource, properties: {value: x, action_wait_secs: {create: 1, delete: 1}}}"
$file = Join-Path ([IO.Path]::GetTempPath()) "$run.yaml"
Set-Content -Path $file -Value $template

. (Join-Path $PSScriptRoot 'BenchTools.ps1')   # Invoke-OpenStack

# When Heat itself finished the action on each stack: the stack's own event (its resource name is the stack's name).
function Get-HeatDone([object[]] $Stacks, [string] $Status) {
    $times = foreach ($s in $Stacks) {
        Get-HeatEvent -StackName $s.StackName -StackId $s.Id -ErrorAction SilentlyContinue |
            Where-Object { $_.ResourceName -eq $s.StackName -and $_.ResourceStatus -eq $Status } |
            Select-Object -Last 1 -ExpandProperty EventTime
    }
    ($times | Measure-Object -Maximum).Maximum
}

# Heat's own floor for a delete: the deletes sent without -Wait, then one listing every 0.5 s (the least load a
# watcher can put on Heat): when every stack shows DELETE_COMPLETE, and when none is listed any more (the name free).
# What Heat's own list holds: Get-HeatStack leaves out DELETE_COMPLETE stacks, which Heat goes on listing for a moment
# (their names cannot be used again until it stops), and -ShowDeleted would add every stack ever deleted, so the
# floor reads Heat's plain list through the module's client.
function Get-HeatListed([string] $Pattern) {
    $client = [Heat.Client.HeatClient]::new($session, $null)
    @($client.Stacks.List([Heat.Client.Stacks.StackListOptions]::new(), [Threading.CancellationToken]::None) | Where-Object StackName -like $Pattern)
}

function Measure-HeatDeleteFloor([string] $Pattern) {
    $w = [Diagnostics.Stopwatch]::StartNew()
    Remove-HeatStack $Pattern -Force
    $complete = $null
    while ($w.Elapsed.TotalSeconds -lt 300) {
        $listed = @(Get-HeatListed $Pattern)
        if ($null -eq $complete -and -not @($listed | Where-Object StackStatus -ne 'DELETE_COMPLETE')) { $complete = $w.Elapsed.TotalSeconds }
        if ($listed.Count -eq 0) { break }
        Start-Sleep -Milliseconds 500
    }
    [pscustomobject]@{ Complete = $complete; Gone = $w.Elapsed.TotalSeconds }
}

$rows = [Collections.Generic.List[object]]::new()
function Add-Row([string] $What, [double] $Seconds, [string] $Note = '') {
    $rows.Add([pscustomobject]@{ Measure = $What; Seconds = [math]::Round($Seconds, 1); Note = $Note })
}

$names = 1..$Count | ForEach-Object { "$run-m$_" }
try {
    # Create: N at once, then one.
    $start = [DateTime]::UtcNow
    $w = [Diagnostics.Stopwatch]::StartNew()
    $made = @($names | ForEach-Object { [pscustomobject]@{ StackName = $_ } } | New-HeatStack -Template $template -Wait)
    $createN = $w.Elapsed.TotalSeconds
    $heatDone = Get-HeatDone $made 'CREATE_COMPLETE'
    Add-Row "New-HeatStack -Wait, $Count stacks" $createN ('Heat finished the last one at {0:0.0} s' -f ($heatDone - $start).TotalSeconds)
    $start = [DateTime]::UtcNow
    $w.Restart()
    $one = New-HeatStack -StackName "$run-one" -Template $template -Wait
    $createOne = $w.Elapsed.TotalSeconds
    Add-Row 'New-HeatStack -Wait, 1 stack' $createOne ('Heat finished it at {0:0.0} s; {1} stacks / 1 = {2:0.00}x' -f ((Get-HeatDone @($one) 'CREATE_COMPLETE') - $start).TotalSeconds, $Count, ($createN / $createOne))

    # Delete: N at once, then one.
    $start = [DateTime]::UtcNow
    $w.Restart()
    Remove-HeatStack "$run-m*" -Force -Wait
    $deleteN = $w.Elapsed.TotalSeconds
    $heatDone = Get-HeatDone $made 'DELETE_COMPLETE'
    Add-Row "Remove-HeatStack -Wait, $Count stacks" $deleteN $(if ($heatDone) { 'Heat finished the last one at {0:0.0} s' -f ($heatDone - $start).TotalSeconds })
    $start = [DateTime]::UtcNow
    $w.Restart()
    Remove-HeatStack "$run-one" -Force -Wait
    $deleteOne = $w.Elapsed.TotalSeconds
    $heatDone = Get-HeatDone @($one) 'DELETE_COMPLETE'
    Add-Row 'Remove-HeatStack -Wait, 1 stack' $deleteOne ('{0}{1} stacks / 1 = {2:0.00}x' -f $(if ($heatDone) { 'Heat finished it at {0:0.0} s; ' -f ($heatDone - $start).TotalSeconds }), $Count, ($deleteN / $deleteOne))

    # The same deletes without -Wait, watched by one listing: what Heat itself takes.
    $again = @(1..$Count | ForEach-Object { [pscustomobject]@{ StackName = "$run-f$_" } } | New-HeatStack -Template $template -Wait)
    $floor = Measure-HeatDeleteFloor "$run-f*"
    Add-Row "Heat alone: $Count deletes, all DELETE_COMPLETE" $floor.Complete 'one listing every 0.5 s, no -Wait'
    Add-Row "Heat alone: $Count deletes, none listed any more" $floor.Gone ('-Wait ends here (a name still listed cannot be created again); module / Heat = {0:0.00}x' -f ($deleteN / $floor.Gone))
    $null = New-HeatStack -StackName "$run-f1" -Template $template -Wait
    $floor = Measure-HeatDeleteFloor "$run-f1"
    Add-Row 'Heat alone: 1 delete, none listed any more' $floor.Gone ('DELETE_COMPLETE at {0:0.0} s; module / Heat = {1:0.00}x' -f $floor.Complete, ($deleteOne / $floor.Gone))

    if (-not $SkipOpenStack) {
        $refs = 1..$Count | ForEach-Object { "$run-o$_" }
        $w.Restart()
        foreach ($r in $refs) { $null = Invoke-OpenStack stack create --wait -t $file $r }
        Add-Row "openstack stack create --wait, $Count commands in a row" $w.Elapsed.TotalSeconds
        $w.Restart()
        $null = Invoke-OpenStack stack delete --yes --wait @refs
        Add-Row "openstack stack delete --wait of the $Count (one command)" $w.Elapsed.TotalSeconds
    }
}
finally {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Remove-Item $file -ErrorAction SilentlyContinue
    $rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Output
    '{0} CPUs; {1}; the lab is shared with other work: expect noise' -f [Environment]::ProcessorCount, [Environment]::OSVersion.VersionString
}
