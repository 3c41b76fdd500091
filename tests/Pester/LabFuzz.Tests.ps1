# A bounded fuzz of stack names, parameter values and template text against the real Heat (issue 7: resilience).
# Tagged Lab. The fuzzer (fuzz/Invoke-HeatFuzz.ps1) runs in a child pwsh, so that an input that kills its host
# kills only the child: the test records the input, starts a new child after it, and goes on. Each case runs
# New-HeatStack (a fuzzed name holding this run's token, a fuzzed parameter value, the base template or a fuzzed
# one), Get-HeatStack (the raw fuzzed name; and the stack, if one was made), Test-HeatTemplate (through Heat and
# -Offline) and Remove-HeatStack -Force.
#   seed:  HEAT_FUZZ_SEED (default 20261125), printed; the same seed gives the same inputs.
#   cases: HEAT_FUZZ_CASES (default 300). One case again: -FirstCase n -Cases n+1 on the fuzzer itself.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:manifest = (Resolve-Path (Join-Path $modulePath 'Heat.PowerShell.psd1')).ProviderPath
    Import-Module $manifest -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:labJson = Join-Path $labDir 'lab.json'
    $script:lab = Get-Content $labJson -Raw | ConvertFrom-Json
    $cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru

    $script:seed = if ($env:HEAT_FUZZ_SEED) { [int]$env:HEAT_FUZZ_SEED } else { 20261125 }
    $script:cases = if ($env:HEAT_FUZZ_CASES) { [int]$env:HEAT_FUZZ_CASES } else { 300 }
    # Stack names of this run hold the token: nothing else can match them.
    $script:token = 'fz{0:x6}' -f (Get-Random -Maximum 0xffffff)
    $fuzzer = Join-Path $PSScriptRoot 'fuzz/Invoke-HeatFuzz.ps1'
    # Kept after the run (out/ is the build's folder, ignored by git): every input and what it gave.
    $resultDir = Join-Path $PSScriptRoot '../../out/fuzz'
    $null = New-Item -ItemType Directory -Force -Path $resultDir
    $script:resultStem = Join-Path (Resolve-Path $resultDir).ProviderPath "heat-fuzz-$seed-$token"
    $budgetSeconds = 240        # all children together; a child past it is killed and the test fails
    $maxChildren = 30           # one per crash, at most
    $laneCount = 2              # children at once, each on its own range of cases (Heat's latency is the cost)

    # Ops whose error ids may only be PowerShell's own parameter validation when they terminate (the module
    # documents no terminating error for any of these inputs).
    $script:allowedTerminating = 'ParameterArgumentValidationError'

    function script:Start-Child($Lane) {
        $psi = [Diagnostics.ProcessStartInfo]::new()
        # Under 'dotnet pwsh' (the local tool) this process is dotnet itself: start pwsh the same way build.ps1 does.
        $native = Join-Path $PSHOME 'pwsh'
        if ((Test-Path $native -PathType Leaf) -and -not $IsWindows -and (Get-Item $native).UnixFileMode -match 'x') { $psi.FileName = $native }
        else { $psi.FileName = 'dotnet'; $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($a in '-NoProfile', '-NonInteractive', '-File', $fuzzer, '-ModuleManifest', $manifest, '-LabJson', $labJson,
            '-Seed', $seed, '-Cases', $Lane.End, '-FirstCase', $Lane.First, '-Token', $token, '-ResultPath', $Lane.Path) {
            $psi.ArgumentList.Add([string]$a)
        }
        if ($Lane.Skip) { $psi.ArgumentList.Add('-SkipThrough'); $psi.ArgumentList.Add($Lane.Skip) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $Lane.Process = [Diagnostics.Process]::Start($psi)
        $Lane.Out = $Lane.Process.StandardOutput.ReadToEndAsync()
        $Lane.Err = $Lane.Process.StandardError.ReadToEndAsync()
    }

    function script:Read-Results([string] $Path) {
        if (-not (Test-Path $Path)) { return @() }
        @(Get-Content $Path -Encoding utf8 | ForEach-Object { $_ | ConvertFrom-Json -Depth 10 })
    }

    Write-Host "    fuzz seed $seed, $cases cases, token $token (rerun: HEAT_FUZZ_SEED=$seed HEAT_FUZZ_CASES=$cases)"
    $script:crashes = [Collections.Generic.List[object]]::new()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $children = 0
    $lanes = @(0..($laneCount - 1) | ForEach-Object {
            [pscustomobject]@{
                First = [int]($cases * $_ / $laneCount); End = [int]($cases * ($_ + 1) / $laneCount); Skip = $null
                Path = "$resultStem-$_.jsonl"; Process = $null; Out = $null; Err = $null; Done = $false
            }
        })
    foreach ($lane in $lanes) { Remove-Item $lane.Path -ErrorAction SilentlyContinue; Start-Child $lane; $children++ }
    while ($lanes | Where-Object { -not $_.Done }) {
        Start-Sleep -Milliseconds 200
        $overBudget = $watch.Elapsed.TotalSeconds -gt $budgetSeconds
        foreach ($lane in $lanes | Where-Object { -not $_.Done }) {
            if (-not $lane.Process.HasExited -and -not $overBudget) { continue }
            $killed = -not $lane.Process.HasExited
            if ($killed) { $lane.Process.Kill($true); $null = $lane.Process.WaitForExit(10000) }
            $null = $lane.Process.WaitForExit()
            $stderr = if ($lane.Err.Wait(5000)) { $lane.Err.Result } else { '' }
            $sofar = Read-Results $lane.Path
            if ($sofar | Where-Object { $_.phase -eq 'done' }) { $lane.Done = $true; continue }
            # The child died (or was killed) in the middle of an operation: its last 'begin' has no 'end'.
            $ended = @{}
            foreach ($r in $sofar | Where-Object phase -eq 'end') { $ended["$($r.case)|$($r.op)"] = $true }
            $victim = $sofar | Where-Object { $_.phase -eq 'begin' -and -not $ended["$($_.case)|$($_.op)"] } | Select-Object -Last 1
            $how = if ($killed) { "killed after the time budget of $budgetSeconds s" } else { "exit code $($lane.Process.ExitCode)" }
            $firstLine = ($stderr -split "`n" | Where-Object { $_.Trim() } | Select-Object -First 3) -join ' | '
            $crashes.Add([pscustomobject]@{ Case = $victim.case; Op = $victim.op; Inputs = $victim.inputs; How = $how; Stderr = $firstLine })
            Write-Host "    a child died: $how, at case $($victim.case) $($victim.op) $($victim.inputs | ConvertTo-Json -Compress): $firstLine"
            if ($killed -or $null -eq $victim -or $children -ge $maxChildren) { $lane.Done = $true; continue }
            # Go on after the input that killed the child. The rest of that case would mostly meet the same input again
            # (one crash is enough to report): only its removal runs, as a stack it made must not be left behind.
            if ($victim.op -eq 'Remove-HeatStack -Force') { $lane.First = [int]$victim.case + 1; $lane.Skip = $null }
            else { $lane.First = [int]$victim.case; $lane.Skip = 'Test-HeatTemplate -Offline' }
            Start-Child $lane; $children++
        }
    }
    $script:fuzzSeconds = $watch.Elapsed.TotalSeconds
    $script:records = @($lanes | ForEach-Object { Read-Results $_.Path } | Where-Object phase -eq 'end')
    $script:childCount = $children

    # A small summary: per operation, what came out.
    Write-Host ("    {0} operations of {1} cases in {2:0.0} s, {3} child process(es), {4} crash(es)" -f $records.Count,
        @($records.case | Sort-Object -Unique).Count, $fuzzSeconds, $children, $crashes.Count)
    $records | Group-Object op | ForEach-Object {
        $byOutcome = $_.Group | Group-Object {
            if ($_.terminating) { "TERMINATING $($_.terminating.id -replace ',.*$', '') ($($_.terminating.types[-1]))" }
            elseif ($_.errors) { ($_.errors.id | ForEach-Object { $_ -replace ',.*$', '' } | Sort-Object -Unique) -join '+' }
            else { 'ok' }
        } | Sort-Object Count -Descending | ForEach-Object { "$($_.Name) $($_.Count)" }
        Write-Host ("    {0,-28} {1}" -f $_.Name, ($byOutcome -join ', '))
    }
    # Which kinds of input gave which error ids (first op of each case: the creation).
    $records | Where-Object { $_.op -eq 'New-HeatStack' } | Group-Object { $_.inputs.nameKind } | Sort-Object Name | ForEach-Object {
        $ids = $_.Group | ForEach-Object { if ($_.terminating) { 'TERMINATING' } elseif ($_.errors) { $_.errors[0].id -replace ',.*$', '' } else { 'created' } } |
            Group-Object | ForEach-Object { "$($_.Name) $($_.Count)" }
        Write-Host ("    name kind {0,-14} New-HeatStack: {1}" -f $_.Name, ($ids -join ', '))
    }

    # Removals were asked for without -Wait: give Heat a bounded moment to finish them.
    $deadline = [datetime]::UtcNow.AddSeconds(60)
    do {
        $script:leftByModule = @(Get-HeatStack -Session $session -Name "*$token*" -ErrorAction Continue)
        if ($leftByModule.Count -eq 0) { break }
        Start-Sleep -Seconds 2
    } while ([datetime]::UtcNow -lt $deadline)
    $env:OS_CLIENT_CONFIG_FILE = $lab.clouds_yaml; $env:OS_CLOUD = $lab.cloud
    try { $script:leftByCli = @(& openstack stack list -f value -c 'Stack Name' 2>&1 | ForEach-Object { "$_" } | Where-Object { $_ -match $token }) }
    finally { Remove-Item Env:OS_CLIENT_CONFIG_FILE, Env:OS_CLOUD -ErrorAction SilentlyContinue }
    Write-Host "    every input and its outcome: $resultStem-*.jsonl"
}

AfterAll {
    Get-HeatStack -Session $session "*$token*" -ErrorAction SilentlyContinue |
        Remove-HeatStack -Session $session -Force -Wait -WaitTimeoutMinutes 3 -ErrorAction Continue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe 'Fuzzed names, values and templates against a real Heat' -Tag Lab {
    It 'no input kills the host, and every case runs' {
        $crashes | ForEach-Object { "case $($_.Case) $($_.Op) ($($_.How)): $($_.Inputs | ConvertTo-Json -Compress) -- $($_.Stderr)" } | Should -BeNullOrEmpty
        @($records.case | Sort-Object -Unique).Count | Should -Be $cases
    }

    It 'no input makes a cmdlet stop with a terminating error (PowerShell''s own argument validation aside)' {
        $records | Where-Object { $_.terminating -and ($_.terminating.id -replace ',.*$', '') -notin $allowedTerminating } |
            ForEach-Object { "case $($_.case) $($_.op): $($_.terminating.id) [$($_.terminating.types -join ' <- ')] '$($_.terminating.message)' for $($_.inputs | ConvertTo-Json -Compress)" } |
            Should -BeNullOrEmpty
    }

    It 'every error is one of the module''s records: a Heat id, the input as target, no raw .NET exception' {
        $raw = 'System.NullReferenceException', 'System.InvalidCastException', 'System.IndexOutOfRangeException',
            'System.ArgumentOutOfRangeException', 'System.Collections.Generic.KeyNotFoundException', 'System.InvalidOperationException',
            'System.NotSupportedException', 'System.FormatException', 'System.UriFormatException', 'System.OverflowException',
            'System.StackOverflowException', 'System.OutOfMemoryException', 'System.ArgumentNullException'
        $bad = foreach ($r in $records) {
            foreach ($e in $r.errors) {
                $why = if ($e.id -notmatch '^Heat\w+,Heat\.PowerShell\.Cmdlets\.\w+$') { "id $($e.id)" }
                elseif ($e.types[0] -in $raw) { "raw $($e.types[0])" }
                elseif (-not $e.hasTarget) { 'no target' }
                if ($why) { "case $($r.case) $($r.op): $why [$($e.types -join ' <- ')] '$($e.message)' for $($r.inputs | ConvertTo-Json -Compress)" }
            }
        }
        $bad | Should -BeNullOrEmpty
    }

    It 'a name Heat accepts with the base template makes exactly one stack, which Get-HeatStack finds' {
        $made = @($records | Where-Object { $_.op -eq 'New-HeatStack' -and $_.outputs -gt 0 })
        $made.Count | Should -BeGreaterThan 0 -Because 'some fuzzed names are valid Heat names (else the fuzz reaches nothing)'
        foreach ($m in $made) {
            $m.outputs | Should -Be 1
            $found = $records | Where-Object { $_.case -eq $m.case -and $_.op -eq 'Get-HeatStack' }
            $found.outputs | Should -Be 1 -Because "case $($m.case) created $($m.inputs.name)"
        }
    }

    It 'a fuzzed string value comes back exactly: from the stack made with it, and from Heat''s /validate' {
        @($records | Where-Object { $_.check -eq 'same' }).Count | Should -BeGreaterThan 10 -Because 'the check must have met enough values to mean something'
        $records | Where-Object { $_.check -and $_.check -ne 'same' } |
            ForEach-Object { "case $($_.case): $($_.check)" } | Should -BeNullOrEmpty
    }

    It 'leaves no stack with this run''s token behind (Get-HeatStack and openstack stack list)' {
        $leftByModule | ForEach-Object { "$($_.StackName) $($_.StackStatus)" } | Should -BeNullOrEmpty
        $leftByCli | Should -BeNullOrEmpty
    }
}

Describe 'What the fuzz found, each input on its own' -Tag Lab {
    BeforeAll {
        # One script in a child pwsh (a crash must not take this process down): its exit code and its last line.
        function script:Invoke-ChildPwsh([string] $Script) {
            $native = Join-Path $PSHOME 'pwsh'
            $file = Join-Path ([IO.Path]::GetTempPath()) "heat-fuzz-repro-$token.ps1"
            Set-Content -Path $file -Value ($childPrelude + "`n" + $Script) -Encoding utf8
            try {
                $lines = if ((Test-Path $native -PathType Leaf) -and -not $IsWindows -and (Get-Item $native).UnixFileMode -match 'x') {
                    & $native -NoProfile -NonInteractive -File $file 2>&1
                }
                else { & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file 2>&1 }
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Last = "$($lines | Select-Object -Last 1)"; First = "$($lines | Select-Object -First 1)" }
            }
            finally { Remove-Item $file -ErrorAction SilentlyContinue }
        }
        $script:childPrelude = @"
Import-Module '$manifest'
`$lab = Get-Content '$labJson' -Raw | ConvertFrom-Json
`$cred = [pscredential]::new(`$lab.username, (ConvertTo-SecureString `$lab.password -AsPlainText -Force))
Connect-HeatService -AuthUrl `$lab.auth_url -Credential `$cred -ProjectName `$lab.project_name
"@
    }

    It 'a template of 100000 nested lists (200 KB, under Heat''s 512 KB limit) is an error record, not a crash of the host' {
        # From 30000 (60 KB) on it crashes now and then here; from 100000 every time.
        $r = Invoke-ChildPwsh (@'
$t = ('[' * 100000) + (']' * 100000)
Test-HeatTemplate -Template $t -Offline -ErrorAction SilentlyContinue -ErrorVariable problems
"RESULT $($problems.Count) $($problems[0].FullyQualifiedErrorId)"
'@)
        $r.ExitCode | Should -Be 0 -Because "the host must survive (it printed: $($r.First))"
        $r.Last | Should -Be 'RESULT 1 HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate'
    }

    It 'a parameter value that contains itself is an error record, not a crash of the host' {
        $r = Invoke-ChildPwsh (@'
$loop = @{ name = 'loop' }; $loop.self = $loop
$t = "heat_template_version: 2018-08-31`nparameters:`n  p: {type: json}`nresources: {}"
Test-HeatTemplate -Template $t -Parameter @{ p = $loop } -ErrorAction SilentlyContinue -ErrorVariable problems
"RESULT $($problems.Count) $($problems[0].FullyQualifiedErrorId -replace ',.*$', '')"
'@)
        $r.ExitCode | Should -Be 0 -Because "the host must survive (it printed: $($r.First))"
        $r.Last | Should -Match '^RESULT 1 Heat\w+$'
    }

    It 'a name with an unmatched [ is one error record for that name; the other names of the pipeline still come' {
        # The pattern is only tried against listed stacks: make sure there is one.
        $anchor = New-HeatStack -Session $session -Name "$token-anchor" -Template "heat_template_version: 2018-08-31`nresources: {}" -Wait
        $anchor.StackStatus | Should -Be 'CREATE_COMPLETE'
        $problems = $null; $terminating = $null
        try { $got = @("$token-[x", '*') | Get-HeatStack -Session $session -ErrorAction SilentlyContinue -ErrorVariable problems }
        catch { $terminating = $_ }
        $terminating | Should -BeNullOrEmpty -Because "$($terminating.FullyQualifiedErrorId): $($terminating.Exception.Message)"
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Match '^Heat\w+,Heat\.PowerShell\.Cmdlets\.GetHeatStack$'
        "$($problems[0].TargetObject)" | Should -Be "$token-[x"
        $got.StackName | Should -Contain "$token-anchor"
    }

    It 'Test-HeatTemplate -Offline reports a parameter without a definition as HeatTemplateInvalid, as Heat does' {
        $t = "heat_template_version: 2018-08-31`nparameters:`n  p:`n"
        $problems = $null; $terminating = $null
        try { $null = Test-HeatTemplate -Template $t -Offline -ErrorAction SilentlyContinue -ErrorVariable problems }
        catch { $terminating = $_ }
        $terminating | Should -BeNullOrEmpty -Because "$($terminating.FullyQualifiedErrorId): $($terminating.Exception.Message)"
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate'
        $problems[0].Exception.Message | Should -Match '\bp\b'
        # Heat's own verdict on the same text, for comparison: "Invalid parameter (p), expected a mapping".
        $null = Test-HeatTemplate -Session $session -Template $t -ErrorAction SilentlyContinue -ErrorVariable heats
        $heats[0].Exception.Message | Should -Match 'Invalid parameter \(p\)'
    }

    It 'a [pscustomobject] value (what ConvertFrom-Json gives) reaches Heat as a map, like a hashtable does' {
        $t = "heat_template_version: 2018-08-31`nparameters:`n  cfg: {type: json}`nresources: {}"
        $fromHashtable = (Test-HeatTemplate -Session $session -Template $t -Parameter @{ cfg = @{ a = 1; b = 'x' } }).Parameters |
            Where-Object Name -eq cfg
        $fromJson = (Test-HeatTemplate -Session $session -Template $t -Parameter @{ cfg = ('{"a": 1, "b": "x"}' | ConvertFrom-Json) }).Parameters |
            Where-Object Name -eq cfg
        $fromHashtable.Value.b | Should -Be 'x'
        $fromJson.Value | Should -Not -BeOfType [string] -Because "Heat got '$($fromJson.Value)'"
        $fromJson.Value.b | Should -Be 'x'
    }
}
