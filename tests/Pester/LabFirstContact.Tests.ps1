# What a new user meets first (issue 23, "First contact"), against the real Keystone and Heat: the errors of a first
# Connect-HeatService that goes wrong, and Heat's raw words on admin-only calls and signals, each saying what to do.
# A throwaway user without a role is made with the openstack CLI as the lab's admin, and deleted after. Tagged Lab.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:prefix = 'first{0:x6}' -f (Get-Random -Maximum 16777215)
    $script:work = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "heat-$prefix")).FullName

    # openstack as the lab's admin (the demo user may not make users).
    function script:Invoke-OpenStackAdmin {
        $env:OS_CLIENT_CONFIG_FILE = $lab.clouds_yaml
        $env:OS_CLOUD = $lab.admin_cloud
        try {
            $text = & openstack @args 2>&1
            if ($LASTEXITCODE -ne 0) { throw "openstack $($args -join ' ') failed: $text" }
            $text
        }
        finally { Remove-Item Env:OS_CLIENT_CONFIG_FILE, Env:OS_CLOUD -ErrorAction SilentlyContinue }
    }

    # The error a terminating command ends in.
    function script:Get-Failure([scriptblock] $Command) {
        try { & $Command; $null } catch { $_ }
    }

    $script:roleless = "$prefix-norole"
    $script:rolelessPassword = "Pw-$prefix-x"
    Invoke-OpenStackAdmin user create --domain Default --password $rolelessPassword $roleless | Out-Null
    $script:rolelessCred = [pscredential]::new($roleless, (ConvertTo-SecureString $rolelessPassword -AsPlainText -Force))
    Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name

    $script:constrained = Join-Path $work 'constrained.yaml'
    Set-Content -LiteralPath $constrained -Value @'
heat_template_version: 2018-08-31
parameters:
  count: {type: number, default: 2, constraints: [{range: {min: 1, max: 5}}]}
  flavor: {type: string, default: small, constraints: [{allowed_values: [small, large]}]}
  data: {type: json, default: {}}
  items: {type: comma_delimited_list, default: 'a', constraints: [{length: {max: 2}}]}
  image: {type: string}
resources:
  r: {type: OS::Heat::None}
'@
}

AfterAll {
    Invoke-OpenStackAdmin user delete --domain Default $roleless | Out-Null
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A first Connect-HeatService that goes wrong says what to do' -Tag Lab {
    It 'names the parameters to give when -AuthUrl comes without a credential' {
        $failure = Get-Failure { Connect-HeatService -AuthUrl $lab.auth_url -ProjectName $lab.project_name }

        $failure.FullyQualifiedErrorId | Should -BeLike 'HeatConnectionArgumentInvalid,*'
        "$failure" | Should -Match '-Credential \(Get-Credential\)'
        "$failure" | Should -Match '-ApplicationCredentialId'
    }

    It 'says that the lab speaks http when asked with https, and gives the http URL' {
        $https = $lab.auth_url -replace '^http:', 'https:'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $failure = Get-Failure { Connect-HeatService -AuthUrl $https -Credential $cred -ProjectName $lab.project_name }
        $clock.Stop()

        $failure.FullyQualifiedErrorId | Should -BeLike 'HeatHttpsUnsupported,*'
        "$failure" | Should -Match 'speaks http, not https'
        "$failure" | Should -Match ([regex]::Escape("Use $($lab.auth_url) (-AuthUrl"))
        "$failure" | Should -Not -Match 'unexpected EOF'
        # Not retried: Keystone's uwsgi gives up on the TLS hello after about 4 s; four attempts took 20 s.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
    }

    It 'tells a user without a role on the project from a wrong password, and lists where they have one' {
        $noRole = Get-Failure { Connect-HeatService -AuthUrl $lab.auth_url -Credential $rolelessCred -ProjectName $lab.project_name }
        $wrongPassword = Get-Failure {
            Connect-HeatService -AuthUrl $lab.auth_url -ProjectName $lab.project_name `
                -Credential ([pscredential]::new($roleless, (ConvertTo-SecureString 'not-it' -AsPlainText -Force)))
        }
        $demoElsewhere = Get-Failure { Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName "$prefix-nothere" }

        $noRole.FullyQualifiedErrorId | Should -BeLike 'HeatProjectNotAuthorized,*'
        "$noRole" | Should -Match "accepted the password of user '$roleless'"
        "$noRole" | Should -Match 'The user has a role on no project\.'
        "$noRole" | Should -Match '-ProjectName'
        $noRole.ErrorDetails.Message | Should -Match "openstack role add --user $roleless --project $($lab.project_name) member"
        $wrongPassword.FullyQualifiedErrorId | Should -BeLike 'HeatAuthenticationFailed,*'
        "$demoElsewhere" | Should -Match "The user has a role on: .*'$($lab.project_name)'"
        # None of them replaced the session of this runspace.
        (Get-HeatStack -Name "$prefix*" | Measure-Object).Count | Should -Be 0
    }
}

Describe 'Test-HeatTemplate -Parameter says what a create would say' -Tag Lab {
    It 'for <Case>: a real create refuses the values, and Test-HeatTemplate says so in the same words (Heat''s /validate checks no values)' -TestCases @(
        @{ Case = 'a number out of range'; Values = @{ count = 7; image = 'x' } }
        @{ Case = 'a value not allowed'; Values = @{ flavor = 'medium'; image = 'x' } }
        @{ Case = 'text that is not JSON'; Values = @{ data = '[1,2'; image = 'x' } }
        @{ Case = 'a list too long'; Values = @{ items = 'a,b,c'; image = 'x' } }
        @{ Case = 'a parameter with no value and no default'; Values = @{ count = 3 } }
    ) {
        param($Case, $Values)
        $name = "$prefix-check"
        $said = @(Test-HeatTemplate -TemplatePath $constrained -Parameter $Values -ErrorAction SilentlyContinue -ErrorVariable refused)
        $created = $null
        # The template is piped, so that New-HeatStack offers no parameters of its own for it and Heat itself answers
        # (named on the command line, a parameter without a value is refused at binding, before any request).
        $heatSays = try { $created = $constrained | New-HeatStack -Name $name -Parameter $Values -ErrorAction Stop; 'created' }
        catch { $_.Exception.Message }
        if ($created) { Remove-HeatStack -StackName $name -Force -Wait }

        $said | Should -BeNullOrEmpty
        $heatSays | Should -Not -Be 'created'
        $refused.Count | Should -Be 1
        $refused[0].Exception.Message | Should -Be "$($constrained): $heatSays"
    }

    It 'says nothing of values Heat takes' {
        $said = @(Test-HeatTemplate -TemplatePath $constrained -Parameter @{ count = ' 4 '; flavor = 'large'; data = '{"a": [1]}'; items = 'x,y'; image = 'x' } -ErrorVariable refused)

        $refused.Count | Should -Be 0
        $said.Count | Should -Be 1
    }
}

Describe 'Heat''s bare words come with what they mean and what to do' -Tag Lab {
    BeforeAll {
        $script:stack = "$prefix-words"
        $template = Join-Path $work 'words.yaml'
        Set-Content -LiteralPath $template -Value "heat_template_version: 2018-08-31`nresources:`n  nothing: {type: OS::Heat::None}`noutputs:`n  url: {value: http://x}"
        New-HeatStack -Name $stack -TemplatePath $template -Wait | Out-Null
    }

    AfterAll {
        Remove-HeatStack -StackName $stack -Force -Wait -ErrorAction SilentlyContinue
    }

    It 'a member''s Get-HeatService: the engine list is for administrators' {
        $failure = Get-Failure { Get-HeatService -ErrorAction Stop }

        $failure.FullyQualifiedErrorId | Should -BeLike 'HeatAccessDenied,*'
        "$failure" | Should -Match '^You are not authorized to use service:index\. Heat''s policy rule service:index gives the list of Heat''s engines to the cloud''s administrators only'
        $failure.ErrorDetails.Message | Should -Match 'admin role'
    }

    It 'a signal to a resource that takes none: which resources do' {
        $failure = Get-Failure { Send-HeatResourceSignal -StackName $stack -ResourceName nothing -ErrorAction Stop }

        $failure.FullyQualifiedErrorId | Should -BeLike 'HeatResourceInvalid,*'
        "$failure" | Should -Match '^signal is not supported for resource\. Resource .*nothing does not take signals'
        "$failure" | Should -Match 'OS::Heat::WaitConditionHandle'
    }

    It 'an output the stack lacks: its name and the outputs there are, not "key {} not found"' {
        $failure = Get-Failure { Get-HeatStackOutput -StackName $stack -OutputKey nope -ErrorAction Stop }

        $failure.FullyQualifiedErrorId | Should -BeLike 'HeatStackOutputNotFound,*'
        "$failure" | Should -Be "Stack $stack has no output 'nope'. Its outputs: url."
    }
}
