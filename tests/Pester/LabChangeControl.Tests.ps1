# Change you can review (issue 20) against the real Heat: a create previewed makes nothing, and converge repairs what
# was changed behind Heat's back. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:run = 'cc{0:x4}' -f (Get-Random -Maximum 65535)
    $cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    # Keystone resources read their live state, and only an admin may make them.
    $adminCred = [pscredential]::new($lab.admin_username, (ConvertTo-SecureString $lab.admin_password -AsPlainText -Force))
    $script:admin = Connect-HeatService -AuthUrl $lab.auth_url -Credential $adminCred -ProjectName $lab.admin_project_name -PassThru
    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')
    $script:folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "$run-plans")

    # Keystone itself, as an operator changing things by hand would (openstack group set).
    function script:Invoke-Keystone([string] $Method, [string] $Path, $Body) {
        $auth = @{ auth = @{
                identity = @{ methods = @('password'); password = @{ user = @{ name = $lab.admin_username; domain = @{ name = 'Default' }; password = $lab.admin_password } } }
                scope    = @{ project = @{ name = $lab.admin_project_name; domain = @{ name = 'Default' } } } } }
        $token = (Invoke-WebRequest -Method Post -Uri "$($lab.auth_url)/auth/tokens" -ContentType 'application/json' -Body ($auth | ConvertTo-Json -Depth 10)).Headers['X-Subject-Token'] | Select-Object -First 1
        $arguments = @{ Method = $Method; Uri = "$($lab.auth_url)/$Path"; Headers = @{ 'X-Auth-Token' = $token } }
        if ($Body) { $arguments.ContentType = 'application/json'; $arguments.Body = $Body | ConvertTo-Json -Depth 10 }
        Invoke-RestMethod @arguments
    }
}

AfterAll {
    foreach ($s in $session, $admin) {
        Get-HeatStack "$run-*" -Session $s -ErrorAction SilentlyContinue | Remove-HeatStack -Session $s -Force -Wait -ErrorAction SilentlyContinue
    }
    Disconnect-HeatService -ErrorAction SilentlyContinue
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A create previewed' -Tag Lab {
    It 'shows an Added row per resource of a three-resource template, and creates nothing' {
        $template = "heat_template_version: 2018-08-31`nresources:`n  a: {type: OS::Heat::TestResource, properties: {value: x}}`n  b: {type: OS::Heat::RandomString}`n  c: {type: OS::Heat::None}"
        $name = "$run-new"

        $compared = @(Compare-HeatStack $name -Template $template -Session $session)
        $whatIf = @(New-HeatStack $name -Template $template -WhatIf -Session $session)

        foreach ($rows in $compared, $whatIf) {
            $rows.Count | Should -Be 3
            ($rows | ForEach-Object { "$($_.Change) $($_.Kind) $($_.Name) $($_.ResourceType)" } | Sort-Object) |
                Should -Be @('Added Resource a OS::Heat::TestResource', 'Added Resource b OS::Heat::RandomString', 'Added Resource c OS::Heat::None')
        }
        Get-HeatStack $name -Session $session -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-HeatStack $name -ShowDeleted -Session $session -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'with -ShowNested names the resources of a nested stack, and their stack' {
        $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "$run-nested")
        try {
            Set-Content (Join-Path $folder 'child.yaml') "heat_template_version: 2018-08-31`nresources:`n  inner: {type: OS::Heat::None}"
            Set-Content (Join-Path $folder 'app.yaml') "heat_template_version: 2018-08-31`nresources:`n  child: {type: child.yaml}`n  top: {type: OS::Heat::None}"

            $rows = Compare-HeatStack "$run-nested" -TemplatePath (Join-Path $folder 'app.yaml') -ShowNested -Session $session

            ($rows | Where-Object NestedStackName -eq $null).Name | Sort-Object | Should -Be @('child', 'top')
            $inner = $rows | Where-Object Name -eq 'inner'
            $inner.Change | Should -Be 'Added'
            $inner.NestedStackName | Should -BeLike "$run-nested-child*"
        }
        finally { Remove-Item $folder -Recurse -Force }
    }
}

Describe 'Converge' -Tag Lab {
    BeforeAll {
        $script:name = "$run-kg"
        $script:template = "heat_template_version: 2018-08-31`nresources:`n  group: {type: OS::Keystone::Group, properties: {name: $run-group, domain: default, description: orig}}"
        $stack = New-HeatStack $name -Template $template -Wait -Session $admin
        $script:groupId = (Get-HeatResource $name -ResourceName group -Session $admin).PhysicalResourceId
        function script:Get-Description { (Invoke-Keystone Get "groups/$groupId").group.description }
    }

    It 'an update without it keeps what was changed behind Heat''s back; Update-HeatStack -Existing -Converge repairs it' {
        $groupId | Should -Not -BeNullOrEmpty
        Invoke-Keystone Patch "groups/$groupId" @{ group = @{ description = 'drifted' } } | Out-Null
        Get-Description | Should -Be 'drifted'

        Update-HeatStack $name -Existing -Force -Wait -Session $admin
        Get-Description | Should -Be 'drifted'

        Update-HeatStack $name -Existing -Converge -Force -Wait -Session $admin
        Get-Description | Should -Be 'orig'
        (Get-HeatStack $name -Session $admin).StackStatus | Should -Be 'UPDATE_COMPLETE'
    }

    It 'Set-HeatStack -Converge repairs it though the definition is unchanged, and says so' {
        (Set-HeatStack $name -Template $template -Wait -Session $admin).Operation | Should -Be 'Unchanged'
        Invoke-Keystone Patch "groups/$groupId" @{ group = @{ description = 'drifted again' } } | Out-Null

        $result = Set-HeatStack $name -Template $template -Converge -Wait -Session $admin

        $result.Operation | Should -Be 'Updated'
        $result.Differences | Should -Be @('converge')
        Get-Description | Should -Be 'orig'
    }
}

Describe 'Restricted actions' -Tag Lab {
    It 'a restricted resource is not replaced: the update is refused before it is sent, and the resource stays' {
        $name = "$run-restricted"
        $template = "heat_template_version: 2018-08-31`nparameters:`n  v: {type: string}`nresources:`n  db: {type: OS::Heat::TestResource, properties: {value: {get_param: v}, update_replace: true}}"
        New-HeatStack $name -Template $template -Parameter @{ v = 'one' } -RestrictedAction @{ db = 'Replace' } -Wait -Session $session | Out-Null
        $before = Get-HeatResource $name -ResourceName db -Session $session

        $rows = @(Compare-HeatStack $name -Template $template -Parameter @{ v = 'two' } -RestrictedAction @{ db = 'Replace' } -Session $session -WarningVariable warned -WarningAction SilentlyContinue)
        Update-HeatStack $name -Template $template -Parameter @{ v = 'two' } -RestrictedAction @{ db = 'Replace' } -Force -Wait -Session $session -ErrorVariable refused -ErrorAction SilentlyContinue

        ($rows | Where-Object Name -eq 'db').Change | Select-Object -First 1 | Should -Be 'Replaced'
        ($rows | Where-Object Name -eq 'db').Restricted | Select-Object -First 1 | Should -Be 'replace'
        "$warned" | Should -Match 'db would be replaced'
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'HeatStackActionRestricted,*'
        $after = Get-HeatResource $name -ResourceName db -Session $session
        $after.PhysicalResourceId | Should -Be $before.PhysicalResourceId
        (Get-HeatStack $name -Session $session).Parameters.v | Should -Be 'one'
        (Get-HeatStack $name -Session $session).StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'a patch is refused too: the restriction lives in the stack''s own environment' {
        $name = "$run-restricted"
        Update-HeatStack $name -Existing -Parameter @{ v = 'three' } -Force -Wait -Session $session -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'HeatStackActionRestricted,*'
        (Get-HeatStack $name -Session $session).Parameters.v | Should -Be 'one'
    }
}

Describe 'Protected stacks' -Tag Lab {
    It 'a protected stack survives Get-HeatStack prefix-* | Remove-HeatStack -Force while its neighbours go' {
        $template = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::None}"
        'a', 'b', 'c' | ForEach-Object { "$run-p-$_" } | New-HeatStack -Template $template -Wait -Session $session | Out-Null
        Protect-HeatStack "$run-p-b" -Wait -Session $session
        (Get-HeatStack "$run-p-b" -Session $session).Tags | Should -Contain 'heat-powershell-protected'

        Get-HeatStack "$run-p-*" -Session $session | Remove-HeatStack -Force -Wait -Session $session -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'HeatStackProtected,*'
        (Get-HeatStack "$run-p-*" -Session $session).StackName | Should -Be @("$run-p-b")
    }

    It 'Unprotect-HeatStack takes only the mark away, and the stack can go' {
        Unprotect-HeatStack "$run-p-b" -Force -Wait -Session $session
        (Get-HeatStack "$run-p-b" -Session $session).Tags.Count | Should -Be 0
        Remove-HeatStack "$run-p-b" -Force -Wait -Session $session
        Get-HeatStack "$run-p-*" -Session $session | Should -BeNullOrEmpty
    }
}

Describe 'Why a stack is stuck' -Tag Lab {
    It 'a stack waiting on a wait condition is explained, and the hint''s signal lets it finish' {
        $name = "$run-stuck"
        $template = "heat_template_version: 2018-08-31`nresources:`n  handle: {type: OS::Heat::WaitConditionHandle}`n  wait: {type: OS::Heat::WaitCondition, properties: {handle: {get_resource: handle}, timeout: 600}}"
        New-HeatStack $name -Template $template -Session $session | Out-Null
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        do {
            Start-Sleep -Milliseconds 500
            $wait = Get-HeatResource $name -ResourceName wait -Session $session -ErrorAction SilentlyContinue
        } until ($wait.ResourceStatus -eq 'CREATE_IN_PROGRESS' -or [DateTime]::UtcNow -gt $deadline)

        $holds = @(Get-HeatStackFailure $name -Session $session)

        $holds.Count | Should -Be 1
        $holds[0].ResourcePath | Should -Be "$name.wait"
        $holds[0].ResourceStatus | Should -Be 'CREATE_IN_PROGRESS'
        $holds[0].SignalResource | Should -Be 'handle'
        $holds[0].InProgressFor | Should -BeOfType ([TimeSpan])
        $holds[0].Hint | Should -Match 'Send-HeatResourceSignal'

        # What the hint says to run, run as it says.
        $command = ($holds[0].Hint -split 'By hand: ')[1]
        Invoke-Expression "$command -Session `$session"
        (Wait-HeatStack $name -Session $session).StackStatus | Should -Be 'CREATE_COMPLETE'
    }
}

Describe 'Plans' -Tag Lab {
    BeforeAll {
        $script:name = "$run-plan"
        $script:templatePath = Join-Path $folder 'app.yaml'
        function script:Set-Template([string] $Value) {
            Set-Content $templatePath "heat_template_version: 2018-08-31`nparameters:`n  admin_pass: {type: string, hidden: true}`n  size: {type: number, default: 1}`nresources:`n  r: {type: OS::Heat::TestResource, properties: {value: $Value}}`n  pass: {type: OS::Heat::Value, properties: {value: {get_param: admin_pass}}}"
        }
        Set-Template 'one'
    }

    It 'a create planned writes no hidden value, asks for it at apply, and creates the stack as planned' {
        $planFile = Join-Path $folder 'create.plan.json'
        $plan = New-HeatStackPlan $name -TemplatePath $templatePath -Parameter @{ admin_pass = 's3cr3t-Pl4n'; size = 2 } -OutFile $planFile -Session $session

        $plan.Operation | Should -Be 'Create'
        $plan.SecretParameters | Should -Be @('admin_pass')
        (Get-Content $planFile -Raw) | Should -Not -Match 's3cr3t-Pl4n'
        @($plan.Differences | Where-Object { $_.Kind -eq 'Resource' }).Count | Should -Be 2
        Get-HeatStack $name -Session $session -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        Invoke-HeatStackPlan $planFile -Force -Session $session -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'HeatPlanParameterMissing,*'
        Get-HeatStack $name -Session $session -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $stack = Invoke-HeatStackPlan $planFile -Parameter @{ admin_pass = 's3cr3t-Pl4n' } -Force -Wait -Session $session
        $stack.StackStatus | Should -Be 'CREATE_COMPLETE'
        $stack.Parameters.size | Should -Be '2'
    }

    It 'an update planned, then applied, changes the stack as planned, though the file was edited since' {
        Set-Template 'two'
        $planFile = Join-Path $folder 'update.plan.json'
        $plan = New-HeatStackPlan $name -TemplatePath $templatePath -Parameter @{ admin_pass = 'x'; size = 2 } -OutFile $planFile -Session $session
        $plan.Operation | Should -Be 'Update'
        ($plan.Differences | Where-Object Name -eq 'r').Change | Should -Be 'Updated'
        Set-Template 'edited-after-review'

        Invoke-HeatStackPlan $planFile -Parameter @{ admin_pass = 'x' } -Force -Wait -Session $session

        (Get-HeatStackTemplate $name -Session $session | ConvertFrom-Json).resources.r.properties.value | Should -Be 'two'
        (Get-HeatStack $name -Session $session).StackStatus | Should -Be 'UPDATE_COMPLETE'
    }

    It 'a plan whose stack was updated elsewhere after planning is refused, and the stack keeps that other update' {
        Set-Template 'three'
        $planFile = Join-Path $folder 'stale.plan.json'
        New-HeatStackPlan $name -TemplatePath $templatePath -Parameter @{ admin_pass = 'x'; size = 2 } -OutFile $planFile -Session $session | Out-Null
        Invoke-OpenStack stack update $name --existing --parameter size=5 --wait | Out-Null

        Invoke-HeatStackPlan $planFile -Parameter @{ admin_pass = 'x' } -Force -Wait -Session $session -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'HeatPlanOutdated,*'
        $refused[0].Exception.Message | Should -Match 'updated at'
        $stack = Get-HeatStack $name -Session $session
        $stack.Parameters.size | Should -Be '5'
        (Get-HeatStackTemplate $name -Session $session | ConvertFrom-Json).resources.r.properties.value | Should -Be 'two'
    }
}
