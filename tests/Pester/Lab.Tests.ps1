# Integration tests against a real Keystone and Heat (the lab, lab/heat-lab.sh). Tagged Lab:
# build.ps1 Test starts the lab first; build.ps1 UnitTest leaves these out.

BeforeDiscovery {
    $script:labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
}

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:password = ConvertTo-SecureString $lab.password -AsPlainText -Force
    $script:cred = [pscredential]::new($lab.username, $password)
    $script:templates = Join-Path $PSScriptRoot 'templates'
    # A run id keeps stacks of two runs (or a failed earlier run) apart.
    $script:run = 'it{0:x4}' -f (Get-Random -Maximum 65535)

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru

    # The stacks most tests read: created once, all at once, waited for together.
    $script:web = "$run-web"
    $script:cfn = "$run-cfn"
    $script:created = @(
        New-HeatStack -Name $web -TemplatePath (Join-Path $templates 'web-tier.yaml') -Parameter @{ greeting = 'hi there'; replicas = 2 } -Tag 'it', $run
        New-HeatStack -Name $cfn -TemplatePath (Join-Path $templates 'cfn-bucket.json') -Parameter @{ Length = 16 } -Tag 'it', 'cfn'
    ) | ForEach-Object { $_ } 
    $null = $created | Get-HeatStack | Where-Object { $_.StackStatus -eq 'CREATE_IN_PROGRESS' }
    foreach ($stack in $created) {
        $deadline = (Get-Date).AddMinutes(5)
        do { Start-Sleep -Milliseconds 500; $s = $stack | Get-HeatStack } while ($s.StackStatus -eq 'CREATE_IN_PROGRESS' -and (Get-Date) -lt $deadline)
    }
}

AfterAll {
    # Whatever a failed test left behind.
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService
}

Describe 'Connecting to a real Keystone' -Tag Lab {
    It 'connects with a password (v3) and finds Heat in the catalog' {
        $s = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
        $s.HeatEndpoint | Should -Be $lab.heat_endpoint
        $s.ProjectId | Should -Be $lab.project_id
        $s.UserName | Should -Be $lab.username
        $s.KeystoneVersion | Should -Be 'v3'
        $s.ExpiresAt | Should -BeGreaterThan ([datetime]::UtcNow)
        $s.ExpiresAt.Kind | Should -Be 'Utc'
    }

    It 'connects by project id' {
        $s = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectId $lab.project_id -PassThru
        $s.ProjectName | Should -Be $lab.project_name
    }

    It 'refuses a wrong password with an authentication error that does not echo it' {
        $wrong = [pscredential]::new($lab.username, (ConvertTo-SecureString 'Wrong-Pa55-echo-check' -AsPlainText -Force))
        $err = $null
        try { Connect-HeatService -AuthUrl $lab.auth_url -Credential $wrong -ProjectName $lab.project_name -Verbose 4>&1 | Out-Null } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'HeatAuthenticationFailed,Heat.PowerShell.Cmdlets.ConnectHeatService'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($err | Format-List * -Force | Out-String) | Should -Not -Match 'Wrong-Pa55-echo-check'
        ($err.Exception.ToString()) | Should -Not -Match 'Wrong-Pa55-echo-check'
    }

    It 'never writes the password or the token to Verbose or Debug' {
        $lines = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -Verbose -Debug 4>&1 5>&1 -PassThru |
            ForEach-Object { "$_" }
        ($lines -join "`n") | Should -Not -Match ([regex]::Escape($lab.password))
        ($lines -join "`n") | Should -Match 'POST http://127.0.0.1:5000/v3/auth/tokens'
    }

    It 'connects with an application credential, by id and by name' {
        $name = "$run-appcred"
        $secret = "sec-$(New-Guid)"
        $ac = Invoke-OpenStack application credential create $name --secret $secret -f json | ConvertFrom-Json
        try {
            $secure = ConvertTo-SecureString $secret -AsPlainText -Force
            $byId = Connect-HeatService -AuthUrl $lab.auth_url -ApplicationCredentialId $ac.id -ApplicationCredentialSecret $secure -PassThru
            $byId.AuthMethod | Should -Be 'ApplicationCredential'
            $byId.ProjectId | Should -Be $lab.project_id
            (Get-HeatStack -Session $byId -Name $web).StackName | Should -Be $web

            $byName = Connect-HeatService -AuthUrl $lab.auth_url -ApplicationCredentialName $name -UserName $lab.username -ApplicationCredentialSecret $secure -PassThru
            (Get-HeatStack -Session $byName -Name $web).StackName | Should -Be $web
        }
        finally {
            Invoke-OpenStack application credential delete $ac.id | Out-Null
        }
    }

    It 'works with a bare token and the Heat endpoint' {
        $token = Invoke-OpenStack token issue -f value -c id
        $t = Connect-HeatService -Token (ConvertTo-SecureString "$token".Trim() -AsPlainText -Force) -HeatEndpoint $lab.heat_endpoint -PassThru
        $t.AuthMethod | Should -Be 'Token'
        (Get-HeatStack -Session $t -Name $web).Id | Should -Be ($created | Where-Object StackName -eq $web).Id
    }

    AfterAll {
        # Put the suite's own session back as the default.
        $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    }
}

Describe 'Stacks on a real Heat' -Tag Lab {
    It 'created both stacks, HOT and CloudFormation' {
        (Get-HeatStack $web).StackStatus | Should -Be 'CREATE_COMPLETE'
        (Get-HeatStack $cfn).StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'New-HeatStack returned the name, id and links' {
        $new = $created | Where-Object StackName -eq $web
        $new.Id | Should -Match '^[0-9a-f-]{36}$'
        $new.Links[0].Rel | Should -Be 'self'
        $new.Links[0].Href | Should -Match "/stacks/$web/$($new.Id)$"
    }

    It 'gets a stack by name with its parameters and outputs' {
        $s = Get-HeatStack $web
        $s.IsDetailed | Should -BeTrue
        $s.Parameters.greeting | Should -Be 'hi there'
        $s.Parameters.replicas | Should -Be '2'
        $s.Outputs.greeting | Should -Be 'hi there'
        @($s.Outputs.worker_ids).Count | Should -Be 2
        ($s.OutputDetails | Where-Object OutputKey -eq greeting).Description | Should -Be 'What the app says'
        $s.Tags | Should -Be @('it', $run)
        $s.DisableRollback | Should -BeTrue   # rollback is off unless -EnableRollback, as in Heat and openstack stack create
        $s.CreationTime.Kind | Should -Be 'Utc'
    }

    It 'gets the same stack by id' {
        $byName = Get-HeatStack $web
        $byId = Get-HeatStack $byName.Id
        $byId.StackName | Should -Be $web
        $byId.Outputs.greeting | Should -Be 'hi there'
    }

    It 'reads the CloudFormation stack''s outputs and parameters' {
        $s = Get-HeatStack $cfn
        $s.Parameters.Length | Should -Be '16'
        $s.Outputs.SecretValue.Length | Should -Be 16
    }

    It 'lists with a wildcard, a status and a tag' {
        (Get-HeatStack "$run-*").StackName | Sort-Object | Should -Be (@($cfn, $web) | Sort-Object)
        (Get-HeatStack "$run-*" -Status COMPLETE).Count | Should -Be 2
        (Get-HeatStack "$run-*" -Status CREATE_COMPLETE).Count | Should -Be 2
        @(Get-HeatStack "$run-*" -Status FAILED).Count | Should -Be 0
        (Get-HeatStack -Tag $run).StackName | Should -Be $web
        (Get-HeatStack "$run-*" -Tag cfn).StackName | Should -Be $cfn
    }

    It 'reloads a piped stack' {
        $reloaded = Get-HeatStack "$run-*" | Get-HeatStack
        $reloaded | ForEach-Object { $_.IsDetailed | Should -BeTrue }
        @($reloaded).Count | Should -Be 2
    }

    It 'agrees with the reference client on the list and on show' {
        $theirs = Invoke-OpenStack stack list --tags $run -f json | ConvertFrom-Json
        $ours = Get-HeatStack -Tag $run
        $theirs.ID | Should -Be $ours.Id
        $theirs.'Stack Name' | Should -Be $ours.StackName
        $theirs.'Stack Status' | Should -Be $ours.StackStatus

        $show = Invoke-OpenStack stack show $web -f json | ConvertFrom-Json
        $mine = Get-HeatStack $web
        $show.id | Should -Be $mine.Id
        $show.stack_status_reason | Should -Be $mine.StackStatusReason
        $show.parameters.greeting | Should -Be $mine.Parameters.greeting
        ($show.outputs | Where-Object output_key -eq greeting).output_value | Should -Be $mine.Outputs.greeting
    }
}

Describe 'Events and resources on a real Heat' -Tag Lab {
    It 'lists the stack''s events, oldest first, each knowing its stack' {
        $events = Get-HeatEvent $web
        $events.Count | Should -BeGreaterThan 5
        $events | ForEach-Object { $_.StackName | Should -Be $web }
        $events[0].ResourceName | Should -Be $web
        $events[0].ResourceStatus | Should -Be 'CREATE_IN_PROGRESS'
        $events[-1].ResourceName | Should -Be $web
        $events[-1].ResourceStatus | Should -Be 'CREATE_COMPLETE'
        $events[0].EventTime | Should -BeLessOrEqual $events[-1].EventTime
        $events.ResourceName | Should -Contain 'workers'
    }

    It 'lists one resource''s events and gets one event by id' {
        $mine = Get-HeatEvent $web -ResourceName app_config
        $mine.ResourceName | Select-Object -Unique | Should -Be 'app_config'
        $one = Get-HeatEvent $web -ResourceName app_config -Id $mine[-1].Id
        $one.Id | Should -Be $mine[-1].Id
        $one.ResourceType | Should -Be 'OS::Heat::TestResource'
        (Get-HeatEvent $web -Id $mine[0].Id).Id | Should -Be $mine[0].Id
    }

    It 'includes nested stacks'' events with -NestedDepth' {
        $flat = Get-HeatEvent $web
        $deep = Get-HeatEvent $web -NestedDepth 2
        $deep.Count | Should -BeGreaterThan $flat.Count
        ($deep.StackName | Select-Object -Unique) | Where-Object { $_ -like "$web-workers-*" } | Should -Not -BeNullOrEmpty
    }

    It 'filters events by status' {
        $done = Get-HeatEvent $web -Status COMPLETE
        $done | ForEach-Object { $_.ResourceStatus | Should -BeLike '*_COMPLETE' }
        @(Get-HeatEvent $web -Status FAILED).Count | Should -Be 0
    }

    It 'agrees with the reference client''s event list' {
        $theirs = Invoke-OpenStack stack event list $web -f json | ConvertFrom-Json
        $ours = Get-HeatEvent $web
        # Both oldest first.
        $ours.Id | Should -Be $theirs.id
        $ours.ResourceStatus | Should -Be $theirs.resource_status
    }

    It 'lists resources, and nested ones with -NestedDepth' {
        $top = Get-HeatResource $web
        $top.ResourceName | Sort-Object | Should -Be @('admin_password', 'app_config', 'workers')
        $deep = Get-HeatResource $web -NestedDepth 2
        $members = $deep | Where-Object StackName -like "$web-workers-*"
        $members.ResourceName | Sort-Object | Should -Be @('0', '1')
        ($top | Where-Object ResourceName -eq workers).NestedStackId | Should -Be ($members[0].StackId)
    }

    It 'gets one resource with its attributes and metadata' {
        $r = Get-HeatResource $web app_config
        $r.ResourceType | Should -Be 'OS::Heat::TestResource'
        $r.Metadata.role | Should -Be 'web'
        $r.Metadata.ports | Should -Be @(80, 443)
        $r.Attributes.output | Should -Be 'hi there'
    }

    It 'agrees with the reference client''s resource list' {
        $theirs = Invoke-OpenStack stack resource list $web -n 2 -f json | ConvertFrom-Json
        $ours = Get-HeatResource $web -NestedDepth 2
        ($ours.ResourceName | Sort-Object) | Should -Be ($theirs.resource_name | Sort-Object)
        ($ours.PhysicalResourceId | Sort-Object) | Should -Be ($theirs.physical_resource_id | Sort-Object)
    }

    It 'navigates stack -> events -> resources -> stack through the pipeline' {
        $resources = Get-HeatStack $web | Get-HeatEvent | Get-HeatResource
        $resources.ResourceName | Sort-Object | Should -Be @('admin_password', 'app_config', 'workers')
        $stacks = Get-HeatResource $web | Get-HeatStack
        $stacks.StackName | Select-Object -Unique | Should -Be $web
    }
}

Describe 'Templates Heat judges' -Tag Lab {
    It 'returns a valid template''s description, parameters and groups' {
        $v = Test-HeatTemplate (Join-Path $templates 'web-tier.yaml')
        $v.Description | Should -Be 'Web tier for the integration suite (needs no Nova or Neutron)'
        $v.Parameters.Name | Sort-Object | Should -Be @('greeting', 'password_length', 'replicas')
        ($v.Parameters | Where-Object Name -eq replicas).Type | Should -Be 'Number'
        $v.ParameterGroups[0].label | Should -Be 'sizing'
    }

    It 'includes the nested templates'' parameters with -ShowNested' {
        $examples = Join-Path $PSScriptRoot '../../examples/templates'
        $v = Test-HeatTemplate (Join-Path $examples 'app-tier.yaml') -EnvironmentPath (Join-Path $examples 'env/dev.yaml') -ShowNested
        $v.NestedParameters.workers.NestedParameters.'0'.Type | Should -Be 'Demo::Worker'
        $v.NestedParameters.workers.NestedParameters.'0'.Parameters.environment_name.Value | Should -Be 'dev'
    }

    It 'reports an unknown resource type with Heat''s own message' {
        $v = Test-HeatTemplate (Join-Path $templates 'unknown-type.yaml') -ErrorVariable problems -ErrorAction SilentlyContinue
        $v | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate'
        $problems[0].Exception.Message | Should -Match 'OS::Nope::NotAType'
        $problems[0].TargetObject | Should -Match 'unknown-type.yaml$'
    }

    It 'reports a get_param of a parameter that does not exist (Heat 19''s /validate lets it through; creation would fail)' {
        $null = Test-HeatTemplate (Join-Path $templates 'bad-get-param.yaml') -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate'
        $problems[0].Exception.Message | Should -Match 'no_such_parameter'
        $problems[0].Exception.Message | Should -Match 'resources\.rand\.properties\.length'
    }

    It 'New-HeatStack with that template gets Heat''s own refusal' {
        $null = New-HeatStack -Name "$run-badparam" -TemplatePath (Join-Path $templates 'bad-get-param.yaml') -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'HeatStackInvalid,Heat.PowerShell.Cmdlets.NewHeatStack'
        $problems[0].Exception.Message | Should -Match 'The Parameter \(no_such_parameter\) was not provided'
    }

    It 'checks every piped template and reports each bad one' {
        $results = Get-ChildItem $templates -Filter *.yaml | Test-HeatTemplate -ErrorVariable problems -ErrorAction SilentlyContinue
        @($results).Count | Should -Be 2      # web-tier and failing are valid templates
        $problems.Count | Should -Be 2        # unknown-type, bad-get-param
    }
}

Describe 'Templates as operators keep them (files, child templates, environments)' -Tag Lab {
    BeforeAll {
        $script:repo = Join-Path $PSScriptRoot '../Heat.Client.Tests/Fixtures/templates/ops-repo'
        $script:envs = 'registry.yaml', 'boot-config.yaml', 'prod.yaml' | ForEach-Object { Join-Path $repo "env/$_" }
        Push-Location (Join-Path $repo 'app')
    }
    AfterAll { Pop-Location }

    It 'validates the tree with its environments, every file resolved' {
        $v = Test-HeatTemplate -TemplatePath ./stack.yaml -EnvironmentPath $envs
        $v.Parameters.Name | Should -Contain 'server_count'
        $v.Files | Where-Object { $_ -like '*/lib/server.yaml' } | Should -Not -BeNullOrEmpty
        $v.Files | Where-Object { $_ -like '*/scripts/boot.sh' } | Should -Not -BeNullOrEmpty
        $v.Files | Where-Object { $_ -like '*/lib/monitoring.yaml' } | Should -Not -BeNullOrEmpty
    }

    It 'creates the stack: a group of a registry-mapped child template, get_file scripts, three levels deep' {
        $s = New-HeatStack -Name "$run-ops" -TemplatePath ./stack.yaml -EnvironmentPath $envs -Wait
        $s.StackStatus | Should -Be 'CREATE_COMPLETE'
        # prod.yaml (loaded last) sets server_count 3
        @($s.Outputs.server_names).Count | Should -Be 3
        $s.Outputs.motd | Should -Match '^Welcome to app\.'
    }

    It 'shows the child template''s resources with -NestedDepth 2' {
        $deep = Get-HeatResource "$run-ops" -NestedDepth 2
        $children = $deep | Where-Object StackName -like "$run-ops-servers-*"
        $children.ResourceName | Sort-Object -Unique | Should -Contain 'boot_script'
        ($children | Where-Object ResourceName -eq boot_script).ResourceType | Select-Object -Unique | Should -Be 'OS::Heat::SoftwareConfig'
        ($deep | Where-Object ResourceName -eq monitoring).ResourceType | Should -Be 'My::Optional::Monitoring'
    }

    It 'sent the get_file script into the SoftwareConfig' {
        $server = Get-HeatResource "$run-ops" -NestedDepth 1 | Where-Object { $_.ResourceType -eq 'My::App::Server' } | Select-Object -First 1
        $config = Get-HeatResource -StackName $server.PhysicalResourceId -ResourceName boot_script
        $config.Attributes.config | Should -Be (Get-Content -Raw (Join-Path $repo 'scripts/boot.sh'))
    }
}

Describe 'Edge layouts on a real Heat' -Tag Lab {
    BeforeAll {
        $script:edge = Join-Path $PSScriptRoot '../Heat.Client.Tests/Fixtures/templates/edge'
        $script:edgeStacks = @(
            @{ Name = "$run-paths"; TemplatePath = Join-Path $edge 'paths/top.yaml' }
            @{ Name = "$run-nested"; TemplatePath = Join-Path $edge 'nested-stack/outer.yaml' }
            @{ Name = "$run-cfnchild"; TemplatePath = Join-Path $edge 'cfn/stack.template' }
        ) | ForEach-Object { [pscustomobject]$_ } | New-HeatStack -Wait -ErrorVariable edgeProblems -ErrorAction SilentlyContinue
    }

    It 'creates all three without an error' {
        $edgeProblems | ForEach-Object { $_.Exception.Message } | Should -BeNullOrEmpty
        $edgeStacks.StackStatus | Should -Be @('CREATE_COMPLETE', 'CREATE_COMPLETE', 'CREATE_COMPLETE')
    }

    It 'reads a get_file with spaces in its path through a child in a non-ASCII folder, used twice' {
        $children = Get-HeatResource "$run-paths" -NestedDepth 1 | Where-Object ResourceName -eq greeting
        @($children).Count | Should -Be 2
        $value = (Get-HeatResource -StackName $children[0].StackId -ResourceName greeting).Attributes.value
        $value | Should -Be (Get-Content -Raw (Join-Path $edge 'scripts/hello world.sh'))
    }

    It 'builds an OS::Heat::Stack from a template read with get_file, itself naming a child template' {
        $inner = Get-HeatResource "$run-nested" inner
        $inner.ResourceType | Should -Be 'OS::Heat::Stack'
        # OS::Heat::Stack makes a stack of its own (not a nested one): its id is the resource's physical id.
        (Get-HeatResource -StackName $inner.PhysicalResourceId).ResourceName | Should -Be 'leaf'
    }

    It 'resolves a CloudFormation template resource (Type: child.template)' {
        $child = Get-HeatResource "$run-cfnchild" Child
        $child.ResourceType | Should -Match '^file:///.*/cfn/child\.template$'
        $child.ResourceStatus | Should -Be 'CREATE_COMPLETE'
        (Get-HeatResource "$run-cfnchild" -NestedDepth 1 | Where-Object StackName -like "$run-cfnchild-Child-*").ResourceName | Should -Be 'Name'
    }

    AfterAll {
        # The OS::Heat::Stack's own stack is deleted with its parent; take both out of the teardown tests' way.
        Get-HeatStack "$run-paths", "$run-nested", "$run-cfnchild" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait
    }
}

Describe 'A stack that fails' -Tag Lab {
    It 'shows CREATE_FAILED and Heat''s reason, and -Wait reports it as an error' {
        $s = New-HeatStack -Name "$run-fail" -TemplatePath (Join-Path $templates 'failing.yaml') -DisableRollback -Wait -ErrorVariable problems -ErrorAction SilentlyContinue
        $s.StackStatus | Should -Be 'CREATE_FAILED'
        $s.StackStatusReason | Should -Match 'doomed'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'HeatStackFailed,Heat.PowerShell.Cmdlets.NewHeatStack'
        (Get-HeatEvent "$run-fail" -Status FAILED).ResourceName | Should -Contain 'doomed'
    }
}

Describe 'Tearing down through the pipeline' -Tag Lab {
    It '-WhatIf removes nothing' {
        $before = (Get-HeatStack "$run-*").Count
        $before | Should -BeGreaterThan 2
        Get-HeatStack "$run-*" | Remove-HeatStack -WhatIf
        (Get-HeatStack "$run-*").Count | Should -Be $before
    }

    It 'one missing stack gives one error and the others are still removed' {
        $names = "$run-cfn", "$run-missing", "$run-fail"
        $names | Remove-HeatStack -Force -Wait -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be "$run-missing"
        (Get-HeatStack "$run-*").StackName | Should -Not -Contain "$run-cfn"
        (Get-HeatStack "$run-*").StackName | Should -Not -Contain "$run-fail"
        (Get-HeatStack "$run-*").StackName | Should -Contain $web
    }

    It 'removes all that a wildcard finds and waits for them' {
        $expected = @(Get-HeatStack "$run-*").Count
        $gone = Get-HeatStack "$run-*" | Remove-HeatStack -Force -Wait -PassThru
        @($gone).Count | Should -Be $expected
        $gone.StackStatus | Select-Object -Unique | Should -Be 'DELETE_COMPLETE'
        Get-HeatStack "$run-*" | ForEach-Object { "$($_.StackName) $($_.StackStatus)" } | Should -BeNullOrEmpty
    }
}
