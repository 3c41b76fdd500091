# Why stacks failed, against the real Heat (issue 10): Get-HeatStackFailure on a TestResource that fails three stacks
# down in a ResourceGroup, next to `openstack stack failures list --long` on the same stack; Test-HeatStack -Detailed on
# a check that Heat fails; the example runbook. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $script:modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'fl{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:examples = Join-Path $PSScriptRoot '../../examples'

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    # `openstack stack failures list --long` prints, per failure: "<stack>.<resource>...:" then "  resource_type: ...",
    # "  physical_resource_id: ...", "  status: ...", "  status_reason: |" and the reason indented by four.
    function script:Get-ReferenceFailures([string] $Stack) {
        $failures = [System.Collections.Generic.List[object]]::new()
        $current = $null
        $inReason = $false
        foreach ($line in (Invoke-OpenStack stack failures list --long $Stack) -split "`r?`n") {
            if ($line -match '^(\S.*):$') {
                $current = [ordered]@{ ResourcePath = $Matches[1]; Reason = [System.Collections.Generic.List[string]]::new() }
                $failures.Add($current)
                $inReason = $false
            }
            elseif ($line -match '^  status_reason: \|$') { $inReason = $true }
            elseif ($line -match '^  (resource_type|physical_resource_id|status): ?(.*)$') { $current[$Matches[1]] = $Matches[2]; $inReason = $false }
            elseif ($inReason -and $line -match '^    (.*)$') { $current.Reason.Add($Matches[1]) }
        }
        foreach ($f in $failures) {
            [pscustomobject]@{
                ResourcePath = $f.ResourcePath; ResourceType = $f.resource_type; PhysicalResourceId = $f.physical_resource_id
                ResourceStatus = $f.status; ResourceStatusReason = $f.Reason -join "`n"
            }
        }
    }
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe 'Get-HeatStackFailure on a stack that failed three stacks down' -Tag Lab {
    BeforeAll {
        $script:app = "$run-app"
        # Worker 0 of two fails; New-HeatStack -Wait reports that as an error record, which is expected here.
        $null = New-HeatStack -Name $app -TemplatePath (Join-Path $examples 'templates/failing/app.yaml') -Tag it, $run -Wait `
            -ErrorVariable errors -ErrorAction SilentlyContinue
        $script:createErrors = $errors
        $script:failures = @(Get-HeatStackFailure $app)
        $script:nested = @(Get-HeatResource $app -NestedDepth 2)
    }

    It 'is a failed create, reported by New-HeatStack -Wait' {
        $createErrors.Count | Should -Be 1
        $createErrors[0].FullyQualifiedErrorId | Should -Be 'HeatStackFailed,Heat.PowerShell.Cmdlets.NewHeatStack'
        (Get-HeatStack $app).StackStatus | Should -Be 'CREATE_FAILED'
    }

    It 'returns exactly the resource that failed, not the group or the member above it' {
        $failures.Count | Should -Be 1
        $failures[0].ResourceName | Should -Be 'migrate'
        $failures[0].ResourceType | Should -Be 'OS::Heat::TestResource'
        $failures[0].ResourceStatus | Should -Be 'CREATE_FAILED'
        $failures[0].ResourceStatusReason | Should -Be 'ValueError: resources.migrate: Test Resource failed migrate'
        $failures[0].ResourcePath | Should -Be "$app.workers.0.migrate"
    }

    It 'gives the path of stacks from the top, and the stack that holds the resource' {
        $group = $nested | Where-Object { $_.StackName -eq $app -and $_.ResourceName -eq 'workers' }
        $member = $nested | Where-Object { $_.StackName -eq $group.NestedStackName -and $_.ResourceName -eq '0' }
        $failures[0].Path | Should -Be @($app, $group.NestedStackName, $member.NestedStackName)
        $failures[0].Path[2] | Should -Match "^$app-workers-\w+-0-\w+$"
        $failures[0].StackName | Should -Be $member.NestedStackName
        $failures[0].StackId | Should -Be $member.NestedStackId
        ($nested | Where-Object { $_.StackId -eq $member.NestedStackId -and $_.ResourceName -eq 'migrate' }).ResourceStatus | Should -Be 'CREATE_FAILED'
        $failures[0].RootStackName | Should -Be $app
    }

    It 'names the failed resource in nested events and resources as the failure does, and shows it so' {
        # Both workers have a migrate; worker 0's failed.
        ($nested | Where-Object ResourceName -eq 'migrate').ResourcePath | Sort-Object | Should -Be @("$app.workers.0.migrate", "$app.workers.1.migrate")
        ($nested | Where-Object { $_.ResourceName -eq 'migrate' -and $_.ResourceStatus -eq 'CREATE_FAILED' }).ResourcePath | Should -Be $failures[0].ResourcePath
        $events = @(Get-HeatEvent $app -NestedDepth 2)
        $failed = @($events | Where-Object { $_.ResourceName -eq 'migrate' -and $_.ResourceStatus -eq 'CREATE_FAILED' })
        $failed.Count | Should -Be 1
        $failed[0].RootStackName | Should -Be $app
        $failed[0].ResourcePath | Should -Be $failures[0].ResourcePath
        $plain = $failed | Out-String -Width 120
        $plain | Should -Match ([regex]::Escape("$app.workers.0.migrate") + '\s+(\e\[[0-9;]*m)?CREATE_FAILED(\e\[[0-9;]*m)? ValueError')
    }

    It 'gives the first failure event, in UTC' {
        $failures[0].FirstFailureEvent.ResourceName | Should -Be 'migrate'
        $failures[0].FirstFailureEvent.ResourceStatus | Should -Be 'CREATE_FAILED'
        $failures[0].FirstFailureEvent.ResourceStatusReason | Should -Be $failures[0].ResourceStatusReason
        $failures[0].FirstFailureTime.Kind | Should -Be 'Utc'
        $failures[0].FirstFailureTime | Should -BeGreaterOrEqual (Get-HeatStack $app).CreationTime
    }

    It 'agrees with openstack stack failures list --long on the same stack' {
        $reference = @(Get-ReferenceFailures $app)
        $reference.Count | Should -Be $failures.Count
        $reference[0].ResourcePath | Should -Be $failures[0].ResourcePath
        $reference[0].ResourceType | Should -Be $failures[0].ResourceType
        $reference[0].PhysicalResourceId | Should -Be "$($failures[0].PhysicalResourceId)"
        $reference[0].ResourceStatus | Should -Be $failures[0].ResourceStatus
        $reference[0].ResourceStatusReason | Should -Be $failures[0].ResourceStatusReason
    }

    It 'works from the pipeline: Get-HeatStack -Status FAILED | Get-HeatStackFailure' {
        $piped = @(Get-HeatStack -Status FAILED | Where-Object StackName -eq $app | Get-HeatStackFailure)
        $piped.ResourcePath | Should -Be @("$app.workers.0.migrate")
    }

    It 'pipes into Get-HeatResource and Get-HeatEvent as the nested resource' {
        $resource = $failures | Get-HeatResource
        $resource.StackName | Should -Be $failures[0].StackName
        $resource.ResourceStatus | Should -Be 'CREATE_FAILED'
        ($failures | Get-HeatEvent).ResourceStatus | Should -Contain 'CREATE_FAILED'
    }

    It 'writes nothing for the healthy worker''s stack, and says so with -Verbose' {
        $group = $nested | Where-Object { $_.StackName -eq $app -and $_.ResourceName -eq 'workers' }
        $healthy = $nested | Where-Object { $_.StackName -eq $group.NestedStackName -and $_.ResourceName -eq '1' }
        $healthy.ResourceStatus | Should -Be 'CREATE_COMPLETE'
        $all = @(Get-HeatStackFailure -StackName $healthy.NestedStackName -StackId $healthy.NestedStackId -Verbose 4>&1)
        @($all | Where-Object { $_ -is [Heat.Client.Models.HeatStackFailure] }).Count | Should -Be 0
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Stack $($healthy.NestedStackName) ($($healthy.NestedStackId)) is CREATE_COMPLETE: none of its resources failed."
    }

    It 'reports a stack that does not exist as HeatStackNotFound and goes on' {
        $found = @("$run-no-such-stack", $app | Get-HeatStackFailure -ErrorVariable missing -ErrorAction SilentlyContinue)
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStackFailure'
        $found.ResourceName | Should -Be @('migrate')
    }
}

Describe 'Test-HeatStack -Detailed on a check that Heat fails' -Tag Lab {
    BeforeAll {
        # TestResource has no check of its own ("CHECK not supported" counts as passed), so the failing check here is
        # Heat's own: 'later' was never created (it depends on 'broken', which fails), and a resource that does not
        # exist cannot be checked.
        $script:checked = "$run-check"
        $null = New-HeatStack -Name $checked -TemplatePath (Join-Path $PSScriptRoot 'templates/check/app.yaml') -Tag it, $run -Wait -ErrorAction SilentlyContinue
        $script:report = @(Test-HeatStack $checked -Detailed -Force -ErrorVariable errors -ErrorAction SilentlyContinue)
        $script:checkErrors = $errors
    }

    It 'waits for the check and reports the stack as not CHECK_COMPLETE' {
        (Get-HeatStack $checked).StackStatus | Should -Be 'CHECK_FAILED'
        $checkErrors.Count | Should -Be 1
        $checkErrors[0].FullyQualifiedErrorId | Should -Be 'HeatStackFailed,Heat.PowerShell.Cmdlets.TestHeatStack'
    }

    It 'writes the resource whose check failed, two stacks down, and why' {
        $report.Count | Should -Be 1
        $report[0].ResourceName | Should -Be 'later'
        $report[0].ResourceStatus | Should -Be 'CHECK_FAILED'
        $report[0].ResourceStatusReason | Should -Be 'Can not check later, resource not created yet.'
        $report[0].Path.Count | Should -Be 2
        $report[0].Path[1] | Should -Match "^$checked-tier-\w+$"
        $report[0].FirstFailureEvent.ResourceStatus | Should -Be 'CHECK_FAILED'
    }

    It 'agrees with openstack stack failures list --long after the check' {
        $reference = @(Get-ReferenceFailures $checked)
        $reference.ResourcePath | Should -Be @("$checked.tier.later")
        $reference[0].ResourcePath | Should -Be $report[0].ResourcePath
        $reference[0].ResourceStatusReason | Should -Be $report[0].ResourceStatusReason
    }
}

Describe 'The failure example' -Tag Lab {
    It 'creates a failing stack, finds its one root cause, and removes the stack' {
        $name = "$run-example"
        $out = @(& (Join-Path $examples 'Invoke-HeatFailureDemo.ps1') -ModulePath $modulePath -Session $session -StackName $name 6>$null)
        $out.Count | Should -Be 1
        $out[0].ResourcePath | Should -Be "$name.workers.0.migrate"
        $out[0].Path.Count | Should -Be 3
        $left = Get-HeatStack $name -ErrorAction SilentlyContinue -ErrorVariable gone
        $left | Should -BeNullOrEmpty
        $gone[0].FullyQualifiedErrorId | Should -Be 'HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStack'
    }
}
