# The built module as Windows PowerShell 5.1 loads it, on the .NET Framework 4.8 profile: tests/Framework/Heat.ModuleLoad
# imports it the way 5.1 does (Assembly.LoadFrom, the public types scanned, OnImport, the parameters read), then loads
# a template and connects through the retry pipeline. On Linux it runs under Mono (build.ps1 Test and UnitTest install
# mono-devel); Mono is not Windows PowerShell: README.md, "Windows PowerShell 5.1", says what this shows and what not.
# No cloud needed: the Keystone is the program's own, on 127.0.0.1.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:modulePath = (Resolve-Path $modulePath).Path
    $script:dependencies = Join-Path $modulePath 'Dependencies'
    $script:template = (Resolve-Path (Join-Path $PSScriptRoot 'templates/check/app.yaml')).Path

    $mono = if (-not $IsWindows) { Get-Command mono -CommandType Application -ErrorAction Ignore | Select-Object -First 1 }
    if (-not $IsWindows -and -not $mono) {
        throw 'These tests run the module under Mono, which is missing: build.ps1 Test and UnitTest install it (mono-devel), or: apt-get install --no-install-recommends mono-devel'
    }
    $program = Join-Path $TestDrive 'moduleload'
    $build = & dotnet build (Join-Path $PSScriptRoot '../Framework/Heat.ModuleLoad/Heat.ModuleLoad.csproj') -c Release -o $program --nologo -v q 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Building Heat.ModuleLoad failed:`n$($build -join "`n")" }
    $exe = Join-Path $program 'Heat.ModuleLoad.exe'
    $output = if ($IsWindows) { & $exe $modulePath $template 2>&1 } else { & $mono.Source $exe $modulePath $template 2>&1 }
    $script:exitCode = $LASTEXITCODE
    $script:text = ($output | ForEach-Object { "$_" }) -join "`n"
    # name TAB value [TAB value]: one line each.
    $script:report = $output | ForEach-Object { "$_" } | Where-Object { $_ -match "`t" } | ForEach-Object {
        $fields = $_ -split "`t"
        [pscustomobject]@{ Name = $fields[0]; Value = $fields[1]; Extra = if ($fields.Count -gt 2) { $fields[2] } }
    }
    function script:Reported([string] $Name) { $report | Where-Object Name -EQ $Name }
    function script:LoadedFrom([string] $Assembly) { (Reported 'loaded' | Where-Object Value -EQ $Assembly).Extra }
}

Describe 'The module on the .NET Framework profile, loaded as Windows PowerShell 5.1 loads it' {
    It 'imports, runs its initializer and reads every parameter, with no error' {
        $exitCode | Should -Be 0 -Because $text
        Reported 'error' | Should -BeNullOrEmpty
        (Reported 'initializer').Value | Should -Be 'Heat.PowerShell.Loading.DependencyLoader'
        [int](Reported 'parameters').Value | Should -BeGreaterThan 100
        # 5.1's runtime has none; with one the loader would take pwsh 7's path and this would show nothing about 5.1.
        (Reported 'assembly-load-context').Value | Should -Be 'absent'
    }

    It 'finds every cmdlet the manifest exports' {
        $exported = (Import-PowerShellDataFile (Join-Path $modulePath 'Heat.PowerShell.psd1')).CmdletsToExport
        (Reported 'cmdlet').Value | Sort-Object | Should -Be ($exported | Sort-Object)
    }

    It 'loads YamlDotNet, Newtonsoft.Json and Polly.Core from Dependencies/, where the Framework itself never looks' {
        foreach ($library in 'YamlDotNet', 'Newtonsoft.Json', 'Polly.Core', 'Microsoft.Bcl.TimeProvider') {
            LoadedFrom $library | Should -Be (Join-Path $dependencies "$library.dll") -Because "$library must resolve from the module"
        }
        LoadedFrom 'Heat.Client' | Should -Be (Join-Path $modulePath 'Heat.Client.dll')
    }

    It 'takes every library it loads that Dependencies/ has from there, none from elsewhere' {
        $shipped = (Get-ChildItem $dependencies -Filter *.dll).BaseName
        $loaded = Reported 'loaded' | Where-Object Value -In $shipped
        $loaded | Should -Not -BeNullOrEmpty
        foreach ($library in $loaded) {
            $library.Extra | Should -Be (Join-Path $dependencies "$($library.Value).dll")
        }
    }

    It 'loads a template into what pwsh 7 sends: the same JSON, the same files' {
        Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
        # The module's own Heat.Client, as its cmdlets load it (a type name alone does not load an assembly).
        $null = [System.Reflection.Assembly]::LoadFrom((Join-Path $modulePath 'Heat.Client.dll'))
        $request = [Heat.Client.Templates.TemplateRequest]@{ TemplatePath = $template }
        $bundle = [Heat.Client.Templates.TemplateLoader]::CheckLocal($request)
        $sha = [System.Security.Cryptography.SHA256]::Create()
        $files = $bundle.Files.GetEnumerator() | Sort-Object Key | ForEach-Object {
            $_.Key + ' ' + [Convert]::ToHexString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($_.Value))).ToLowerInvariant()
        }

        (Reported 'template').Value | Should -Be $bundle.Template.ToString([Newtonsoft.Json.Formatting]::None)
        Reported 'file' | ForEach-Object { $_.Value + ' ' + $_.Extra } | Should -Be $files
        $files.Count | Should -Be 2 -Because 'app.yaml names tier.yaml, which names leaf.yaml'
    }

    It 'connects through the retry pipeline: a 503, a retry, then a token' {
        (Reported 'keystone-requests').Value | Should -Be '2'
        (Reported 'heat-endpoint').Value | Should -Match '^http://127\.0\.0\.1:\d+/v1/p-framework$'
        $trace = (Reported 'trace').Value
        $trace | Should -HaveCount 3 -Because ($trace -join "`n")
        $trace[0] | Should -Match '^POST .*/v3/auth/tokens -> 503 Service Unavailable'
        $trace[1] | Should -Match '^Retrying POST .*/v3/auth/tokens in .* \(retry 1 of 1\)'
        $trace[2] | Should -Match '^POST .*/v3/auth/tokens -> 201 Created .*\(retry 1 of 1\)$'
    }
}
