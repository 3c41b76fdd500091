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
        $noRole.ErrorDetails.RecommendedAction | Should -Match "openstack role add --user $roleless --project $($lab.project_name) member"
        $wrongPassword.FullyQualifiedErrorId | Should -BeLike 'HeatAuthenticationFailed,*'
        "$demoElsewhere" | Should -Match "The user has a role on: .*'$($lab.project_name)'"
        # None of them replaced the session of this runspace.
        (Get-HeatStack -Name "$prefix*" | Measure-Object).Count | Should -Be 0
    }
}
