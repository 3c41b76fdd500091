# Unit tests of the built module: what loads, what is exported, how parameters bind, how objects look.
# They need no cloud.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    # What the assembly defines is the truth; the manifest, formats and docs must follow it.
    $assembly = [System.Reflection.Assembly]::LoadFrom((Join-Path $modulePath 'Heat.PowerShell.dll'))
    $script:cmdletTypes = $assembly.GetExportedTypes() | Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) }
    $script:expected = $cmdletTypes | ForEach-Object {
        $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        '{0}-{1}' -f $attribute.VerbName, $attribute.NounName
    }
}

Describe 'The module' {
    It 'has a valid manifest for both editions' {
        $manifest = Test-ModuleManifest (Join-Path $modulePath 'Heat.PowerShell.psd1')
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.RootModule | Should -Be 'Heat.PowerShell.dll'
    }

    It 'exports exactly the cmdlets it declares' {
        (Get-Command -Module Heat.PowerShell -CommandType Cmdlet).Name | Sort-Object | Should -Be ($expected | Sort-Object)
        (Test-ModuleManifest (Join-Path $modulePath 'Heat.PowerShell.psd1')).ExportedCmdlets.Keys | Sort-Object | Should -Be ($expected | Sort-Object)
    }

    It 'has a view for every type a cmdlet outputs' {
        # Every format file the manifest loads: the views are split by area so that no file grows past reading.
        $formatFiles = (Import-PowerShellDataFile (Join-Path $modulePath 'Heat.PowerShell.psd1')).FormatsToProcess
        $viewed = foreach ($file in $formatFiles) {
            ([xml] (Get-Content (Join-Path $modulePath $file) -Raw)).Configuration.ViewDefinitions.View.ViewSelectedBy.TypeName
        }
        foreach ($type in $cmdletTypes) {
            # The module's own types; strings, hashtables and files have PowerShell's views.
            foreach ($output in $type.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $false).Type | Where-Object { $_.Type.FullName -like 'Heat.*' }) {
                $viewed | Should -Contain $output.Type.FullName -Because "$($type.Name) outputs it"
            }
        }
    }

    It 'documents every cmdlet in docs/cmdlets.md' {
        $headings = Select-String -Path (Join-Path $PSScriptRoot '../../docs/cmdlets.md') -Pattern '^## (\S+)' | ForEach-Object { $_.Matches[0].Groups[1].Value }
        foreach ($name in $expected) { $headings | Should -Contain $name }
    }

    It 'ships only the allow-listed files' {
        (Get-ChildItem $modulePath).Name | Sort-Object | Should -Be (@(
            'Heat.Client.dll', 'Heat.format.ps1xml', 'Heat.Insight.format.ps1xml', 'Heat.Software.format.ps1xml', 'Heat.Templating.format.ps1xml', 'Heat.Fleet.format.ps1xml', 'Heat.PowerShell.dll', 'Heat.PowerShell.psd1', 'Heat.types.ps1xml',
            'LICENSE', 'Dependencies', 'en-US') | Sort-Object)
        # The libraries, where PowerShell's probing does not find them (see SideBySide.Tests.ps1).
        (Get-ChildItem (Join-Path $modulePath 'Dependencies')).Name | Sort-Object | Should -Be (@(
            'Newtonsoft.Json.dll', 'YamlDotNet.dll', 'Polly.Core.dll', 'Microsoft.Bcl.TimeProvider.dll', 'Microsoft.Bcl.AsyncInterfaces.dll',
            'System.ComponentModel.Annotations.dll', 'System.Runtime.CompilerServices.Unsafe.dll', 'System.Threading.Tasks.Extensions.dll') | Sort-Object)
        # The help (tests/Pester/Help.Tests.ps1 checks what it says).
        (Get-ChildItem (Join-Path $modulePath 'en-US')).Name | Sort-Object | Should -Be (@(
            'Heat.PowerShell.dll-Help.xml', 'about_Heat.PowerShell.help.txt', 'about_Heat.PowerShell_Templates.help.txt') | Sort-Object)
    }

    It 'has a manifest with what a gallery shows' {
        $manifest = Test-ModuleManifest (Join-Path $modulePath 'Heat.PowerShell.psd1')
        $data = Import-PowerShellDataFile (Join-Path $modulePath 'Heat.PowerShell.psd1')
        # The module version is the assemblies' version (Directory.Build.props).
        $assemblyVersion = $assembly.GetName().Version
        $manifest.Version | Should -Be ([version]::new($assemblyVersion.Major, $assemblyVersion.Minor, $assemblyVersion.Build))
        $manifest.Guid | Should -Not -Be ([guid]::Empty)
        $manifest.Author | Should -Not -BeNullOrEmpty
        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.PowerShellVersion | Should -Be ([version] '5.1')
        $manifest.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.ReleaseNotes | Should -Not -BeNullOrEmpty
        $manifest.Tags | Should -Contain 'OpenStack'
        $manifest.Tags | Should -Contain 'PSEdition_Core'
        $manifest.Tags | Should -Contain 'PSEdition_Desktop'
        # Explicit lists, no wildcards: command discovery reads them without loading the module.
        $data.FunctionsToExport.Count | Should -Be 0
        $data.VariablesToExport.Count | Should -Be 0
        $data.AliasesToExport | Should -Not -Contain '*'
        $data.CmdletsToExport | Should -Not -Contain '*'
    }

    It 'exports exactly the aliases its cmdlets declare' {
        # [Alias] on a cmdlet class is the truth; the manifest lists them by hand (Windows PowerShell ignores the attribute).
        $declared = foreach ($type in $cmdletTypes) {
            $cmdlet = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            foreach ($alias in $type.GetCustomAttributes([System.Management.Automation.AliasAttribute], $false).AliasNames) {
                [pscustomobject]@{ Name = $alias; Definition = '{0}-{1}' -f $cmdlet.VerbName, $cmdlet.NounName }
            }
        }
        $declared.Name | Should -Contain 'Get-HeatStackEvent'
        (Import-PowerShellDataFile (Join-Path $modulePath 'Heat.PowerShell.psd1')).AliasesToExport | Sort-Object | Should -Be ($declared.Name | Sort-Object)
        (Get-Module Heat.PowerShell).ExportedAliases.Keys | Sort-Object | Should -Be ($declared.Name | Sort-Object)
        foreach ($alias in $declared) {
            (Get-Alias $alias.Name).ResolvedCommand.Name | Should -Be $alias.Definition
        }
    }

    It 'takes -Session on every cmdlet that talks to Heat' {
        foreach ($name in $expected | Where-Object { $_ -notmatch 'Connect|Disconnect|Get-HeatSession|HeatStackSet$' }) {
            (Get-Command $name).Parameters.ContainsKey('Session') | Should -BeTrue -Because $name
        }
    }
}

Describe 'Connect-HeatService parameters' {
    BeforeAll { $cmd = Get-Command Connect-HeatService }

    It 'has the password, application-credential, token and cloud sets, and by default (no arguments) the environment' {
        $cmd.ParameterSets.Name | Sort-Object | Should -Be @('ApplicationCredentialId', 'ApplicationCredentialName', 'Cloud', 'Environment', 'Password', 'Token')
        $cmd.DefaultParameterSet | Should -Be 'Environment'
        $cmd.ParameterSets.Where({ $_.Name -eq 'Environment' }).Parameters.Where({ $_.IsMandatory }) | Should -BeNullOrEmpty
    }

    It 'binds -AuthUrl and -Credential by position to the password set, as before' {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput('Connect-HeatService http://k:5000/v3 $c', [ref]$null, [ref]$null)
        $bound = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($ast.EndBlock.Statements[0].PipelineElements[0])
        $bound.BoundParameters.Keys | Sort-Object | Should -Be @('AuthUrl', 'Credential')
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
    It 'New-HeatStack takes a path, a text, a URL or adopt data, one at a time' {
        (Get-Command New-HeatStack).ParameterSets.Name | Sort-Object | Should -Be @('Adopt', 'Template', 'TemplatePath', 'TemplateUrl')
        { New-HeatStack -Name x -TemplatePath a.yaml -TemplateUrl http://x/t.yaml -WhatIf } | Should -Throw -ErrorId 'AmbiguousParameterSet,Heat.PowerShell.Cmdlets.NewHeatStack'
        { New-HeatStack -Name x -TemplatePath a.yaml -AdoptPath a.json -WhatIf } | Should -Throw -ErrorId 'ParameterNotInParameterSet,Heat.PowerShell.Cmdlets.NewHeatStack'
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

    It 'changes a resource only through a named mark or signal, each with -WhatIf' {
        (Get-Command Set-HeatResource).ParameterSets.Name | Sort-Object | Should -Be @('MarkHealthy', 'MarkUnhealthy')
        foreach ($name in 'Set-HeatResource', 'Send-HeatResourceSignal') { (Get-Command $name).Parameters.ContainsKey('WhatIf') | Should -BeTrue -Because $name }
        { Set-HeatResource web server -WhatIf } | Should -Throw -ErrorId 'AmbiguousParameterSet,Heat.PowerShell.Cmdlets.SetHeatResource'
    }

    It 'Get-HeatResourceType lists by default, and -Schema and -AsTemplate each need a name' {
        $cmd = Get-Command Get-HeatResourceType
        $cmd.DefaultParameterSet | Should -Be 'List'
        $cmd.ParameterSets.Name | Sort-Object | Should -Be @('List', 'Schema', 'Template')
        foreach ($set in 'Schema', 'Template') {
            ($cmd.ParameterSets | Where-Object Name -EQ $set).Parameters.Where({ $_.Name -eq 'Name' }).IsMandatory | Should -BeTrue -Because $set
        }
        (Get-Command Get-HeatResource).ParameterSets.Name | Sort-Object | Should -Be @('List', 'Metadata')
    }

    It 'says to connect first when there is no session' {
        Disconnect-HeatService
        { Get-HeatStack } | Should -Throw -ErrorId 'HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStack'
    }
}

Describe 'Test-HeatTemplate -Offline (no cloud, no session)' {
    BeforeAll {
        Disconnect-HeatService
        $script:fixtures = Join-Path $PSScriptRoot '../Heat.Client.Tests/Fixtures/templates'
        $script:examples = Join-Path $PSScriptRoot '../../examples/templates'
    }

    It 'returns what the template declares, with every file it pulls in' {
        $v = Test-HeatTemplate -Offline (Join-Path $examples 'app-tier.yaml') -EnvironmentPath (Join-Path $examples 'env/dev.yaml')
        $v.IsOffline | Should -BeTrue
        $v.Parameters.Name | Should -Be @('worker_count', 'environment_name', 'admin_password_length')
        ($v.Parameters | Where-Object Name -eq admin_password_length).NoEcho | Should -BeTrue
        $v.Files | Where-Object { $_ -like 'file:///*/examples/templates/worker.yaml' } | Should -Not -BeNullOrEmpty
        $v.Files | Where-Object { $_ -like 'file:///*/examples/templates/scripts/boot.sh' } | Should -Not -BeNullOrEmpty
    }

    It 'names the file, line and column of YAML that does not parse' {
        $null = Test-HeatTemplate -Offline (Join-Path $fixtures 'edge/errors/bad-indent.yaml') -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].Exception.Message | Should -Match 'bad-indent\.yaml \(line 6, column 16\)'
        $problems[0].Exception.Line | Should -Be 6
    }

    It 'names a get_file target that does not exist, and where it was named' {
        $null = Test-HeatTemplate -Offline (Join-Path $fixtures 'edge/errors/missing-get-file.yaml') -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].Exception.Message | Should -Match 'missing-get-file\.yaml \(line 8, column 26\).*not-there\.sh does not exist'
    }

    It 'refuses a template without a version key' {
        $null = Test-HeatTemplate -Offline (Join-Path $fixtures 'edge/errors/no-version.yaml') -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].Exception.Message | Should -Match 'heat_template_version'
    }

    It 'refuses a template over Heat''s 524288-byte limit before anything is sent' {
        $big = Join-Path ([IO.Path]::GetTempPath()) "big-$(Get-Random).yaml"
        try {
            $body = "heat_template_version: 2018-08-31`ndescription: |`n" + ('  ' + ('x' * 100) + "`n") * 5300
            Set-Content -Path $big -Value $body -NoNewline
            $null = Test-HeatTemplate -Offline $big -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems[0].Exception.Message | Should -Match '524288'
        }
        finally { Remove-Item $big -ErrorAction SilentlyContinue }
    }

    It 'checks every piped file and goes on after a bad one' {
        $files = Get-ChildItem (Join-Path $fixtures 'edge/errors') -Filter *.yaml
        $ok = $files | Test-HeatTemplate -Offline -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count + @($ok).Count | Should -Be $files.Count
        $problems.Count | Should -BeGreaterThan 3
    }
}

Describe 'The openstack command table (docs/openstack-commands.md)' {
    BeforeAll {
        $table = Get-Content (Join-Path $PSScriptRoot '../../docs/openstack-commands.md')
        $script:rows = foreach ($line in $table) {
            if ($line -match '^\| `openstack (?<command>[a-z ]+)` \| `(?<cmdlet>[A-Za-z-]+)` \| (?<example>.*) \|$') {
                [pscustomobject]@{ Command = $Matches.command; Cmdlet = $Matches.cmdlet; Example = $Matches.example }
            }
        }
        $script:entryPoints = '/usr/lib/python3/dist-packages/python_heatclient-3.1.0.egg-info/entry_points.txt'

        # Each call of a Heat cmdlet in $code whose named parameter the cmdlet lacks (or that does not parse).
        function script:Find-UnknownParameter([string] $code) {
            $tokens = $null; $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $tokens, [ref] $errors)
            if ($errors) { return "'$code' does not parse: $($errors[0].Message)" }
            foreach ($call in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                $name = $call.GetCommandName()
                if ($name -notlike '*-Heat*') { continue }
                $command = Get-Command $name -Module Heat.PowerShell -ErrorAction SilentlyContinue
                if (-not $command) { "no command $name"; continue }
                foreach ($parameter in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                    try { $null = $command.ResolveParameter($parameter.ParameterName) }
                    catch { "$name has no -$($parameter.ParameterName)" }
                }
            }
        }
    }

    It 'names only cmdlets the module has' {
        $rows.Count | Should -BeGreaterThan 40
        $rows | Where-Object { $_.Cmdlet -notin $expected } | ForEach-Object Cmdlet | Should -BeNullOrEmpty
    }

    It 'gives examples that call the cmdlet of their row with parameters it has' {
        $wrong = foreach ($row in $rows) {
            if ($row.Example -notmatch [regex]::Escape($row.Cmdlet)) { "$($row.Command): the example does not call $($row.Cmdlet)" }
            foreach ($code in [regex]::Matches($row.Example, '`([^`]+)`') | ForEach-Object { $_.Groups[1].Value -replace '\\\|', '|' }) {
                Find-UnknownParameter $code | ForEach-Object { "$($row.Command): $_" }
            }
        }
        $wrong | Should -BeNullOrEmpty
    }

    It 'README''s tour calls cmdlets with parameters they have' {
        $readme = Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw
        $blocks = [regex]::Matches($readme, '(?s)```powershell\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value }
        $blocks.Count | Should -BeGreaterThan 0
        $wrong = foreach ($block in $blocks) { Find-UnknownParameter $block }
        $wrong | Should -BeNullOrEmpty
    }

    It 'has a row for every openstack command heatclient adds' -Skip:(-not (Test-Path '/usr/lib/python3/dist-packages/python_heatclient-3.1.0.egg-info/entry_points.txt')) {
        $inSection = $false
        $commands = foreach ($line in Get-Content $entryPoints) {
            if ($line -match '^\[(.+)\]') { $inSection = $Matches[1] -eq 'openstack.orchestration.v1'; continue }
            if ($inSection -and $line -match '^(\w+) =') { $Matches[1] -replace '_', ' ' }
        }
        $commands.Count | Should -Be 49
        $commands | Where-Object { $_ -notin $rows.Command } | Should -BeNullOrEmpty
    }
}
