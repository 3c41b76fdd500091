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
    $script:projectUri = (Import-PowerShellDataFile (Join-Path $modulePath 'Heat.PowerShell.psd1')).PrivateData.PSData.ProjectUri

    # The parameters a user sees: the cmdlet's own, without the common ones and those hidden with DontShow.
    function Get-ShownParameter($Command) {
        foreach ($parameter in $Command.Parameters.Values) {
            if ($parameter.Name -in $common) { continue }
            if ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) { continue }
            $parameter
        }
    }

    # What is wrong with an example's code: parse errors, Heat cmdlets called with parameters they do not have, and
    # properties named after a Heat cmdlet in the pipeline (Select-Object ParentId) that its output does not have.
    function Test-ExampleCode([string] $Code) {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
        foreach ($parseError in $errors) { "does not parse: $($parseError.Message)" }
        foreach ($call in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            $name = $call.GetCommandName()
            if (-not $name -or -not $moduleCommands.ContainsKey($name)) { continue }
            $parameters = $moduleCommands[$name].Parameters.Values
            # A template of the repository's examples named on the line gives its parameters as the cmdlet's (-worker_count).
            $template = $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $_.Value -match '\.(yaml|json)$' } |
                ForEach-Object { Join-Path $PSScriptRoot '../..' $_.Value } | Where-Object { Test-Path $_ -PathType Leaf } | Select-Object -First 1
            # Get-Command gives them while the statement that names the template runs, so .Parameters is read in it.
            if ($template) { $parameters = Invoke-Expression "(Get-Command $name -ArgumentList '-TemplatePath', '$template').Parameters.Values" }
            $known = foreach ($parameter in $parameters) { $parameter.Name; $parameter.Aliases }
            foreach ($element in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                if ($element.ParameterName -notin $known) { "$name has no parameter -$($element.ParameterName)" }
            }
        }
        foreach ($pipeline in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.PipelineAst] }, $true)) {
            Test-PipedPropertyName $pipeline
        }
    }

    # The commands that name properties of the objects piped to them, positionally or with -Property.
    $script:propertyTakers = 'Select-Object', 'Format-Table', 'Format-List', 'Sort-Object', 'Where-Object', 'Group-Object', 'Measure-Object'

    # Each property a command names right after a Heat cmdlet (up to the first Select-Object, which makes new objects)
    # must be one of the cmdlet's output types' properties, its own or from Heat.types.ps1xml.
    function Test-PipedPropertyName([System.Management.Automation.Language.PipelineAst] $Pipeline) {
        $elements = @($Pipeline.PipelineElements)
        if ($elements.Count -lt 2 -or $elements[0] -isnot [System.Management.Automation.Language.CommandAst]) { return }
        $source = $elements[0].GetCommandName()
        if (-not $source -or -not $moduleCommands.ContainsKey($source)) { return }
        $types = @($moduleCommands[$source].OutputType.Type | Where-Object { $_ -and -not [System.Collections.IDictionary].IsAssignableFrom($_) -and $_ -ne [string] })
        if (-not $types) { return }
        $names = foreach ($type in $types) {
            $type.GetProperties().Name
            (Get-TypeData -TypeName $type.FullName).Members.Keys
        }
        foreach ($element in $elements | Select-Object -Skip 1) {
            $taker = if ($element -is [System.Management.Automation.Language.CommandAst]) { $element.GetCommandName() }
            if ($taker -notin $propertyTakers) { return }
            foreach ($property in Get-NamedProperty $element) {
                if ($property -notin $names) { "$source writes no object with a property $property ($taker)" }
            }
            if ($taker -eq 'Select-Object') { return }
        }
    }

    # The property names a command gives as bare words or strings: its first positional argument (Where-Object's
    # property, or a list), or -Property's.
    function Get-NamedProperty([System.Management.Automation.Language.CommandAst] $Command) {
        $elements = @($Command.CommandElements | Select-Object -Skip 1)
        $argument = $null
        for ($i = 0; $i -lt $elements.Count; $i++) {
            if ($elements[$i] -is [System.Management.Automation.Language.CommandParameterAst]) {
                if ($elements[$i].ParameterName -eq 'Property') { $argument = $elements[$i].Argument ?? $elements[$i + 1] }
                if (-not $elements[$i].Argument) { $i++ }
                continue
            }
            if (-not $argument) { $argument = $elements[$i] }
            break
        }
        $items = if ($argument -is [System.Management.Automation.Language.ArrayLiteralAst]) { $argument.Elements } else { @($argument) }
        foreach ($item in $items) {
            if ($item -is [System.Management.Automation.Language.StringConstantExpressionAst] -and -not [WildcardPattern]::ContainsWildcardCharacters($item.Value)) { $item.Value }
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

    It 'shows -WhatIf and -Confirm in each syntax, and describes them, when it supports them' {
        if (-not $command.Parameters.ContainsKey('WhatIf')) { return }
        foreach ($item in @($help.syntax.syntaxItem)) {
            $item.parameter.name | Should -Contain 'WhatIf'
            $item.parameter.name | Should -Contain 'Confirm'
        }
        ((Get-Help $Name -Parameter WhatIf).description.Text -join '') | Should -Not -BeNullOrEmpty
        ((Get-Help $Name -Parameter Confirm).description.Text -join '') | Should -Not -BeNullOrEmpty
        ($help | Out-String -Width 1000) | Should -Match '\[-WhatIf\] \[-Confirm\]'
    }

    It 'links to its page under docs/cmdlets in the project''s repository, for Get-Help -Online' {
        $online = @($help.relatedLinks.navigationLink | Where-Object { $_.uri })[0].uri
        $online | Should -Be "$($projectUri.TrimEnd('/'))/blob/main/docs/cmdlets/$Name.md"
        # PowerShell takes a cmdlet's HelpUri from that link when the class names none.
        $command.HelpUri | Should -Be $online
        Join-Path $PSScriptRoot "../../docs/cmdlets/$Name.md" | Should -Exist
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
        Test-ExampleCode 'Get-HeatStack -ShowNested | Select-Object StackName, ParentId' | Should -Be 'Get-HeatStack writes no object with a property ParentId (Select-Object)'
        Test-ExampleCode 'Get-HeatEvent web | Where-Object ResourceStatus -like *FAILED | Format-Table ResourceName, Nope' |
            Should -Be 'Get-HeatEvent writes no object with a property Nope (Format-Table)'
        Test-ExampleCode 'Get-HeatStack | Select-Object StackName, Parent, Outputs | Format-Table Whatever' | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help -Online' {
    It 'opens each cmdlet''s page with the system''s URL opener, without an error' -Skip:($IsWindows -or $IsMacOS) {
        # A stand-in for xdg-open that records what it was asked to open, first on PATH of a child pwsh.
        $bin = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "heat-online-$PID-$(Get-Random)")).FullName
        $opened = Join-Path $bin 'opened.txt'
        Set-Content -LiteralPath (Join-Path $bin 'xdg-open') -Value "#!/bin/sh`necho `"`$1`" >> '$opened'"
        & chmod +x (Join-Path $bin 'xdg-open')
        $manifest = Join-Path $modulePath 'Heat.PowerShell.psd1'
        $script = "Import-Module '$manifest'; Get-Command -Module Heat.PowerShell -CommandType Cmdlet | ForEach-Object { Get-Help `$_.Name -Online -ErrorAction Stop }"
        $savedPath = $env:PATH
        try {
            $env:PATH = $bin + [IO.Path]::PathSeparator + $env:PATH
            $native = Join-Path $PSHOME 'pwsh'
            if ((Test-Path $native -PathType Leaf) -and (Get-Item $native).UnixFileMode -match 'x') { & $native -NoProfile -NonInteractive -Command $script }
            else { & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $script }
            $LASTEXITCODE | Should -Be 0
        }
        finally { $env:PATH = $savedPath }

        $expected = ($moduleCommands.Values | Where-Object CommandType -eq Cmdlet | Sort-Object Name).Name |
            ForEach-Object { "$($projectUri.TrimEnd('/'))/blob/main/docs/cmdlets/$_.md" }
        Get-Content -LiteralPath $opened | Should -Be $expected
        Remove-Item -LiteralPath $bin -Recurse -Force
    }
}

Describe 'docs/openstack-commands.md' {
    It 'names, for a PATCH (--existing), only cmdlets that make one' {
        $lines = Get-Content (Join-Path $PSScriptRoot '../../docs/openstack-commands.md') | Where-Object { $_ -match 'PATCH|--existing' }
        $lines | Should -Not -BeNullOrEmpty
        foreach ($line in $lines) {
            foreach ($cmdlet in [regex]::Matches($line, '\b[A-Z][a-z]+-Heat\w+').Value | Select-Object -Unique) {
                (Get-Help $cmdlet -Full | Out-String) | Should -Match '\bPATCH\b' -Because "the line names $cmdlet for a PATCH: $line"
            }
        }
    }
}

Describe 'Scripts that wait' {
    BeforeAll {
        # A failed -Wait is a non-terminating error: a script that does not stop on errors (or count them) exits 0.
        function script:Test-StopsOnError([string] $Code) {
            $Code -match "\`$ErrorActionPreference\s*=\s*'Stop'" -or $Code -match '-ErrorAction\s+Stop\b' -or $Code -match '-ErrorVariable\s+\w+'
        }
    }

    It 'README''s blocks that wait stop on errors' {
        $readme = Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw
        $blocks = [regex]::Matches($readme, '(?s)```powershell\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value } | Where-Object { $_ -match '-Wait\b' }
        $blocks | Should -Not -BeNullOrEmpty
        foreach ($block in $blocks) { Test-StopsOnError $block | Should -BeTrue -Because "this block waits: $($block.Substring(0, [Math]::Min(200, $block.Length)))" }
    }

    It 'every script in examples/ that waits stops on errors' {
        $scripts = Get-ChildItem (Join-Path $PSScriptRoot '../../examples') -Filter *.ps1 | Where-Object { (Get-Content $_.FullName -Raw) -match '-Wait\b' }
        $scripts | Should -Not -BeNullOrEmpty
        foreach ($file in $scripts) { Test-StopsOnError (Get-Content $file.FullName -Raw) | Should -BeTrue -Because "$($file.Name) waits" }
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
        $catalog = [System.Reflection.Assembly]::LoadFrom((Join-Path $modulePath 'Heat.PowerShell.dll')).GetType('Heat.PowerShell.Errors.ErrorCatalog', $true)
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
