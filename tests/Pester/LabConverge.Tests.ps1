# Set-HeatStack converges against the real Heat (issue 23): an unchanged definition is never an update, even with a
# ResourceGroup, a provider template and a get_attr-fed property (which Heat's preview always flags); tags, a
# parameter or the timeout differing are. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'cv{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru

    # What almost every real template has: a group (a nested stack), a provider template (another one), a property
    # fed by get_attr, a file read with get_file, an environment with parameter_defaults.
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) $run
    New-Item -ItemType Directory -Path $folder | Out-Null
    Set-Content (Join-Path $folder 'app.yaml') @'
heat_template_version: 2018-08-31
parameters:
  label: {type: string, default: one}
  size: {type: number, default: 3}
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: {get_param: size}
      resource_def:
        type: OS::Heat::TestResource
        properties: {value: {get_param: label}}
  child:
    type: child.yaml
    properties: {label: {get_param: label}}
  source:
    type: OS::Heat::RandomString
    properties: {length: 8}
  fed:
    type: OS::Heat::TestResource
    properties: {value: {get_attr: [source, value]}}
  script:
    type: OS::Heat::Value
    properties: {value: {get_file: run.sh}}
outputs:
  fed: {value: {get_attr: [fed, output]}}
'@
    Set-Content (Join-Path $folder 'child.yaml') @'
heat_template_version: 2018-08-31
parameters:
  label: {type: string}
resources:
  inner:
    type: OS::Heat::TestResource
    properties: {value: {get_param: label}}
'@
    Set-Content (Join-Path $folder 'run.sh') "#!/bin/sh`necho hello"
    Set-Content (Join-Path $folder 'env.yaml') "parameter_defaults:`n  size: 2"

    $script:name = "$run-app"
    $script:definition = @{
        StackName       = $name
        TemplatePath    = Join-Path $folder 'app.yaml'
        EnvironmentPath = Join-Path $folder 'env.yaml'
        Parameter       = @{ label = 'two' }
        Tag             = 'team-a', 'web'
        TimeoutMinutes  = 30
    }

    # The definition with some parts changed.
    function script:Get-Definition([hashtable] $Change = @{}) {
        $changed = $definition.Clone()
        foreach ($key in $Change.Keys) { $changed[$key] = $Change[$key] }
        $changed
    }

    # What Heat shows of the stack's history: when it was last updated, and how many events it has.
    function script:Get-Trace {
        $stack = Get-HeatStack $name
        [pscustomobject]@{ UpdatedTime = $stack.UpdatedTime; Events = @(Get-HeatEvent $name).Count; Status = $stack.StackStatus }
    }
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Set-HeatStack converges' -Tag Lab {
    It 'three identical runs give Created, Unchanged, Unchanged, and Heat shows no update' {
        $first = Set-HeatStack @definition -Wait
        $first.Operation | Should -Be 'Created'
        $first.StackStatus | Should -Be 'CREATE_COMPLETE'
        $created = Get-Trace

        $second = Set-HeatStack @definition -Wait
        $third = Set-HeatStack @definition -Wait

        "$($first.Operation), $($second.Operation), $($third.Operation)" | Should -Be 'Created, Unchanged, Unchanged'
        Start-Sleep -Seconds 2
        $after = Get-Trace
        $after.UpdatedTime | Should -Be $created.UpdatedTime
        $after.Events | Should -Be $created.Events
        $after.Status | Should -Be 'CREATE_COMPLETE'
    }

    It '-WhatIf on a difference writes the preview rows and changes nothing' {
        $before = Get-Trace
        $changed = Get-Definition @{ Parameter = @{ label = 'three' } }
        $rows = Set-HeatStack @changed -WhatIf
        $rows | Should -Not -BeNullOrEmpty
        $rows | ForEach-Object { $_ | Should -BeOfType ([Heat.Client.Models.HeatStackDifference]) }
        ($rows | Where-Object { $_.Kind -eq 'Parameter' -and $_.Name -eq 'label' }).After | Should -Be 'three'
        Start-Sleep -Seconds 2
        (Get-Trace).Events | Should -Be $before.Events
    }

    It 'tags differing give Updated, and the stack gets the new tags' {
        $changed = Get-Definition @{ Tag = 'team-b', 'web' }
        $result = Set-HeatStack @changed -Wait -Verbose 4>&1
        $done = $result | Where-Object { $_ -is [Heat.Client.Models.HeatStackSetResult] }
        $said = ($result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $done.Operation | Should -Be 'Updated'
        $done.StackStatus | Should -Be 'UPDATE_COMPLETE'
        (Get-HeatStack $name).Tags | Should -Be @('team-b', 'web')
        $said | Should -Match 'differs.*tags'
        $said | Should -Not -Match 'parameter label'
    }

    It 'a parameter differing gives Updated, and Verbose names it' {
        $changed = Get-Definition @{ Tag = 'team-b', 'web'; Parameter = @{ label = 'three' } }
        $result = Set-HeatStack @changed -Wait -Verbose 4>&1
        $done = $result | Where-Object { $_ -is [Heat.Client.Models.HeatStackSetResult] }
        $said = ($result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $done.Operation | Should -Be 'Updated'
        $done.StackStatus | Should -Be 'UPDATE_COMPLETE'
        (Get-HeatStack $name).Parameters.label | Should -Be 'three'
        $said | Should -Match 'parameter label'
    }

    It 'the timeout differing gives Updated' {
        $changed = Get-Definition @{ Tag = 'team-b', 'web'; Parameter = @{ label = 'three' }; TimeoutMinutes = 45 }
        $result = Set-HeatStack @changed -Wait
        $result.Operation | Should -Be 'Updated'
        $result.StackStatus | Should -Be 'UPDATE_COMPLETE'
        (Get-HeatStack $name).TimeoutMins | Should -Be 45
    }

    It 'after the updates, the same definition twice is Unchanged again, and Heat shows no update' {
        (Set-HeatStack @definition -Wait).Operation | Should -Be 'Updated'
        $updated = Get-Trace

        (Set-HeatStack @definition -Wait).Operation | Should -Be 'Unchanged'

        Start-Sleep -Seconds 2
        $after = Get-Trace
        $after.UpdatedTime | Should -Be $updated.UpdatedTime
        $after.Events | Should -Be $updated.Events
    }
}

Describe 'Set-HeatStack on a stack whose preview shows nothing' -Tag Lab {
    It 'tags or the timeout differing give Updated, though Heat''s preview shows every resource unchanged' {
        $plain = "$run-plain"
        $template = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::None}"
        (Set-HeatStack $plain -Template $template -Tag 'team-a' -Wait).Operation | Should -Be 'Created'
        (Set-HeatStack $plain -Template $template -Tag 'team-a' -Wait).Operation | Should -Be 'Unchanged'

        $tagged = Set-HeatStack $plain -Template $template -Tag 'team-b' -Wait
        $tagged.Operation | Should -Be 'Updated'
        $tagged.Differences | Should -Be @('tags')
        ($tagged.Changes | Where-Object Change -ne 'Unchanged') | Should -BeNullOrEmpty
        (Get-HeatStack $plain).Tags | Should -Be @('team-b')

        $timed = Set-HeatStack $plain -Template $template -Tag 'team-b' -TimeoutMinutes 20 -Wait
        $timed.Operation | Should -Be 'Updated'
        $timed.Differences | Should -Be @('timeout')
        (Get-HeatStack $plain).TimeoutMins | Should -Be 20
    }
}
