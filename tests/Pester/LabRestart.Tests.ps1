# Heat goes down and comes back while New-HeatStack -Wait waits (issue 7: resilience). Tagged Lab.
# Heat is restarted with lab/heat-lab.sh restart-heat, so this file must not run beside other users of the lab
# (build.ps1 Test runs the Pester files one after the other).
#
# What Heat 19 does with a stack that was CREATE_IN_PROGRESS when its engine went down depends on the engine:
# - convergence (Heat's default, the lab's default): nothing; the stack stays CREATE_IN_PROGRESS for good.
# - legacy (HEAT_LAB_CONVERGENCE=false): at start-up the engine marks it CREATE_FAILED,
#   "Engine went down during stack CREATE".
# A user's -Wait must ride out the minutes Heat refuses connections, then end as it would have without the
# restart: with Heat's verdict (legacy), or at its own timeout (convergence). Never a raw connection error,
# never a hang, never a success.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:manifest = Join-Path $modulePath 'Heat.PowerShell.psd1'
    Import-Module $manifest -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:labScript = Join-Path $PSScriptRoot '../../lab/heat-lab.sh'
    $cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:run = 'lr{0:x6}' -f (Get-Random -Maximum 0xffffff)
    # Long enough that Heat goes down in the middle of it, whatever the timing of the machine.
    $script:slowTemplate = @'
heat_template_version: 2018-08-31
resources:
  slow:
    type: OS::Heat::TestResource
    properties:
      value: slow
      action_wait_secs: {create: 25}
'@
    # Longer than the longest pause between two polls of the wait (10 s today), so that at least one poll
    # meets a Heat that refuses connections.
    $script:downSeconds = 12

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    function script:Restart-Heat {
        param([int] $DownSeconds, [switch] $Legacy)
        $env:HEAT_LAB_CONVERGENCE = if ($Legacy) { 'false' } else { 'true' }
        try {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $text = & bash $labScript restart-heat --down-seconds $DownSeconds 2>&1
            if ($LASTEXITCODE -ne 0) { throw "heat-lab.sh restart-heat failed: $($text -join "`n")" }
            $total = $watch.Elapsed.TotalSeconds
            # "[heat-lab + 17s] heat: up (...)": heat-all answers its root URL; nothing of Heat ran before that.
            $up = $text | ForEach-Object { "$_" } | Where-Object { $_ -match '^\[heat-lab \+\s*(\d+)s\] heat: up' } | Select-Object -Last 1
            $upAfter = if ($up -and $up -match '\+\s*(\d+)s') { [int]$Matches[1] } else { 0 }
            Write-Host ("    Heat restarted ({0} engine, {1} s down on purpose): heat-all up after {2} s, the lab ready after {3:0.0} s" -f
                $(if ($Legacy) { 'legacy' } else { 'convergence' }), $DownSeconds, $upAfter, $total)
            [pscustomobject]@{ UpAfter = $upAfter; ReadyAfter = $total }
        }
        finally {
            Remove-Item Env:HEAT_LAB_CONVERGENCE -ErrorAction SilentlyContinue
        }
    }

    # New-HeatStack -Wait in a runspace of its own, sharing this file's session, as a runbook in a job would.
    function script:Start-WaitingCreate {
        param([string] $Name, [int] $WaitTimeoutMinutes)
        $ps = [powershell]::Create()
        $state = [hashtable]::Synchronized(@{})
        $null = $ps.AddScript({
                param($Manifest, $Session, $Name, $Template, $WaitTimeoutMinutes, $State)
                Import-Module $Manifest
                try { New-HeatStack -Session $Session -Name $Name -Template $Template -DisableRollback -Wait -WaitTimeoutMinutes $WaitTimeoutMinutes }
                finally { $State.EndedAt = [datetime]::UtcNow }
            }).AddParameters(@{ Manifest = $manifest; Session = $session; Name = $Name; Template = $slowTemplate; WaitTimeoutMinutes = $WaitTimeoutMinutes; State = $state })
        [pscustomobject]@{ Name = $Name; PowerShell = $ps; Handle = $ps.BeginInvoke(); Watch = [Diagnostics.Stopwatch]::StartNew(); State = $state }
    }

    # What the runbook saw: its output, its error records, a terminating error if any, whether it hung.
    function script:Receive-WaitingCreate {
        param($Job, [int] $TimeoutSeconds)
        $finished = $Job.Handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($TimeoutSeconds))
        $seconds = $Job.Watch.Elapsed.TotalSeconds
        $output = @(); $terminating = $null
        if ($finished) {
            try { $output = @($Job.PowerShell.EndInvoke($Job.Handle)) }
            catch { $terminating = if ($_.Exception.InnerException.ErrorRecord) { $_.Exception.InnerException.ErrorRecord } else { $_ } }
        }
        else {
            # Bounded: Ctrl+C for the runbook, then give up on it.
            $stop = $Job.PowerShell.BeginStop($null, $null)
            $null = $stop.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(15))
        }
        $errors = @($Job.PowerShell.Streams.Error)
        $Job.PowerShell.Dispose()
        foreach ($e in $errors) { Write-Host "    error record: $($e.FullyQualifiedErrorId): $($e.Exception.Message)" }
        if ($terminating) { Write-Host "    terminating: $($terminating.FullyQualifiedErrorId): $($terminating.Exception.Message)" }
        Write-Host ("    -Wait {0} after {1:0.0} s; {2} object(s) out: {3}" -f $(if ($finished) { 'ended' } else { 'still waiting' }), $seconds,
            $output.Count, (($output | ForEach-Object { "$($_.StackName) $($_.StackStatus)" }) -join ', '))
        [pscustomobject]@{ Finished = $finished; Seconds = $seconds; EndedAt = $Job.State.EndedAt; Output = $output; Errors = $errors; Terminating = $terminating }
    }

    function script:Wait-CreateInProgress {
        param([string] $Name)
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        do {
            Start-Sleep -Milliseconds 500
            $s = Get-HeatStack -Session $session -Name $Name -ErrorAction SilentlyContinue
        } until ($s.StackStatus -eq 'CREATE_IN_PROGRESS' -or [datetime]::UtcNow -gt $deadline)
        if ($s.StackStatus -ne 'CREATE_IN_PROGRESS') { throw "$Name did not show CREATE_IN_PROGRESS within 30 s (saw '$($s.StackStatus)')" }
        $s
    }

    function script:Show-Stack([string] $Name) { Invoke-OpenStack stack show $Name -f json | ConvertFrom-Json }
}

AfterAll {
    # The lab must be left as found: up, with Heat's default engine, without this run's stacks.
    & bash $labScript status *> $null
    if ($LASTEXITCODE -ne 0) { & bash $labScript start *> $null }
    Get-HeatStack -Session $session "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Session $session -Force -Wait -WaitTimeoutMinutes 3 -ErrorAction Continue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe 'New-HeatStack -Wait while Heat restarts (convergence engine: Heat leaves the stack in progress)' -Tag Lab {
    BeforeAll {
        $script:name = "$run-conv"
        $job = Start-WaitingCreate -Name $name -WaitTimeoutMinutes 1
        $script:before = Wait-CreateInProgress $name
        Start-Sleep -Seconds 3   # the wait is under way: a few polls done
        $null = Restart-Heat -DownSeconds $downSeconds
        $script:backAfter = $job.Watch.Elapsed.TotalSeconds
        $script:afterRestart = Show-Stack $name
        # The wait's own timeout is 1 minute: it must end by itself soon after that.
        $script:result = Receive-WaitingCreate $job -TimeoutSeconds 120
        $script:shownAtEnd = Show-Stack $name
    }

    It 'Heat still shows the stack CREATE_IN_PROGRESS after the restart (what the wait is up against)' {
        $afterRestart.stack_status | Should -Be 'CREATE_IN_PROGRESS'
        $shownAtEnd.stack_status | Should -Be 'CREATE_IN_PROGRESS'
        $shownAtEnd.id | Should -Be $before.Id
    }

    It 'keeps waiting through the outage and ends by itself at its 1-minute timeout, not before, without terminating' {
        $result.Finished | Should -BeTrue -Because 'a wait must not hang'
        $result.Terminating | Should -BeNullOrEmpty
        $result.Seconds | Should -BeGreaterThan 55 -Because "Heat was back after $([int]$backAfter) s and the wait had 60 s: ending earlier means the outage ended it"
        $result.Seconds | Should -BeLessThan 100
    }

    It 'writes exactly one error: HeatStackTimeout, naming the stack and the state Heat left it in' {
        @($result.Errors).Count | Should -Be 1 -Because (($result.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }) -join '; ')
        $e = $result.Errors[0]
        $e.FullyQualifiedErrorId | Should -Be 'HeatStackTimeout,Heat.PowerShell.Cmdlets.NewHeatStack'
        $e.CategoryInfo.Category | Should -Be 'OperationTimeout'
        "$($e.TargetObject)" | Should -Be $name
        $e.Exception.Message | Should -Match 'CREATE_IN_PROGRESS'
        $e.Exception.Message | Should -Not -Match 'refused|actively|connect'
    }

    It 'returns the stack as Heat last showed it, as it does for a stack that failed' {
        # A runbook that waited needs the stack (its id, to look at it or delete it) however the wait ended.
        @($result.Output).Count | Should -Be 1
        $result.Output[0].StackName | Should -Be $name
        $result.Output[0].Id | Should -Be $shownAtEnd.id
        $result.Output[0].StackStatus | Should -Be 'CREATE_IN_PROGRESS'
    }

    It 'leaves the session usable: the next call succeeds' {
        (Get-HeatStack -Session $session -Name $name).StackStatus | Should -Be 'CREATE_IN_PROGRESS'
    }

    AfterAll {
        # Heat deletes a stack it left in progress (about 20 s).
        Remove-HeatStack -Session $session -Name $name -Force -Wait -WaitTimeoutMinutes 3 -ErrorAction Continue
    }
}

Describe 'New-HeatStack -Wait while Heat restarts (legacy engine: Heat fails the stack at start-up)' -Tag Lab {
    BeforeAll {
        # Stacks remember their engine: this one must be created by a legacy engine.
        $null = Restart-Heat -DownSeconds 0 -Legacy
        $script:name = "$run-legacy"
        $job = Start-WaitingCreate -Name $name -WaitTimeoutMinutes 5
        $script:before = Wait-CreateInProgress $name
        Start-Sleep -Seconds 3
        $downFrom = $job.Watch.Elapsed.TotalSeconds
        $restart = Restart-Heat -DownSeconds $downSeconds -Legacy
        # whole seconds in the lab's log: one second of slack
        $script:upAt = $downFrom + $restart.UpAfter - 1
        # Heat's verdict comes from a thread of its start-up, a moment after it answers again; the wait's next
        # poll (10 s apart at most) must see it.
        $script:result = Receive-WaitingCreate $job -TimeoutSeconds 60
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while ((Get-HeatStack -Session $session -Name $name).StackStatus -eq 'CREATE_IN_PROGRESS' -and [datetime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 500
        }
        $script:shown = Show-Stack $name
        # When Heat gave its verdict: the stack's own CREATE_FAILED event.
        $script:verdictAt = (Get-HeatEvent -Session $session -StackName $name |
                Where-Object { $_.ResourceName -eq $name -and $_.ResourceStatus -eq 'CREATE_FAILED' } | Select-Object -First 1).EventTime
        Write-Host "    Heat's verdict at $($verdictAt.ToString('HH:mm:ss.fff')) UTC; the wait ended at $($result.EndedAt.ToString('HH:mm:ss.fff')) UTC"
    }

    It 'Heat marked the stack CREATE_FAILED with its reason (what the wait must report)' {
        $shown.stack_status | Should -Be 'CREATE_FAILED'
        $shown.stack_status_reason | Should -Match 'Engine went down during stack CREATE'
        $verdictAt | Should -Not -BeNullOrEmpty
    }

    It 'ends by itself soon after Heat gave its verdict, not before, without terminating' {
        $result.Finished | Should -BeTrue -Because 'a wait must not hang'
        $result.Terminating | Should -BeNullOrEmpty
        # Heat's event times have whole seconds at best: one second of slack.
        $result.EndedAt | Should -BeGreaterThan $verdictAt.AddSeconds(-1) -Because 'the wait can only report a verdict that exists'
        $result.EndedAt | Should -BeLessThan $verdictAt.AddSeconds(30)
        $result.Seconds | Should -BeGreaterThan $upAt -Because "heat-all was up again only $([int]$upAt) s after the wait began"
    }

    It 'writes exactly one error: HeatStackFailed, with Heat''s reason' {
        @($result.Errors).Count | Should -Be 1 -Because (($result.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }) -join '; ')
        $e = $result.Errors[0]
        $e.FullyQualifiedErrorId | Should -Be 'HeatStackFailed,Heat.PowerShell.Cmdlets.NewHeatStack'
        $e.CategoryInfo.Category | Should -Be 'InvalidResult'
        $e.Exception.Message | Should -Match 'CREATE_FAILED'
        $e.Exception.Message | Should -Match 'Engine went down during stack CREATE'
        "$($e.TargetObject)" | Should -Be $name
    }

    It 'returns the failed stack as Heat shows it' {
        @($result.Output).Count | Should -Be 1
        $s = $result.Output[0]
        $s.StackName | Should -Be $name
        $s.Id | Should -Be $shown.id
        $s.StackStatus | Should -Be $shown.stack_status
        $s.StackStatusReason | Should -Be $shown.stack_status_reason
    }

    AfterAll {
        Remove-HeatStack -Session $session -Name $name -Force -Wait -WaitTimeoutMinutes 3 -ErrorAction Continue
        # Back to Heat's default engine for whoever comes next.
        $null = Restart-Heat -DownSeconds 0
    }
}
