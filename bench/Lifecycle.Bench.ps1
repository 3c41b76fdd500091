#requires -Version 7.0
<#
.SYNOPSIS
    Measures waits against the lab (numbers, not tests): teardown of 20 stacks next to one stack and next to
    `openstack stack delete --wait`; requests per minute of a wait on a 30-resource stack next to
    `openstack stack create --wait`; and -Wait with the progress bar under a pseudo-terminal next to silent.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Lifecycle.Bench.ps1 -ModulePath out/Heat.PowerShell
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    [string] $LabDir = $(if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }),
    [switch] $SkipPty
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1') -Force
$lab = Get-Content (Join-Path $LabDir 'lab.json') -Raw | ConvertFrom-Json
$cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name
$run = 'bn{0:x4}' -f (Get-Random -Maximum 65535)
$small = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::TestResource, properties: {value: x, action_wait_secs: {create: 1, delete: 1}}}"

. (Join-Path $PSScriptRoot 'BenchTools.ps1')   # Invoke-OpenStack

function New-Stacks([string[]] $Names) {
    $Names | ForEach-Object { [pscustomobject]@{ StackName = $_ } } | New-HeatStack -Template $small -Wait | Out-Null
}

$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row([string] $What, [double] $Seconds, [string] $Note = '') {
    $rows.Add([pscustomobject]@{ Measure = $What; Seconds = [math]::Round($Seconds, 1); Note = $Note })
}

try {
    # Teardown: 20 at once, one, and the reference client's 20.
    New-Stacks (1..20 | ForEach-Object { "$run-t$_" })
    $w = [Diagnostics.Stopwatch]::StartNew()
    Remove-HeatStack "$run-t*" -Force -Wait
    Add-Row 'Remove-HeatStack -Wait, 20 stacks' $w.Elapsed.TotalSeconds

    New-Stacks "$run-one"
    $w.Restart()
    Remove-HeatStack "$run-one" -Force -Wait
    Add-Row 'Remove-HeatStack -Wait, 1 stack' $w.Elapsed.TotalSeconds

    New-Stacks (1..20 | ForEach-Object { "$run-o$_" })
    $w.Restart()
    $null = Invoke-OpenStack stack delete --yes --wait @(1..20 | ForEach-Object { "$run-o$_" })
    Add-Row 'openstack stack delete --wait, 20 stacks' $w.Elapsed.TotalSeconds

    # Requests a wait makes on a 30-resource stack that takes a while.
    $big = "heat_template_version: 2018-08-31`nresources:`n" + ((1..30 | ForEach-Object {
        "  r$($_): {type: OS::Heat::TestResource, properties: {value: x, action_wait_secs: {create: $((($_ - 1) % 5) + 1)}}}"
    }) -join "`n")
    $file = Join-Path ([IO.Path]::GetTempPath()) "$run-big.yaml"
    Set-Content -Path $file -Value $big
    $w.Restart()
    $verbose = New-HeatStack -Name "$run-big" -TemplatePath $file -Wait -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
    $seconds = $w.Elapsed.TotalSeconds
    $requests = @($verbose | Where-Object { $_.Message -match '^(GET|POST|PUT|PATCH|DELETE) ' }).Count
    Add-Row 'New-HeatStack -Wait, 30 resources' $seconds ("{0} requests, {1:0.0} a minute" -f $requests, ($requests / ($seconds / 60)))

    $w.Restart()
    $debug = Invoke-OpenStack --debug stack create --wait -t $file "$run-bigref"
    $seconds = $w.Elapsed.TotalSeconds
    $requests = @($debug | Where-Object { "$_" -match '^REQ: curl' }).Count
    Add-Row 'openstack stack create --wait, 30 resources' $seconds ("{0} requests, {1:0.0} a minute" -f $requests, ($requests / ($seconds / 60)))
    Remove-Item $file -ErrorAction SilentlyContinue
    Remove-HeatStack "$run-big*" -Force -Wait

    # The progress bar under a pseudo-terminal that never answers the cursor query, next to silent.
    if (-not $SkipPty -and (Get-Command script -ErrorAction SilentlyContinue)) {
        $child = Join-Path ([IO.Path]::GetTempPath()) "$run-pty.ps1"
        Set-Content -Path $child -Value @"
Import-Module '$((Resolve-Path $ModulePath).Path)/Heat.PowerShell.psd1'
`$lab = Get-Content '$LabDir/lab.json' -Raw | ConvertFrom-Json
Connect-HeatService -AuthUrl `$lab.auth_url -Credential ([pscredential]::new(`$lab.username, (ConvertTo-SecureString `$lab.password -AsPlainText -Force))) -ProjectName `$lab.project_name
`$mode = `$args[0]
if (`$mode -eq 'silent') { `$ProgressPreference = 'SilentlyContinue' }
`$w = [Diagnostics.Stopwatch]::StartNew()
1..4 | ForEach-Object { [pscustomobject]@{ StackName = "$run-pty-`$mode-`$_" } } | New-HeatStack -Template "$($small -replace '"','`"')" -Wait -ErrorVariable +failed | Out-Null
`$c = `$w.Elapsed.TotalSeconds; `$w.Restart()
Remove-HeatStack "$run-pty-`$mode-*" -Force -Wait -ErrorVariable +failed
"PTY-RESULT `$c `$(`$w.Elapsed.TotalSeconds) `$(@(`$failed).Count)"
"@
        $pwsh = (Get-Process -Id $PID).Path
        $pwshArgs = if ($pwsh -match 'dotnet$') { "`"$pwsh`" `"$PSHOME/pwsh.dll`"" } else { "`"$pwsh`"" }
        # script(1) gives the child a terminal; nothing answers its cursor queries, as in the runs that saw the problem.
        $wrapper = Join-Path ([IO.Path]::GetTempPath()) "$run-pty.sh"
        Set-Content -Path $wrapper -Value "exec script -qc `"$($pwshArgs -replace '"', '\"') -NoProfile -File $child `$1`" /dev/null < /dev/null"
        foreach ($mode in 'progress', 'silent') {
            $text = & bash $wrapper $mode 2>&1 | Out-String
            if ($text -match 'PTY-RESULT ([\d.]+) ([\d.]+) (\d+)') {
                Add-Row "4 creates -Wait under script(1), $mode" ([double]$Matches[1]) "$($Matches[3]) errors"
                Add-Row "4 deletes -Wait under script(1), $mode" ([double]$Matches[2])
            }
        }
        if ($env:HEAT_BENCH_KEEP) { Write-Host "kept $child $wrapper" } else { Remove-Item $child, $wrapper -ErrorAction SilentlyContinue }
    }
}
finally {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    $rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
}
