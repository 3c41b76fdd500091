# The help a user reads, as the built module gives it: Get-Help -Full for every cmdlet, the about topics, and the
# pages in docs/cmdlets. All of it is generated from the /// comments in src/Heat.PowerShell by
# src/Heat.PowerShell/Help/New-HeatHelp.ps1 (build.ps1 Build; build.ps1 Docs copies the pages into docs/).
# No cloud needed.

BeforeDiscovery {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $commands = Get-Command -Module Heat.PowerShell -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $script:common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $script:moduleCommands = @{}
    foreach ($command in Get-Command -Module Heat.PowerShell) { $moduleCommands[$command.Name] = $command }

    # The parameters a user sees: the cmdlet's own, without the common ones and those hidden with DontShow.
    function Get-ShownParameter($Command) {
        foreach ($parameter in $Command.Parameters.Values) {
            if ($parameter.Name -in $common) { continue }
            if ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) { continue }
            $parameter
        }
    }

    # What is wrong with an example's code: parse errors, and Heat cmdlets called with parameters they do not have.
    function Test-ExampleCode([string] $Code) {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
        foreach ($parseError in $errors) { "does not parse: $($parseError.Message)" }
        foreach ($call in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            $name = $call.GetCommandName()
            if (-not $name -or -not $moduleCommands.ContainsKey($name)) { continue }
            $known = foreach ($parameter in $moduleCommands[$name].Parameters.Values) { $parameter.Name; $parameter.Aliases }
            foreach ($element in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                if ($element.ParameterName -notin $known) { "$name has no parameter -$($element.ParameterName)" }
            }
        }
    }
}

Describe 'Get-Help <Name> -Full' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'has a synopsis and a description of its own' {
        # Without help, PowerShell makes a synopsis from the syntax and gives no description.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))\s+[\[-]"
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        foreach ($parameter in Get-ShownParameter $command) {
            $entry = $help.parameters.parameter | Where-Object name -eq $parameter.Name
            $entry | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $Name should be in its help"
            ($entry.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $Name needs a description"
        }
    }

    It 'has at least two examples whose code parses and calls Heat cmdlets with parameters they have' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join '') | Should -Not -BeNullOrEmpty -Because 'an example says what it does'
            @(Test-ExampleCode $example.code) | Should -BeNullOrEmpty -Because "example: $($example.code)"
        }
    }

    It 'names its inputs, outputs and notes' {
        @($help.inputTypes.inputType).Count | Should -BeGreaterThan 0
        @($help.returnValues.returnValue).Count | Should -BeGreaterThan 0
        ($help.alertSet.alert.Text -join '') | Should -Not -BeNullOrEmpty
        foreach ($type in $command.OutputType.Type | Where-Object { $_ }) {
            $help.returnValues.returnValue.type.name | Should -Contain $type.FullName
        }
    }
}

Describe 'The example checker' {
    It 'finds a parse error and a parameter the cmdlet lacks' {
        # The checker itself must be able to fail, or the example test above proves nothing.
        @(Test-ExampleCode 'Get-HeatStack -Status (').Count | Should -BeGreaterThan 0
        Test-ExampleCode 'Get-HeatStack web -NoSuchParameter' | Should -Be 'Get-HeatStack has no parameter -NoSuchParameter'
        Test-ExampleCode 'Get-HeatStack -Name web -Status FAILED | Remove-HeatStack -Force' | Should -BeNullOrEmpty
    }
}

Describe 'The about topics' {
    It 'are found by Get-Help' {
        $topic = Get-Help about_Heat.PowerShell | Out-String
        foreach ($section in 'SESSIONS', 'STACKS AND PIPELINES', 'WAITING', 'HOOKS', 'ERRORS') { $topic | Should -Match "(?m)^$section" }
        $templates = Get-Help about_Heat.PowerShell_Templates | Out-String
        foreach ($section in 'HOW FILES ARE RESOLVED', 'REMOTE TEMPLATES', 'LIMITS', 'VALIDATING') { $templates | Should -Match "(?m)^$section" }
    }

    It 'explain every error id the module gives' {
        $topic = Get-Help about_Heat.PowerShell | Out-String
        $catalog = [System.Reflection.Assembly]::LoadFrom((Join-Path $modulePath 'Heat.PowerShell.dll')).GetType('Heat.PowerShell.ErrorCatalog', $true)
        $ids = @($catalog.GetProperty('Ids', [System.Reflection.BindingFlags]'NonPublic, Static').GetValue($null))
        $ids.Count | Should -BeGreaterThan 10
        foreach ($id in $ids) {
            if ($id -like '{noun}*') {
                # A noun-taking id is explained as <Noun>Suffix, or by one of its ids (HeatStackFailed).
                $topic | Should -Match "(<Noun>|Heat[A-Za-z]*)$([regex]::Escape($id.Substring(6)))\b" -Because "$id is an error id"
            }
            else {
                $topic | Should -Match "\b$([regex]::Escape($id))\b" -Because "$id is an error id"
            }
        }
    }
}

Describe 'The pages in docs/cmdlets' {
    BeforeAll {
        $docs = Join-Path $PSScriptRoot '../../docs/cmdlets'
        # build.ps1 Build writes the pages from the same source next to the module.
        $generated = Join-Path $modulePath '../docs/cmdlets'
    }

    It 'has a page per cmdlet, each listed in the index' {
        $index = Get-Content (Join-Path $docs 'README.md') -Raw
        foreach ($name in ($moduleCommands.Values | Where-Object CommandType -eq Cmdlet).Name) {
            Join-Path $docs "$name.md" | Should -Exist
            $index | Should -Match "\[$name\]\($name\.md\)"
        }
    }

    It 'are what the generator writes from the source now (run build.ps1 Docs after changing a comment)' {
        Test-Path $generated | Should -BeTrue -Because 'build.ps1 Build writes the pages next to the module'
        $committed = Get-ChildItem $docs -File | Sort-Object Name
        $fresh = Get-ChildItem $generated -File | Sort-Object Name
        $committed.Name | Should -Be $fresh.Name
        foreach ($file in $fresh) {
            $now = (Get-Content $file.FullName -Raw) -replace "`r`n", "`n"
            $then = (Get-Content (Join-Path $docs $file.Name) -Raw) -replace "`r`n", "`n"
            $then | Should -BeExactly $now -Because "docs/cmdlets/$($file.Name) should match the source (build.ps1 Docs)"
        }
    }
}
