# A stack's whole life against the real Heat (issue 9): update, converge, wait strictly, follow, outputs, actions,
# snapshots, bulk removal. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'lc{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    # Two resources driven by parameters: 'label' updates in place, 'flavor' replaces (update_replace on a change).
    $script:app = @'
heat_template_version: 2018-08-31
parameters:
  label: {type: string, default: one}
  flavor: {type: string, default: small}
  wait: {type: number, default: 0}
resources:
  config:
    type: OS::Heat::TestResource
    properties:
      value: {get_param: label}
      action_wait_secs: {update: {get_param: wait}}
  server:
    type: OS::Heat::TestResource
    properties:
      value: {get_param: flavor}
      update_replace_value: {get_param: flavor}
outputs:
  label: {value: {get_attr: [config, output]}}
  flavor: {value: {get_attr: [server, output]}, description: the server's flavor}
'@
    $script:appPlus = $app -replace 'outputs:', @'
  extra:
    type: OS::Heat::RandomString
    properties: {length: 8}
outputs:
'@
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe 'Update-HeatStack' -Tag Lab {
    BeforeAll {
        $script:upd = "$run-upd"
        New-HeatStack -Name $upd -Template $app -Parameter @{ label = 'one'; flavor = 'small' } -Wait | Out-Null
    }

    It 'with -WhatIf writes Heat''s preview and changes nothing' {
        $before = @(Get-HeatEvent $upd).Count
        $changes = Update-HeatStack $upd -Template $appPlus -Parameter @{ label = 'two'; flavor = 'large' } -WhatIf
        ($changes | Where-Object Name -eq 'extra').Change | Should -Be 'Added'
        ($changes | Where-Object Name -eq 'server').Change | Select-Object -Unique | Should -Be 'Replaced'
        ($changes | Where-Object Name -eq 'config').Change | Select-Object -Unique | Should -Be 'Updated'
        $label = $changes | Where-Object { $_.Kind -eq 'Parameter' -and $_.Name -eq 'label' }
        "$($label.Before) -> $($label.After)" | Should -Be 'one -> two'
        Start-Sleep -Seconds 2
        @(Get-HeatEvent $upd).Count | Should -Be $before
        (Get-HeatStack $upd).StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'Compare-HeatStack names each property and parameter that would change, and changes nothing' {
        $rows = Compare-HeatStack $upd -Template $appPlus -Parameter @{ label = 'two'; flavor = 'large' }
        ($rows | Where-Object { $_.Name -eq 'extra' }).Change | Should -Be 'Added'
        ($rows | Where-Object { $_.Kind -eq 'Parameter' -and $_.Name -eq 'flavor' }).After | Should -Be 'large'
        @($rows | Where-Object Change -eq 'Unchanged').Count | Should -Be 0
        @(Compare-HeatStack $upd -Template $appPlus -IncludeUnchanged | Where-Object Change -eq 'Unchanged').Count | Should -BeGreaterThan 0
        (Get-HeatStack $upd).StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'with -NoReplace refuses an update that would replace a resource, and sends none' {
        Update-HeatStack $upd -Template $app -Parameter @{ label = 'one'; flavor = 'large' } -NoReplace -Force -Wait -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'HeatStackReplaceRefused,*'
        $refused[0].Exception.Message | Should -Match 'server \(OS::Heat::TestResource\)'
        (Get-HeatStack $upd).StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'adds and replaces resources, waiting for UPDATE_COMPLETE' {
        $oldServer = (Get-HeatResource $upd server).PhysicalResourceId
        $done = Update-HeatStack $upd -Template $appPlus -Parameter @{ label = 'two'; flavor = 'large' } -Force -Wait -PassThru
        $done.StackStatus | Should -Be 'UPDATE_COMPLETE'
        (Get-HeatResource $upd extra).ResourceStatus | Should -Be 'CREATE_COMPLETE'
        (Get-HeatResource $upd server).PhysicalResourceId | Should -Not -Be $oldServer
        (Get-HeatStackOutput $upd -AsHashtable).flavor | Should -Be 'large'
    }

    It 'with -Existing keeps every parameter not given' {
        Update-HeatStack $upd -Existing -Parameter @{ label = 'three' } -Force -Wait
        $stack = Get-HeatStack $upd
        $stack.StackStatus | Should -Be 'UPDATE_COMPLETE'
        $stack.Parameters.label | Should -Be 'three'
        $stack.Parameters.flavor | Should -Be 'large'
        (Get-HeatResource $upd extra) | Should -Not -BeNullOrEmpty
    }

    It 'is cancelled by Stop-HeatStack, which waits for the rollback' {
        Update-HeatStack $upd -Existing -Parameter @{ label = 'slow'; wait = 60 } -Force
        $deadline = (Get-Date).AddSeconds(30)
        while ((Get-HeatResource $upd config).ResourceStatus -ne 'UPDATE_IN_PROGRESS' -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 500 }
        $stopped = Stop-HeatStack $upd -Force -Wait -PassThru -ErrorVariable stopErrors
        $stopErrors.Count | Should -Be 0
        $stopped.StackStatus | Should -Be 'ROLLBACK_COMPLETE'
        (Get-HeatStack $upd).Parameters.label | Should -Be 'three'
    }
}

Describe 'Set-HeatStack' -Tag Lab {
    It 'creates, then updates, then does nothing' {
        $name = "$run-set"
        $first = Set-HeatStack $name -Template $app -Parameter @{ label = 'a' } -Wait
        $second = Set-HeatStack $name -Template $app -Parameter @{ label = 'b' } -Wait
        $third = Set-HeatStack $name -Template $app -Parameter @{ label = 'b' } -Wait
        $first.Operation | Should -Be 'Created'
        $first.StackStatus | Should -Be 'CREATE_COMPLETE'
        $second.Operation | Should -Be 'Updated'
        $second.StackStatus | Should -Be 'UPDATE_COMPLETE'
        ($second.Changes | Where-Object ResourceName -eq 'config').Change | Should -Be 'Updated'
        $third.Operation | Should -Be 'Unchanged'
        (Get-HeatStack $name).StackStatus | Should -Be 'UPDATE_COMPLETE'
        @(Get-HeatEvent $name | Where-Object { $_.ResourceName -eq $name -and $_.ResourceStatus -eq 'UPDATE_COMPLETE' }).Count | Should -Be 1
    }
}

Describe 'Strict waits' -Tag Lab {
    It 'a create that fails surfaces through Wait-HeatStack with Heat''s reason and the failed resource' {
        $name = "$run-fail"
        New-HeatStack -Name $name -Template @'
heat_template_version: 2018-08-31
resources:
  ok: {type: OS::Heat::None}
  broken: {type: OS::Heat::TestResource, properties: {fail: true}}
'@ | Out-Null
        $final = Wait-HeatStack $name -Timeout 300 -ErrorVariable waitErrors -ErrorAction SilentlyContinue
        $final.StackStatus | Should -Be 'CREATE_FAILED'
        $waitErrors.Count | Should -Be 1
        $waitErrors[0].FullyQualifiedErrorId | Should -BeLike 'HeatStackFailed,*'
        # The root cause by its path, as Get-HeatStackFailure names it, and where to read it in full.
        $waitErrors[0].Exception.Message | Should -Match "Root cause: $([regex]::Escape($name))\.broken: .*Test Resource failed broken"
        $waitErrors[0].Exception.Message | Should -Match "Get-HeatStackFailure $([regex]::Escape($name))"
        $waitErrors[0].Exception.Message | Should -Match ([regex]::Escape((Get-HeatStack $name).StackStatusReason))
    }

    It 'a rollback that completed is an error, not a success' {
        $name = "$run-rb"
        $final = New-HeatStack -Name $name -Template @'
heat_template_version: 2018-08-31
resources:
  broken: {type: OS::Heat::TestResource, properties: {fail: true}}
'@ -EnableRollback -Wait -ErrorVariable rbErrors -ErrorAction SilentlyContinue
        $final.StackStatus | Should -Be 'ROLLBACK_COMPLETE'
        $rbErrors.Count | Should -Be 1
        $rbErrors[0].Exception.Message | Should -Match 'ROLLBACK_COMPLETE, not CREATE_COMPLETE'
    }

    It 'Wait-HeatStack waits for every piped stack, and a finished one at once' {
        $names = 1..3 | ForEach-Object { "$run-w$_" }
        $names | ForEach-Object { [pscustomobject]@{ StackName = $_ } } | New-HeatStack -Template $app | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $final = $names | Wait-HeatStack -Timeout 300
        @($final).Count | Should -Be 3
        $final.StackStatus | Sort-Object -Unique | Should -Be 'CREATE_COMPLETE'
        $again = $names | Wait-HeatStack -Timeout 300
        @($again).Count | Should -Be 3
    }
}

Describe 'Get-HeatEvent -Follow' -Tag Lab {
    It 'sees every event of a slow stack exactly once, and ends with it' {
        $name = "$run-follow"
        New-HeatStack -Name $name -Template @'
heat_template_version: 2018-08-31
resources:
  first: {type: OS::Heat::TestResource, properties: {value: a, action_wait_secs: {create: 4}}}
  second: {type: OS::Heat::TestResource, properties: {value: b, action_wait_secs: {create: 4}}, depends_on: first}
'@ | Out-Null
        $followed = @(Get-HeatEvent $name -Follow -FollowTimeoutMinutes 5)
        $all = @(Get-HeatEvent $name)
        $followed.Id | Sort-Object | Should -Be ($all.Id | Sort-Object)
        @($followed.Id | Sort-Object -Unique).Count | Should -Be $followed.Count
        $followed[-1].ResourceName | Should -Be $name
        $followed[-1].ResourceStatus | Should -Be 'CREATE_COMPLETE'
    }
}

Describe 'Outputs, template, environment, files' -Tag Lab {
    BeforeAll {
        $script:out = "$run-out"
        New-HeatStack -Name $out -Template $app -Parameter @{ label = 'shown'; flavor = 'tiny' } -Wait | Out-Null
    }

    It 'reads the outputs through their own routes, as objects or a map' {
        $outputs = Get-HeatStackOutput $out
        ($outputs | Where-Object OutputKey -eq 'label').OutputValue | Should -Be 'shown'
        ($outputs | Where-Object OutputKey -eq 'flavor').Description | Should -Be 'the server''s flavor'
        (Get-HeatStackOutput $out -AsHashtable).flavor | Should -Be 'tiny'
        (Get-HeatStackOutput $out fla*).OutputKey | Should -Be 'flavor'
        $stack = Get-HeatStack $out
        foreach ($o in $outputs) { $o.OutputValue | Should -Be $stack.Outputs[$o.OutputKey] }
    }

    It 'gives the template back as a file New-HeatStack takes again' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "$run-template.json"
        Get-HeatStackTemplate $out | Set-Content -Path $file
        try {
            $copy = New-HeatStack -Name "$run-copy" -TemplatePath $file -Parameter @{ label = 'copied' } -Wait
            $copy.StackStatus | Should -Be 'CREATE_COMPLETE'
            $copy.Outputs.label | Should -Be 'copied'
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }

    It 'gives the environment and the files Heat holds' {
        (Get-HeatStackEnvironment $out).parameters.label | Should -Be 'shown'
        Get-HeatStackFile $out | Should -BeOfType [hashtable]
    }

    It 'exports the stack to a file' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "$run-export.json"
        try {
            $written = Export-HeatStack $out -Path $file
            $written.FullName | Should -Be $file
            $data = Get-Content $file -Raw | ConvertFrom-Json
            $data.name | Should -Be $out
            $data.resources.config | Should -Not -BeNullOrEmpty
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

Describe 'Stack actions and snapshots' -Tag Lab {
    BeforeAll {
        $script:act = "$run-act"
        New-HeatStack -Name $act -Template $app -Parameter @{ label = 'before' } -Wait | Out-Null
    }

    It 'suspends, resumes and checks, each to *_COMPLETE' {
        (Suspend-HeatStack $act -Force -Wait -PassThru).StackStatus | Should -Be 'SUSPEND_COMPLETE'
        (Resume-HeatStack $act -Force -Wait -PassThru).StackStatus | Should -Be 'RESUME_COMPLETE'
        (Test-HeatStack $act -Force -Wait -PassThru).StackStatus | Should -Be 'CHECK_COMPLETE'
    }

    It 'restores a changed parameter from a snapshot' {
        $snapshot = New-HeatStackSnapshot $act -SnapshotName 'before' -Wait
        $snapshot.Status | Should -Be 'COMPLETE'
        (Get-HeatStackSnapshot $act).Id | Should -Contain $snapshot.Id
        Update-HeatStack $act -Existing -Parameter @{ label = 'after' } -Force -Wait
        (Get-HeatStackOutput $act label).OutputValue | Should -Be 'after'
        $restored = $snapshot | Restore-HeatStackSnapshot -Force -Wait -PassThru
        $restored.StackStatus | Should -Be 'RESTORE_COMPLETE'
        (Get-HeatStackOutput $act label).OutputValue | Should -Be 'before'
        $snapshot | Remove-HeatStackSnapshot -Force
        (Get-HeatStackSnapshot $act).Id | Should -Not -Contain $snapshot.Id
    }
}

Describe 'Remove-HeatStack in bulk' -Tag Lab {
    It 'removes 20 piped stacks, all gone when it returns, matching a wildcard' {
        $names = 1..20 | ForEach-Object { "$run-bulk-$_" }
        $names | ForEach-Object { [pscustomobject]@{ StackName = $_ } } |
            New-HeatStack -Template "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::None}" -Wait | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Remove-HeatStack "$run-bulk-*" -Force -Wait -ErrorVariable removeErrors
        Write-Host ("    20 stacks removed in {0:0.0} s" -f $watch.Elapsed.TotalSeconds)
        $removeErrors.Count | Should -Be 0
        @(Get-HeatStack "$run-bulk-*").Count | Should -Be 0
        (Invoke-OpenStack stack list -f value -c 'Stack Name') -match "^$run-bulk-" | Should -BeNullOrEmpty
    }
}

Describe 'The compare example' -Tag Lab {
    It 'shows the replacement and the hidden parameter without its value, then updates only the safe part' {
        $env:OS_AUTH_URL = $lab.auth_url; $env:OS_USERNAME = $lab.username; $env:OS_PASSWORD = $lab.password; $env:OS_PROJECT_NAME = $lab.project_name
        try {
            $plan = & (Join-Path $PSScriptRoot '../../examples/Compare-BeforeUpdate.ps1') -ModulePath $modulePath -ErrorVariable exampleErrors -ErrorAction SilentlyContinue 6>$null
        }
        finally { Remove-Item Env:OS_AUTH_URL, Env:OS_USERNAME, Env:OS_PASSWORD, Env:OS_PROJECT_NAME -ErrorAction SilentlyContinue }
        $rows = @($plan | Where-Object { $_ -is [Heat.Client.Models.HeatStackDifference] })
        ($rows | Where-Object { $_.Name -eq 'database' -and $_.Property -eq 'properties.update_replace_value' }).Change | Should -Be 'Replaced'
        ($rows | Where-Object { $_.Name -eq 'cache' }).Change | Should -Be 'Added'
        $secret = $rows | Where-Object { $_.Kind -eq 'Parameter' -and $_.Name -eq 'admin_password' }
        $secret.Before | Should -Be '(hidden)'
        $secret.After | Should -Be '(hidden)'
        ($rows | ForEach-Object { "$($_.Before) $($_.After)" }) -join ' ' | Should -Not -Match 'n3w|s3cret'
        @($exampleErrors | Where-Object { $_.FullyQualifiedErrorId -like 'HeatStackReplaceRefused*' }).Count | Should -Be 1
    }
}
