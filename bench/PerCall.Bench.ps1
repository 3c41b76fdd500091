#requires -Version 7.0
<#
.SYNOPSIS
    Per-call cost against the lab (numbers, not tests), warm session: Get-HeatStack NAME, Get-HeatResource and
    Get-HeatEvent next to the naive raw request with a token of its own (HttpClient, following Heat's name redirect as a
    user's script would) and next to the same `openstack` commands; a 20-read runbook (a new pwsh: import, connect, 20
    reads) next to 20 `openstack stack show`; the import time of the module (a new pwsh with Import-Module next to a new
    pwsh that exits); Connect-HeatService next to the raw Keystone POST. Medians.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/PerCall.Bench.ps1 -ModulePath out/Heat.PowerShell
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Heat.PowerShell'),
    [string] $LabDir = $(if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }),
    [int] $Calls = 20,
    [int] $Rounds = 7,
    [int] $OpenStackRounds = 3,
    [ValidateSet('all', 'calls', 'runbook', 'import')] [string] $Part = 'all'
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
$psd1 = Join-Path $ModulePath 'Heat.PowerShell.psd1'
$lab = Get-Content (Join-Path $LabDir 'lab.json') -Raw | ConvertFrom-Json
$rows = [Collections.Generic.List[object]]::new()

. (Join-Path $PSScriptRoot 'BenchTools.ps1')   # Invoke-ChildPwsh, Get-Median, Invoke-OpenStack

function Add-Row([string] $Measure, [double] $Ms, [string] $Against, [double] $AgainstMs, [string] $Command) {
    $rows.Add([pscustomobject]@{
        Measure = $Measure; MedianMs = [math]::Round($Ms, 1); Against = $Against; AgainstMs = [math]::Round($AgainstMs, 1)
        Ratio = if ($AgainstMs) { '{0:0.00}x' -f ($Ms / $AgainstMs) } else { '' }; Command = $Command
    })
}

function Measure-Ms([scriptblock] $Action, [int] $Times = $Rounds) {
    Get-Median $(foreach ($i in 1..$Times) { $w = [Diagnostics.Stopwatch]::StartNew(); $null = & $Action; $w.Elapsed.TotalMilliseconds })
}

# A timed `openstack` command that failed would be a wrong number: stop instead.
function Invoke-OpenStackOrThrow {
    $out = Invoke-OpenStack @args
    if ($LASTEXITCODE) { throw "openstack $args failed: $out" }
    $out
}

# The raw request a script would write: a token from Keystone, then GETs that follow Heat's redirect (HttpClient does).
$tokenBody = @{ auth = @{
    identity = @{ methods = @('password'); password = @{ user = @{ name = $lab.username; domain = @{ name = $lab.user_domain_name }; password = $lab.password } } }
    scope = @{ project = @{ name = $lab.project_name; domain = @{ name = $lab.project_domain_name } } } } } | ConvertTo-Json -Depth 10
$raw = [Net.Http.HttpClient]::new()
function Get-RawToken {
    $content = [Net.Http.StringContent]::new($tokenBody, [Text.Encoding]::UTF8, 'application/json')
    $response = $raw.PostAsync("$($lab.auth_url)/auth/tokens", $content).GetAwaiter().GetResult()
    $null = $response.EnsureSuccessStatusCode().Content.ReadAsStringAsync().GetAwaiter().GetResult()
    @($response.Headers.GetValues('X-Subject-Token'))[0]
}
function Invoke-Raw([string] $Route) {
    $response = $raw.GetAsync("$($lab.heat_endpoint)/$Route").GetAwaiter().GetResult()
    $text = $response.EnsureSuccessStatusCode().Content.ReadAsStringAsync().GetAwaiter().GetResult()
    $null = $text | ConvertFrom-Json
}

$name = 'bn{0:x4}-calls' -f (Get-Random -Maximum 65535)
Import-Module $psd1
$cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
try {
    if ($Part -in 'all', 'import') {
        # Import: a new pwsh that imports the module, next to one that exits.
        Invoke-ChildPwsh -NoProfile -c 'exit' | Out-Null  # the first start fills the disk cache
        # Interleaved, so that both see the same noise of a shared machine.
        $bares = [Collections.Generic.List[double]]::new(); $imports = [Collections.Generic.List[double]]::new()
        foreach ($i in 1..$Rounds) {
            $bares.Add((Measure-Ms { Invoke-ChildPwsh -NoProfile -c 'exit' } 1))
            $imports.Add((Measure-Ms { Invoke-ChildPwsh -NoProfile -c "Import-Module '$psd1'" } 1))
        }
        $bare = Get-Median $bares; $import = Get-Median $imports
        Add-Row 'pwsh -NoProfile -c Import-Module (a new process)' $import 'pwsh -NoProfile -c exit' $bare "pwsh -NoProfile -c `"Import-Module $psd1`""
        $rows.Add([pscustomobject]@{ Measure = 'import adds'; MedianMs = [math]::Round($import - $bare, 1); Against = ''; AgainstMs = $null; Ratio = ''; Command = '' })

        # Connect: the first in this process (cold), then warm, next to the raw token request.
        $w = [Diagnostics.Stopwatch]::StartNew()
        Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name
        $firstConnect = $w.Elapsed.TotalMilliseconds
        $null = Get-RawToken
        $rawToken = Measure-Ms { Get-RawToken }
        $connect = Measure-Ms { Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name }
        Add-Row 'Connect-HeatService (warm process)' $connect 'raw POST /v3/auth/tokens (HttpClient)' $rawToken 'Connect-HeatService -AuthUrl ... -Credential ... -ProjectName ...'
        Add-Row 'Connect-HeatService (first in the process)' $firstConnect 'raw POST /v3/auth/tokens (HttpClient)' $rawToken ''
    }
    Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name
    $null = New-HeatStack -StackName $name -Template "heat_template_version: 2018-08-31`nresources:`n  a: {type: OS::Heat::RandomString}`n  b: {type: OS::Heat::None}" -Wait
    $raw.DefaultRequestHeaders.Add('X-Auth-Token', (Get-RawToken))
    foreach ($i in 1..3) { $null = Get-HeatStack $name; $null = Get-HeatResource $name; $null = Get-HeatEvent $name; Invoke-Raw "stacks/$name" }  # warm up

    if ($Part -in 'all', 'calls') {
        $pairs = @(
            @{ What = "Get-HeatStack $name"; Module = { Get-HeatStack $name }; Raw = { Invoke-Raw "stacks/$name" }; RawWhat = "GET stacks/$name (302, then the show)"; Os = @('stack', 'show', $name) }
            @{ What = "Get-HeatResource $name"; Module = { Get-HeatResource $name }; Raw = { Invoke-Raw "stacks/$name/resources" }; RawWhat = "GET stacks/$name/resources (302, then the list)"; Os = @('stack', 'resource', 'list', $name) }
            @{ What = "Get-HeatEvent $name"; Module = { Get-HeatEvent $name }; Raw = { Invoke-Raw "stacks/$name/events" }; RawWhat = "GET stacks/$name/events (302, then the list)"; Os = @('stack', 'event', 'list', $name) }
        )
        foreach ($pair in $pairs) {
            $module = (Measure-Ms { foreach ($i in 1..$Calls) { & $pair.Module } }) / $Calls
            $rawMs = (Measure-Ms { foreach ($i in 1..$Calls) { & $pair.Raw } }) / $Calls
            $os = Measure-Ms { Invoke-OpenStackOrThrow @($pair.Os) } $OpenStackRounds
            Add-Row "$($pair.What) (warm session, per call)" $module $pair.RawWhat $rawMs "$Calls calls, median of $Rounds rounds"
            Add-Row "$($pair.What) (warm session, per call)" $module "openstack $($pair.Os -join ' ')" $os "median of $OpenStackRounds"
        }
    }
    if ($Part -in 'all', 'runbook') {
        # A runbook: a new pwsh that imports, connects and reads 20 times, next to 20 `openstack stack show`.
        $script = "Import-Module '$psd1'; `$l = Get-Content '$LabDir/lab.json' -Raw | ConvertFrom-Json; " +
            "Connect-HeatService -AuthUrl `$l.auth_url -Credential ([pscredential]::new(`$l.username, (ConvertTo-SecureString `$l.password -AsPlainText -Force))) -ProjectName `$l.project_name; " +
            "foreach (`$i in 1..$Calls) { `$null = Get-HeatStack $name }"
        $runbook = Measure-Ms { Invoke-ChildPwsh -NoProfile -c $script } 5
        # The floor for any PowerShell script: a new pwsh with no module, a raw token request and 20 raw GETs straight
        # to the stack's name/id (the id known beforehand, so no redirect), each body parsed with ConvertFrom-Json.
        $id = (Get-HeatStack $name).Id
        $floorScript = "`$l = Get-Content '$LabDir/lab.json' -Raw | ConvertFrom-Json; `$h = [Net.Http.HttpClient]::new(); " +
            "`$b = @{ auth = @{ identity = @{ methods = @('password'); password = @{ user = @{ name = `$l.username; domain = @{ name = `$l.user_domain_name }; password = `$l.password } } }; " +
            "scope = @{ project = @{ name = `$l.project_name; domain = @{ name = `$l.project_domain_name } } } } } | ConvertTo-Json -Depth 10; " +
            "`$r = `$h.PostAsync(`"`$(`$l.auth_url)/auth/tokens`", [Net.Http.StringContent]::new(`$b, [Text.Encoding]::UTF8, 'application/json')).GetAwaiter().GetResult(); " +
            "`$null = `$r.EnsureSuccessStatusCode(); `$h.DefaultRequestHeaders.Add('X-Auth-Token', @(`$r.Headers.GetValues('X-Subject-Token'))[0]); " +
            "foreach (`$i in 1..$Calls) { `$null = `$h.GetStringAsync(`"`$(`$l.heat_endpoint)/stacks/$name/$id`").GetAwaiter().GetResult() | ConvertFrom-Json }"
        $floor = Measure-Ms { Invoke-ChildPwsh -NoProfile -c $floorScript } 5
        $bareStart = Measure-Ms { Invoke-ChildPwsh -NoProfile -c 'exit' } 5
        $w = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..$Calls) { $null = Invoke-OpenStackOrThrow stack show $name }
        $openstack = $w.Elapsed.TotalMilliseconds
        Add-Row "runbook: new pwsh, import, connect, $Calls x Get-HeatStack" $runbook "$Calls x openstack stack show (one run)" $openstack ("{0:0.0}x faster" -f ($openstack / $runbook))
        Add-Row "runbook: new pwsh, import, connect, $Calls x Get-HeatStack" $runbook "floor: new pwsh, raw token + $Calls raw GETs of name/id (no module)" $floor ''
        Add-Row "floor: new pwsh, raw token + $Calls raw GETs of name/id (no module)" $floor "$Calls x openstack stack show (one run)" $openstack ("{0:0.0}x faster" -f ($openstack / $floor))
        # Twenty stacks read by one command (Get-HeatStack with 20 names: read four at a time, written in order), next to
        # 20 `openstack stack show` of the same 20.
        $many = @(1..$Calls | ForEach-Object { '{0}-m{1:00}' -f $name, $_ })
        $null = $many | ForEach-Object { [pscustomobject]@{ StackName = $_ } } | New-HeatStack -Template "heat_template_version: 2018-08-31`nresources:`n  b: {type: OS::Heat::None}" -Wait
        try {
            $manyScript = "Import-Module '$psd1'; `$l = Get-Content '$LabDir/lab.json' -Raw | ConvertFrom-Json; " +
                "Connect-HeatService -AuthUrl `$l.auth_url -Credential ([pscredential]::new(`$l.username, (ConvertTo-SecureString `$l.password -AsPlainText -Force))) -ProjectName `$l.project_name; " +
                "`$s = Get-HeatStack $($many -join ','); if (@(`$s).Count -ne $Calls) { throw 'not all read' }"
            $oneCommand = Measure-Ms { Invoke-ChildPwsh -NoProfile -c $manyScript } 5
            $w = [Diagnostics.Stopwatch]::StartNew()
            foreach ($m in $many) { $null = Invoke-OpenStackOrThrow stack show $m }
            $openstackMany = $w.Elapsed.TotalMilliseconds
            Add-Row "runbook, one command: new pwsh, import, connect, Get-HeatStack with $Calls names" $oneCommand "$Calls x openstack stack show, one a stack (one run)" $openstackMany ("{0:0.0}x faster" -f ($openstackMany / $oneCommand))
        }
        finally { $null = $many | ForEach-Object { [pscustomobject]@{ StackName = $_ } } | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue }
        Add-Row 'pwsh -NoProfile -c exit (a new process)' $bareStart '' 0 ''
        Add-Row "runbook, less the start of pwsh" ($runbook - $bareStart) "floor, less the start of pwsh" ($floor - $bareStart) 
    }
}
finally {
    Remove-HeatStack $name -Force -Wait -ErrorAction SilentlyContinue
    $raw.Dispose()
    $rows | Format-Table -AutoSize -Wrap | Out-String -Width 250 | Write-Output
    'medians; {0} CPUs; {1}; pwsh {2}; the lab is shared with other work: expect noise' -f [Environment]::ProcessorCount, [Environment]::OSVersion.VersionString, $PSVersionTable.PSVersion
}
