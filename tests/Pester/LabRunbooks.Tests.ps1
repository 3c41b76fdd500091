# The runbook examples against the real Heat (issue 12): each run the way a user runs it, judged by what it writes, its
# exit code and what is left on the cloud. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $script:modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'rb{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:examples = Join-Path $PSScriptRoot '../../examples'
    $script:small = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::RandomString, properties: {length: 4}}"
}

AfterAll {
    # A stack already being deleted is waited for, not deleted again (Heat would start its slow deletion over).
    $left = @(Get-HeatStack "$run-*" -ErrorAction SilentlyContinue)
    $left | Where-Object StackStatus -ne 'DELETE_IN_PROGRESS' | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    $left | Where-Object StackStatus -eq 'DELETE_IN_PROGRESS' | Wait-HeatStack -Timeout 180 -ErrorAction SilentlyContinue | Out-Null
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe 'The nightly teardown example (Remove-HeatExpiredStack.ps1)' -Tag Lab {
    BeforeAll {
        $script:tag = "$run-nightly"
        # Two old enough with the tag (one slow to delete, so that its deletion outlasts the runbook's one-minute wait and
        # fails; it goes by itself a little later), one old enough without it, then, later, one with the tag that is too
        # young. The lab cannot make old stacks: -Now moves the clock
        # instead, to one day after a moment between the old ones and the young one, as Heat dated them.
        $old = @(
            [pscustomobject]@{ StackName = "$run-old"; Tag = @($tag, 'other') }
            [pscustomobject]@{ StackName = "$run-slow"; Tag = @($tag) }
            [pscustomobject]@{ StackName = "$run-untagged"; Tag = @('other') }
        )
        $null = $old[0, 2] | New-HeatStack -Template $small -Wait
        $slowDelete = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::TestResource, properties: {action_wait_secs: {delete: 75}}}"
        $null = $old[1] | New-HeatStack -Template $slowDelete -Wait
        Start-Sleep -Seconds 2
        $script:young = New-HeatStack -StackName "$run-young" -Template $small -Tag $tag -Wait
        $lastOld = (Get-HeatStack "$run-old", "$run-slow", "$run-untagged" | Measure-Object CreationTime -Maximum).Maximum
        $lastOld | Should -BeLessThan $young.CreationTime
        $script:now = $lastOld.AddTicks(($young.CreationTime - $lastOld).Ticks / 2).AddDays(3)
        # -Name keeps the sweep to this run's stacks even if the runbook's tag filter broke.
        $script:teardown = @{ Tag = $tag; Name = "$run-*"; OlderThanDays = 3; Now = $now; Session = $session; ModulePath = $modulePath }
        $script:statusOf = { param($name) (Get-HeatStack $name -ErrorAction SilentlyContinue).StackStatus }
    }

    It 'with -WhatIf lists the old tagged stacks, deletes nothing, and exits 0' {
        $rows = @(& (Join-Path $examples 'Remove-HeatExpiredStack.ps1') @teardown -WhatIf 6>$null)
        $LASTEXITCODE | Should -Be 0

        $rows.StackName | Sort-Object | Should -Be @("$run-old", "$run-slow")
        $rows.Outcome | Sort-Object -Unique | Should -Be 'WhatIf'
        $rows | ForEach-Object { $_.AgeDays | Should -BeGreaterOrEqual 3 }
        foreach ($name in "$run-old", "$run-slow", "$run-untagged", "$run-young") { & $statusOf $name | Should -Be 'CREATE_COMPLETE' }
    }

    It 'removes the old tagged stacks, reports the one that would not go and exits 1, and leaves the rest alone' {
        $rows = @(& (Join-Path $examples 'Remove-HeatExpiredStack.ps1') @teardown -ThrottleLimit 2 -WaitTimeoutMinutes 1 -WarningVariable warned -WarningAction SilentlyContinue)
        $LASTEXITCODE | Should -Be 1

        $rows.Count | Should -Be 2
        $removed = $rows | Where-Object StackName -eq "$run-old"
        $removed.Outcome | Should -Be 'Removed'
        $failed = $rows | Where-Object StackName -eq "$run-slow"
        $failed.Outcome | Should -Be 'Failed'
        $failed.Reason | Should -BeLike "*$run-slow*still DELETE_IN_PROGRESS after 1 minute*"
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "$run-slow was not removed:*"

        { Get-HeatStack "$run-old" -ErrorAction Stop } | Should -Throw -ErrorId 'HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStack'
        & $statusOf "$run-slow" | Should -Be 'DELETE_IN_PROGRESS'
        & $statusOf "$run-untagged" | Should -Be 'CREATE_COMPLETE'
        & $statusOf "$run-young" | Should -Be 'CREATE_COMPLETE'
    }
}

Describe 'The blue/green example (Invoke-HeatBlueGreen.ps1)' -Tag Lab {
    BeforeAll {
        $script:app = "$run-bg"
        $script:blueGreen = { param([hashtable] $Arguments) & (Join-Path $examples 'Invoke-HeatBlueGreen.ps1') -Name $app -Session $session -ModulePath $modulePath @Arguments -WarningVariable script:warned -WarningAction SilentlyContinue }
        $script:liveStack = { (Get-HeatStack "$app-live").Outputs.live_stack }
        $script:exists = { param($name) [bool](Get-HeatStack $name -ErrorAction SilentlyContinue) }
    }

    It 'with -WhatIf creates nothing' {
        $result = & $blueGreen @{ Parameter = @{ version = '1' }; WhatIf = $true }
        $LASTEXITCODE | Should -Be 0
        $result.Outcome | Should -Be 'WhatIf'
        $result.Candidate | Should -Be "$app-blue"
        Get-HeatStack "$app-*" | Should -BeNullOrEmpty
    }

    It 'deploys the first release as blue and creates the router pointing at it' {
        $result = & $blueGreen @{ Parameter = @{ version = '1' } }
        $LASTEXITCODE | Should -Be 0 -Because $result.Reason
        $result.Outcome | Should -Be 'Switched'
        $result.Live | Should -Be "$app-blue"
        & $liveStack | Should -Be "$app-blue"
        (Get-HeatStack "$app-blue").Outputs.version | Should -Be '1'
    }

    It 'deploys the next release as green after its health check, switches, and removes blue' {
        $result = & $blueGreen @{ Parameter = @{ version = '2' }; HealthCheck = { param($stack) $stack.Outputs.health -eq 'release-2' } }
        $LASTEXITCODE | Should -Be 0 -Because $result.Reason
        $result.Outcome | Should -Be 'Switched'
        $result.Previous | Should -Be "$app-blue"
        $result.Live | Should -Be "$app-green"
        & $liveStack | Should -Be "$app-green"
        (Get-HeatStack "$app-green").StackStatus | Should -Be 'CHECK_COMPLETE'
        & $exists "$app-blue" | Should -BeFalse
    }

    It 'rolls back a release that fails to deploy: removes it, exits 1, and green stays live' {
        $result = & $blueGreen @{ Parameter = @{ version = '3'; broken = $true } }
        $LASTEXITCODE | Should -Be 1
        $result.Outcome | Should -Be 'RolledBack'
        $result.Candidate | Should -Be "$app-blue"
        $result.Live | Should -Be "$app-green"
        $result.Reason | Should -BeLike "*$app-blue did not deploy*Test Resource failed app*"
        $warned.Count | Should -Be 1
        & $liveStack | Should -Be "$app-green"
        (Get-HeatStack "$app-green").Outputs.version | Should -Be '2'
        & $exists "$app-blue" | Should -BeFalse
    }

    It 'rolls back a release that deploys but fails its health check' {
        $result = & $blueGreen @{ Parameter = @{ version = '4' }; HealthCheck = { param($stack) $stack.Outputs.health -eq 'release-5' } }
        $LASTEXITCODE | Should -Be 1
        $result.Outcome | Should -Be 'RolledBack'
        $result.Reason | Should -Be "$app-blue failed the health check."
        & $liveStack | Should -Be "$app-green"
        & $exists "$app-blue" | Should -BeFalse
    }
}

Describe 'The failed-stack events example (Export-HeatFailedStackEvent.ps1)' -Tag Lab {
    BeforeAll {
        $script:eventsTag = "$run-events"
        # Worker 0 of two fails its migrate step, two stacks below the app; a healthy stack carries the same tag.
        $null = New-HeatStack -StackName "$run-failed" -TemplatePath (Join-Path $examples 'templates/failing/app.yaml') -Tag $eventsTag -Wait `
            -ErrorAction SilentlyContinue
        $null = New-HeatStack -StackName "$run-healthy" -Template $small -Tag $eventsTag -Wait
        $script:exportEvents = { param([hashtable] $Arguments) & (Join-Path $examples 'Export-HeatFailedStackEvent.ps1') -Session $session -ModulePath $modulePath @Arguments }
    }

    It 'writes every event of the failed stacks with that tag, nested ones included, and the failing resource''s reason' {
        $csv = Join-Path $TestDrive 'failed.csv'
        $file = & $exportEvents @{ Tag = $eventsTag; Path = $csv }
        $LASTEXITCODE | Should -Be 0
        $file.FullName | Should -Be $csv

        $rows = @(Import-Csv $csv)
        $rows.RootStackName | Sort-Object -Unique | Should -Be "$run-failed"
        $rows.Count | Should -Be @(Get-HeatEvent "$run-failed" -NestedDepth 5).Count
        $migrate = @($rows | Where-Object { $_.ResourceName -eq 'migrate' -and $_.ResourceStatus -eq 'CREATE_FAILED' })
        $migrate.Count | Should -Be 1
        $migrate[0].ResourceStatusReason | Should -Be 'ValueError: resources.migrate: Test Resource failed migrate'
        $migrate[0].StackName | Should -BeLike "$run-failed-workers-*"
        $migrate[0].ResourceAction | Should -Be 'CREATE'
        { [datetime]::Parse($migrate[0].EventTime, [cultureinfo]::InvariantCulture) } | Should -Not -Throw
        @($rows | Where-Object ResourceStatus -eq 'CREATE_COMPLETE').Count | Should -BeGreaterThan 0
    }

    It 'with -StackName and -FailedOnly writes only that stack''s failure events' {
        $csv = Join-Path $TestDrive 'only-failures.csv'
        $null = & $exportEvents @{ StackName = "$run-failed"; FailedOnly = $true; Path = $csv }
        $LASTEXITCODE | Should -Be 0

        $rows = @(Import-Csv $csv)
        $rows.Count | Should -BeGreaterThan 1
        $rows | ForEach-Object { $_.ResourceStatus | Should -BeLike '*_FAILED' }
        $rows.ResourceName | Should -Contain 'migrate'
    }

    It 'exits 2 and writes no file for a stack that does not exist' {
        $csv = Join-Path $TestDrive 'missing.csv'
        $null = & $exportEvents @{ StackName = "$run-no-such-stack"; Path = $csv } 2>$null
        $LASTEXITCODE | Should -Be 2
        Test-Path $csv | Should -BeFalse
    }
}

Describe 'The runbooks connect as the openstack client does' -Tag Lab {
    BeforeAll {
        # One young tagged stack; the teardown with -WhatIf and a clock moved ahead lists it without deleting it.
        $script:envTag = "$run-env"
        New-HeatStack "$run-env-a" -Template $small -Tag $envTag -Wait -Session $session | Out-Null
        $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
        $script:cloudsFile = Join-Path $labDir 'clouds.yaml'
        $script:emptyHome = Join-Path ([IO.Path]::GetTempPath()) "$run-home"
        New-Item -ItemType Directory -Path $emptyHome -Force | Out-Null
        # The teardown in a child pwsh started as a scheduler starts it, with only the variables given (no -Session, no
        # cloud parameters), in an empty folder under an empty home: no clouds.yaml but the one named.
        $script:teardownIn = {
            param([hashtable] $Variables)
            $startInfo = [Diagnostics.ProcessStartInfo]::new()
            $native = Join-Path $PSHOME 'pwsh'
            if ((Test-Path $native -PathType Leaf) -and (Get-Item $native).UnixFileMode -match 'x') { $startInfo.FileName = $native }
            else { $startInfo.FileName = 'dotnet'; $startInfo.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
            foreach ($a in '-NoProfile', '-NonInteractive', '-File', (Join-Path $examples 'Remove-HeatExpiredStack.ps1'), '-Tag', $envTag,
                '-OlderThanDays', '0', '-Now', ([datetime]::UtcNow.AddMinutes(10).ToString('o')), '-WhatIf', '-ModulePath', $modulePath) {
                $startInfo.ArgumentList.Add($a)
            }
            $startInfo.WorkingDirectory = $emptyHome
            $startInfo.RedirectStandardOutput = $true
            $startInfo.RedirectStandardError = $true
            $startInfo.RedirectStandardInput = $true
            foreach ($name in @($startInfo.Environment.Keys)) { if ($name -like 'OS_*') { $startInfo.Environment.Remove($name) | Out-Null } }
            $startInfo.Environment['HOME'] = $emptyHome
            $startInfo.Environment['XDG_CONFIG_HOME'] = $emptyHome
            foreach ($key in $Variables.Keys) { $startInfo.Environment[$key] = $Variables[$key] }
            $process = [Diagnostics.Process]::Start($startInfo)
            $process.StandardInput.Close()
            $errors = $process.StandardError.ReadToEndAsync()
            $out = $process.StandardOutput.ReadToEnd()
            if (-not $process.WaitForExit(180000)) { $process.Kill($true); throw 'the runbook did not finish in 3 minutes' }
            [pscustomobject]@{ ExitCode = $process.ExitCode; Text = $out + $errors.Result }
        }
    }

    AfterAll {
        Remove-HeatStack "$run-env-*" -Force -Wait -Session $session -ErrorAction SilentlyContinue
        Remove-Item $emptyHome -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'reads the variables of an openrc when given no cloud' {
        $result = & $teardownIn @{
            OS_AUTH_URL = $lab.auth_url; OS_USERNAME = $lab.username; OS_PASSWORD = $lab.password; OS_PROJECT_NAME = $lab.project_name
            OS_USER_DOMAIN_NAME = 'Default'; OS_PROJECT_DOMAIN_NAME = 'Default'
        }
        $result.Text | Should -Match "$run-env-a"
        $result.Text | Should -Match 'WhatIf'
        $result.ExitCode | Should -Be 0
        (Get-HeatStack "$run-env-a" -Session $session).StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'reads a cloud of clouds.yaml named by OS_CLOUD' {
        $result = & $teardownIn @{ OS_CLIENT_CONFIG_FILE = $cloudsFile; OS_CLOUD = 'heat-lab' }
        $result.Text | Should -Match "$run-env-a"
        $result.ExitCode | Should -Be 0
    }

    It 'exits 2 naming what is missing when nothing says which cloud' {
        $result = & $teardownIn @{}
        $result.ExitCode | Should -Be 2
        $result.Text | Should -Match 'OS_CLOUD and OS_AUTH_URL are not set'
    }
}
