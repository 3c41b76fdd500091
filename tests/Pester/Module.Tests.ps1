# Unit tests of the built module: what loads, what is exported, how parameters bind, how objects look.
# They need no cloud.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $script:expected = 'Connect-HeatService', 'Disconnect-HeatService', 'Get-HeatEvent', 'Get-HeatResource', 'Get-HeatStack',
        'New-HeatStack', 'Remove-HeatStack', 'Test-HeatTemplate'
}

Describe 'The module' {
    It 'has a valid manifest for both editions' {
        $manifest = Test-ModuleManifest (Join-Path $modulePath 'Heat.PowerShell.psd1')
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.RootModule | Should -Be 'Heat.PowerShell.dll'
    }

    It 'exports exactly the cmdlets it declares' {
        (Get-Command -Module Heat.PowerShell).Name | Sort-Object | Should -Be ($expected | Sort-Object)
    }

    It 'ships only the allow-listed files' {
        (Get-ChildItem $modulePath).Name | Sort-Object | Should -Be (@(
            'Heat.Client.dll', 'Heat.format.ps1xml', 'Heat.PowerShell.dll', 'Heat.PowerShell.psd1', 'Heat.types.ps1xml',
            'Newtonsoft.Json.dll', 'YamlDotNet.dll') | Sort-Object)
    }

    It 'takes -Session on every cmdlet that talks to Heat' {
        foreach ($name in $expected | Where-Object { $_ -notmatch 'Connect|Disconnect' }) {
            (Get-Command $name).Parameters.ContainsKey('Session') | Should -BeTrue -Because $name
        }
    }
}

Describe 'Connect-HeatService parameters' {
    BeforeAll { $cmd = Get-Command Connect-HeatService }

    It 'has the password, application-credential and token sets, password by default' {
        $cmd.ParameterSets.Name | Sort-Object | Should -Be @('ApplicationCredentialId', 'ApplicationCredentialName', 'Password', 'Token')
        $cmd.DefaultParameterSet | Should -Be 'Password'
    }

    It 'takes secrets only as PSCredential or SecureString' {
        $cmd.Parameters['Credential'].ParameterType | Should -Be ([pscredential])
        $cmd.Parameters['Token'].ParameterType | Should -Be ([securestring])
        $cmd.Parameters['ApplicationCredentialSecret'].ParameterType | Should -Be ([securestring])
    }

    It 'defaults both domains to Default' {
        $help = [Heat.PowerShell.Cmdlets.ConnectHeatService]::new()
        $help.UserDomainName | Should -Be 'Default'
        $help.ProjectDomainName | Should -Be 'Default'
        $help.Interface | Should -Be 'public'
    }

    It 'refuses an interface that is not public, internal or admin' {
        { Connect-HeatService -AuthUrl http://127.0.0.1:9/v3 -Credential ([pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))) -Interface private } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,Heat.PowerShell.Cmdlets.ConnectHeatService'
    }

    It 'reports an unreachable Keystone as a connection error naming the URL' {
        $cred = [pscredential]::new('u', (ConvertTo-SecureString 'not-echoed-9x' -AsPlainText -Force))
        $err = $null
        try { Connect-HeatService -AuthUrl http://127.0.0.1:9/v3 -Credential $cred -TimeoutSec 5 } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'HeatRequestFailed,Heat.PowerShell.Cmdlets.ConnectHeatService'
        $err.Exception.Message | Should -Match '127\.0\.0\.1:9'
        ($err | Out-String) | Should -Not -Match 'not-echoed-9x'
    }
}

Describe 'Cmdlet parameters' {
    It 'New-HeatStack takes a path, a text or a URL, one at a time' {
        (Get-Command New-HeatStack).ParameterSets.Name | Sort-Object | Should -Be @('Template', 'TemplatePath', 'TemplateUrl')
        { New-HeatStack -Name x -TemplatePath a.yaml -TemplateUrl http://x/t.yaml -WhatIf } | Should -Throw -ErrorId 'AmbiguousParameterSet,Heat.PowerShell.Cmdlets.NewHeatStack'
    }

    It 'Remove-HeatStack is high impact and supports -WhatIf' {
        $cmd = Get-Command Remove-HeatStack
        $cmd.Parameters.ContainsKey('WhatIf') | Should -BeTrue
        $cmd.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'binds stacks, events and resources from the pipeline by property name' {
        foreach ($name in 'Get-HeatEvent', 'Get-HeatResource', 'Remove-HeatStack', 'Get-HeatStack') {
            $stackId = (Get-Command $name).Parameters['StackId']
            $stackId.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
        }
    }

    It 'says to connect first when there is no session' {
        Disconnect-HeatService
        { Get-HeatStack } | Should -Throw -ErrorId 'HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStack'
    }
}

Describe 'Objects and formatting' {
    BeforeAll {
        $stack = [Heat.Client.Models.HeatStack]@{
            Id = '8f3c1a52-0b1e-4a55-9f0e-4f4c2b1f6a10'; StackName = 'web-prod'; StackStatus = 'CREATE_COMPLETE'
            CreationTime = [datetime]::new(2026, 11, 25, 10, 0, 0, [DateTimeKind]::Utc)
        }
    }

    It 'shows a stack as a table with its name, status, time and id' {
        $text = $stack | Out-String -Width 120
        $text | Should -Match 'StackName\s+StackStatus\s+CreationTime\s+Id'
        $text | Should -Match 'web-prod\s+CREATE_COMPLETE\s+2026-11-25 10:00:00\s+8f3c1a52'
    }

    It 'gives the short names a user reaches for' {
        $stack.Name | Should -Be 'web-prod'
        $stack.Status | Should -Be 'CREATE_COMPLETE'
        $stack.StackId | Should -Be $stack.Id
        $stack.Action | Should -Be 'CREATE'
        $stack.State | Should -Be 'COMPLETE'
    }

    It 'shows events and resources as tables' {
        $event = [Heat.Client.Models.HeatEvent]@{ ResourceName = 'rand'; ResourceStatus = 'CREATE_FAILED'; ResourceStatusReason = 'boom'; StackName = 'web' }
        ($event | Out-String -Width 120) | Should -Match 'rand\s+CREATE_FAILED\s+boom'
        $event.Status | Should -Be 'CREATE_FAILED'
        $resource = [Heat.Client.Models.HeatResource]@{ ResourceName = 'rand'; ResourceType = 'OS::Heat::RandomString'; ResourceStatus = 'CREATE_COMPLETE'; StackName = 'web' }
        ($resource | Out-String -Width 120) | Should -Match 'rand\s+OS::Heat::RandomString\s+CREATE_COMPLETE\s+web'
    }

    It 'hides a NoEcho default in the parameter table' {
        $p = [Heat.Client.Models.HeatTemplateParameter]@{ Name = 'db_password'; Type = 'String'; Default = 'hunter2'; NoEcho = $true }
        ($p | Out-String) | Should -Not -Match 'hunter2'
        ($p | Out-String) | Should -Match '\*\*\*\*'
    }

    It 'never has a token property on a session' {
        [Heat.Client.HeatSession].GetProperties().Name | Should -Not -Contain 'Token'
    }
}
