# Load on a real Heat (issue 7: resilience). Tagged Lab.
# One runbook, one session shared by 8 runspaces (ForEach-Object -Parallel -ThrottleLimit 8): creates 200 small
# stacks and waits for them, lists and reads them, deletes them and waits until they are gone. Known faults are
# mixed in, and the error records must be exactly those faults: no more (nothing lost to races in the shared
# session), no fewer (nothing swallowed). Every phase is bounded (-TimeoutSeconds, -WaitTimeoutMinutes).
# Numbers (time, requests, requests per second, memory) are printed with Write-Host; they are not asserted.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:manifest = Join-Path $modulePath 'Heat.PowerShell.psd1'
    Import-Module $manifest -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:run = 'll{0:x6}' -f (Get-Random -Maximum 0xffffff)

    $script:stackCount = if ($env:HEAT_LOAD_STACKS) { [int]$env:HEAT_LOAD_STACKS } else { 200 }
    $script:throttle = 8
    $script:faultsEach = 5      # of each kind: failing template, duplicate name, removal of a missing stack

    $script:goodTemplate = @'
heat_template_version: 2018-08-31
parameters:
  index: {type: number}
resources:
  none: {type: OS::Heat::None}
  value:
    type: OS::Heat::Value
    properties: {value: {get_param: index}, type: number}
  random:
    type: OS::Heat::RandomString
    properties: {length: 8}
outputs:
  index: {value: {get_attr: [value, value]}}
'@
    $script:failTemplate = @'
heat_template_version: 2018-08-31
parameters:
  index: {type: number}
resources:
  doomed:
    type: OS::Heat::TestResource
    properties: {fail: true, value: {get_param: index}}
'@

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    # Peak resident memory of this process since the last reset (Linux: VmHWM, reset through clear_refs).
    function script:Reset-PeakMemory { try { [IO.File]::WriteAllText('/proc/self/clear_refs', '5') } catch { } }
    function script:Get-PeakMemoryMB {
        $line = Get-Content /proc/self/status -ErrorAction SilentlyContinue | Where-Object { $_ -like 'VmHWM:*' }
        if ($line -match '(\d+)\s*kB') { [math]::Round([long]$Matches[1] / 1KB, 1) }
        else { [math]::Round([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB, 1) }
    }

    # One item of work in a runspace of its own. It reports what it did, what the module wrote as errors, and how
    # many HTTP requests it made (the module's -Verbose names each one: "GET http://...").
    $script:worker = {
        $item = $_
        $session = $using:session
        Import-Module $using:manifest
        $errors = $null; $lines = @(); $out = @()
        $common = @{ Session = $session; ErrorAction = 'SilentlyContinue'; ErrorVariable = 'errors'; Verbose = $true }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $all = switch ($item.Op) {
            'create' {
                $template = if ($item.Fails) { $using:failTemplate } else { $using:goodTemplate }
                New-HeatStack @common -Name $item.Name -Template $template -Parameter @{ index = $item.Index } -DisableRollback -Wait -WaitTimeoutMinutes 3 4>&1
            }
            'list' { Get-HeatStack @common -Name "$($item.Prefix)-*" 4>&1 }
            'show' { Get-HeatStack @common -Name $item.Name 4>&1 }
            'remove' { Remove-HeatStack @common -Name $item.Name -Force -Wait -WaitTimeoutMinutes 3 -PassThru 4>&1 }
        }
        foreach ($o in $all) {
            if ($o -is [System.Management.Automation.VerboseRecord]) { $lines += $o.Message } else { $out += $o }
        }
        [pscustomobject]@{
            Op = $item.Op; Name = $item.Name; Index = $item.Index; Fault = $item.Fault
            Output = $out; Errors = @($errors); Seconds = $watch.Elapsed.TotalSeconds
            Requests = @($lines | Where-Object { $_ -match '^(GET|POST|PUT|PATCH|DELETE|HEAD) https?://' }).Count
        }
    }

    # Runs one phase: the items through the worker, 8 at a time, bounded; prints its numbers.
    function script:Invoke-Phase {
        param([string] $Label, [object[]] $Items, [int] $TimeoutSeconds)
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $results = @($Items | ForEach-Object -Parallel $worker -ThrottleLimit $throttle -TimeoutSeconds $TimeoutSeconds)
        $seconds = $watch.Elapsed.TotalSeconds
        $requests = ($results | Measure-Object -Property Requests -Sum).Sum
        $slowest = ($results | Measure-Object -Property Seconds -Maximum).Maximum
        Write-Host ("    {0,-8} {1,4} items in {2,6:0.0} s, {3,5} requests, {4,5:0.0} requests/s, slowest item {5:0.0} s{6}" -f
            $Label, $Items.Count, $seconds, $requests, ($requests / [math]::Max($seconds, 0.001)), $slowest,
            $(if ($results.Count -ne $Items.Count) { " - ONLY $($results.Count) of $($Items.Count) finished within ${TimeoutSeconds} s" } else { '' }))
        [pscustomobject]@{ Label = $Label; Seconds = $seconds; Requests = $requests; Results = $results; Expected = $Items.Count }
    }

    # ---- the runbook ----------------------------------------------------------------------------------------
    $names = 1..$stackCount | ForEach-Object { '{0}-s{1:d3}' -f $run, $_ }
    $failing = 1..$faultsEach | ForEach-Object { '{0}-fail{1}' -f $run, $_ }
    $duplicates = $names | Select-Object -First $faultsEach
    $ghosts = 1..$faultsEach | ForEach-Object { '{0}-ghost{1}' -f $run, $_ }

    $i = 0
    $createItems = @($names | ForEach-Object { [pscustomobject]@{ Op = 'create'; Name = $_; Index = ++$i; Fails = $false; Fault = $null } }) +
        @($failing | ForEach-Object { [pscustomobject]@{ Op = 'create'; Name = $_; Index = ++$i; Fails = $true; Fault = 'HeatStackFailed' } })
    # Mix the faults in, in a fixed order, so that they run beside healthy work.
    $createItems = $createItems | Sort-Object { ($_.Index * 7919) % $createItems.Count }

    $readItems = @(1..$throttle | ForEach-Object { [pscustomobject]@{ Op = 'list'; Name = $null; Prefix = $run; Index = $_; Fault = $null } }) +
        @($names | ForEach-Object { [pscustomobject]@{ Op = 'show'; Name = $_; Index = [int]($_ -replace '^.*-s', ''); Fault = $null } }) +
        @($duplicates | ForEach-Object { [pscustomobject]@{ Op = 'create'; Name = $_; Index = 0; Fails = $false; Fault = 'HeatStackConflict' } })

    $removeItems = [Collections.Generic.List[object]]::new()
    foreach ($name in $names + $failing) { $removeItems.Add([pscustomobject]@{ Op = 'remove'; Name = $name; Fault = $null }) }
    $at = 0
    foreach ($ghost in $ghosts) {
        $at += [int]($removeItems.Count / ($faultsEach + 1))
        $removeItems.Insert($at, [pscustomobject]@{ Op = 'remove'; Name = $ghost; Fault = 'HeatStackNotFound' })
    }
    $removeItems = $removeItems.ToArray()

    Write-Host "    run $run`: $stackCount stacks + $faultsEach failing, $faultsEach duplicates, $faultsEach missing removals; $throttle runspaces, one session"
    [GC]::Collect()
    $script:workingSetBeforeMB = [math]::Round([Diagnostics.Process]::GetCurrentProcess().WorkingSet64 / 1MB, 1)
    Reset-PeakMemory
    $total = [Diagnostics.Stopwatch]::StartNew()
    $script:create = Invoke-Phase 'create' $createItems -TimeoutSeconds 420
    $script:read = Invoke-Phase 'read' $readItems -TimeoutSeconds 120
    $script:remove = Invoke-Phase 'remove' $removeItems -TimeoutSeconds 420
    $script:totalSeconds = $total.Elapsed.TotalSeconds
    $script:peakMB = Get-PeakMemoryMB
    $script:allResults = @($create.Results) + @($read.Results) + @($remove.Results)
    $requests = ($create.Requests + $read.Requests + $remove.Requests)
    Write-Host ("    total    {0,4} items in {1,6:0.0} s, {2,5} requests, {3,5:0.0} requests/s; working set {4} MB before, peak {5} MB during the runbook" -f
        $allResults.Count, $totalSeconds, $requests, ($requests / $totalSeconds), $workingSetBeforeMB, $peakMB)

    $script:leftByModule = @(Get-HeatStack -Session $session -Name "$run-*" -ErrorAction Continue)
    $script:leftByCli = @(Invoke-OpenStack stack list -f value -c 'Stack Name' | ForEach-Object { "$_".Trim() } | Where-Object { $_ -like "$run-*" })
}

AfterAll {
    # Whatever a failed run left behind.
    Get-HeatStack -Session $session "$run-*" -ErrorAction SilentlyContinue |
        Remove-HeatStack -Session $session -Force -Wait -WaitTimeoutMinutes 5 -ErrorAction Continue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe "200 stacks through one session in 8 runspaces" -Tag Lab {
    It 'finishes every item of every phase within its bound' {
        foreach ($phase in $create, $read, $remove) {
            $phase.Results.Count | Should -Be $phase.Expected -Because "the $($phase.Label) phase must finish all its items in time"
        }
    }

    It 'writes exactly as many error records as faults were injected, each of the expected kind' {
        $errors = @($allResults | ForEach-Object { $_.Errors })
        $unexpected = @($allResults | Where-Object { -not $_.Fault -and $_.Errors.Count -gt 0 } |
                ForEach-Object { "$($_.Op) $($_.Name): $($_.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId) $($_.Exception.Message)" })" })
        $unexpected | Should -BeNullOrEmpty
        $errors.Count | Should -Be (3 * $faultsEach)
        $byId = $errors | Group-Object { $_.FullyQualifiedErrorId -replace ',.*$', '' } -AsHashTable
        $byId.HeatStackFailed.Count | Should -Be $faultsEach
        $byId.HeatStackConflict.Count | Should -Be $faultsEach
        $byId.HeatStackNotFound.Count | Should -Be $faultsEach
    }

    It 'reports each fault once, on its own item, with Heat''s reason' {
        foreach ($r in $allResults | Where-Object Fault) {
            $r.Errors.Count | Should -Be 1 -Because "$($r.Op) $($r.Name) is one fault"
            $e = $r.Errors[0]
            $e.FullyQualifiedErrorId | Should -BeLike "$($r.Fault),*"
            switch ($r.Fault) {
                'HeatStackFailed' {
                    $e.Exception.Message | Should -Match 'CREATE_FAILED'
                    $e.Exception.Message | Should -Match 'resources\.doomed'
                    "$($e.TargetObject)" | Should -Be $r.Name
                }
                'HeatStackConflict' {
                    $e.CategoryInfo.Category | Should -Be 'ResourceExists'
                    $e.Exception.Message | Should -Match ([regex]::Escape($r.Name))
                    "$($e.TargetObject)" | Should -Be $r.Name
                }
                'HeatStackNotFound' {
                    $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
                    "$($e.TargetObject)" | Should -Be $r.Name
                }
            }
        }
    }

    It 'created every healthy stack: CREATE_COMPLETE, returned once, with its own output' {
        $made = @($create.Results | Where-Object { -not $_.Fault })
        $made.Count | Should -Be $stackCount
        foreach ($r in $made) {
            @($r.Output).Count | Should -Be 1 -Because $r.Name
            $r.Output[0].StackName | Should -Be $r.Name
            $r.Output[0].StackStatus | Should -Be 'CREATE_COMPLETE'
            "$($r.Output[0].Outputs.index)" | Should -Be "$($r.Index)" -Because "$($r.Name) was created with index $($r.Index)"
        }
        # The failing ones come back too, FAILED, beside their error.
        ($create.Results | Where-Object Fault | ForEach-Object { $_.Output.StackStatus }) | Should -Be (@('CREATE_FAILED') * $faultsEach)
    }

    It 'lists all of them from every runspace at once (paging under load)' {
        $lists = @($read.Results | Where-Object Op -eq 'list')
        $lists.Count | Should -Be $throttle
        foreach ($l in $lists) {
            @($l.Output).Count | Should -Be ($stackCount + $faultsEach)
            @($l.Output.StackName | Sort-Object -Unique).Count | Should -Be ($stackCount + $faultsEach)
        }
    }

    It 'reads each stack by name and gets that stack, not another runspace''s' {
        foreach ($r in $read.Results | Where-Object Op -eq 'show') {
            $r.Output.StackName | Should -Be $r.Name
            "$($r.Output.Outputs.index)" | Should -Be "$($r.Index)"
        }
    }

    It 'removed every stack and waited until Heat forgot it' {
        $removed = @($remove.Results | Where-Object { -not $_.Fault })
        $removed.Count | Should -Be ($stackCount + $faultsEach)
        foreach ($r in $removed) {
            $r.Output.StackStatus | Should -Be 'DELETE_COMPLETE' -Because $r.Name
        }
    }

    It 'leaves nothing behind: not in Get-HeatStack, not in openstack stack list' {
        $leftByModule.StackName | Should -BeNullOrEmpty
        $leftByCli | Should -BeNullOrEmpty
    }
}
