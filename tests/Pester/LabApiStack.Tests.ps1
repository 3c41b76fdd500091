# Hooks, service information, abandon and adopt against the real Heat (issue 11). Tagged Lab.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'as{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe 'Hooks' -Tag Lab {
    It 'stops a resource at its pre-create hook, says so instead of waiting, and goes on once cleared' {
        $name = "$run-hook"
        $stack = New-HeatStack -Name $name -Template @'
heat_template_version: 2018-08-31
resources:
  first: {type: OS::Heat::None}
  gated: {type: OS::Heat::TestResource, properties: {value: v}}
'@ -PreCreateHook gated -Wait -WaitTimeoutMinutes 5 -ErrorVariable paused -ErrorAction SilentlyContinue
        $paused.Count | Should -Be 1
        $paused[0].FullyQualifiedErrorId | Should -BeLike 'HeatStackPausedAtHook,*'
        $paused[0].Exception.Message | Should -Match 'pre-create of gated'
        $stack.StackStatus | Should -Be 'CREATE_IN_PROGRESS'

        $hooks = @(Get-HeatStackHook $name)
        $hooks.ResourceName | Should -Be 'gated'
        $hooks.HookType | Should -Be 'pre-create'
        (Invoke-OpenStack stack hook poll $name -f value -c 'Resource Name') | Should -Be 'gated'
        # A wait that begins after the stack stopped says so too, instead of waiting out its timeout.
        Wait-HeatStack $name -Timeout 240 -ErrorVariable stillPaused -ErrorAction SilentlyContinue | Out-Null
        $stillPaused[0].FullyQualifiedErrorId | Should -BeLike 'HeatStackPausedAtHook,*'

        (Clear-HeatStackHook $name gated -PassThru).ResourceName | Should -Be 'gated'
        (Wait-HeatStack $name -Timeout 300).StackStatus | Should -Be 'CREATE_COMPLETE'
        @(Get-HeatStackHook $name).Count | Should -Be 0
    }
}

Describe 'What Heat says of itself' -Tag Lab {
    It 'keeps engine status to admins: a member gets HeatAccessDenied, an admin sees the engine up' {
        Get-HeatService -ErrorVariable denied -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $denied[0].FullyQualifiedErrorId | Should -BeLike 'HeatAccessDenied,*'
        $admin = Connect-HeatService -AuthUrl $lab.auth_url -Credential ([pscredential]::new($lab.admin_username,
            (ConvertTo-SecureString $lab.admin_password -AsPlainText -Force))) -ProjectName $lab.admin_project_name -PassThru
        try {
            $engines = @(Get-HeatService -Session $admin)
            $engines.Count | Should -BeGreaterThan 0
            $engines.Status | Should -Contain 'up'
            $engines.Binary | Should -Contain 'heat-engine'
        }
        finally { Disconnect-HeatService -Session $admin; Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name }
    }

    It 'gives the build and the API versions' {
        (Get-HeatBuildInfo).ApiRevision | Should -Not -BeNullOrEmpty
        $versions = @(Get-HeatApiVersion)
        ($versions | Where-Object Status -eq 'CURRENT').Id | Should -Be 'v1.0'
    }
}

Describe 'Abandon and adopt' -Tag Lab {
    It 'abandons a stack to a file, which adopt takes back with the same resources' {
        $name = "$run-keep"
        $folder = Join-Path ([IO.Path]::GetTempPath()) "$run-abandon"
        New-Item -ItemType Directory -Path $folder | Out-Null
        try {
            $made = New-HeatStack -Name $name -Template @'
heat_template_version: 2018-08-31
resources:
  secret: {type: OS::Heat::RandomString, properties: {length: 12}}
outputs:
  secret: {value: {get_attr: [secret, value]}}
'@ -Wait
            $file = Remove-HeatStack $name -Abandon -AbandonPath $folder -Force -Wait
            $file.Name | Should -Be "$name.json"
            @(Get-HeatStack $name -ErrorAction SilentlyContinue).Count | Should -Be 0

            $adopted = New-HeatStack -Name $name -AdoptPath $file.FullName -Wait
            $adopted.StackStatus | Should -Be 'ADOPT_COMPLETE'
            $adopted.Outputs.secret | Should -Be $made.Outputs.secret
        }
        finally { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
