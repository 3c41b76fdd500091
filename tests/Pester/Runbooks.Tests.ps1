# The runbook examples that need no cloud (issue 12): the CI gate examples/Test-HeatTemplateFolder.ps1, run the way a
# build pipeline runs it (a child pwsh with -File), judged by its exit code and what it prints; and what
# examples/Export-HeatFailedStackEvent.ps1 writes of hostile event text, with Heat's cmdlets mocked.

BeforeAll {
    $script:modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:gate = Join-Path $PSScriptRoot '../../examples/Test-HeatTemplateFolder.ps1'

    # The gate in a child pwsh: its exit code and every line it printed (stdout and stderr).
    function script:Invoke-Gate([string[]] $Arguments) {
        $native = Join-Path $PSHOME 'pwsh'
        # Under 'dotnet pwsh' (the local tool) there is no pwsh executable beside the host: start it through dotnet.
        $lines = if ((Test-Path $native -PathType Leaf) -and -not $IsWindows -and (Get-Item $native).UnixFileMode -match 'x') {
            & $native -NoProfile -NonInteractive -File $gate -ModulePath $modulePath @Arguments 2>&1
        }
        else { & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $gate -ModulePath $modulePath @Arguments 2>&1 }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Lines = @($lines | ForEach-Object { "$_" }) }
    }

    # A folder of good templates: a HOT template with get_file and a child template, an environment whose registry
    # names the child, a CloudFormation-format template, and a file that is not a template at all.
    function script:New-GoodFolder([string] $Folder) {
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $Folder 'scripts'), (Join-Path $Folder 'env')
        Set-Content (Join-Path $Folder 'web.yaml') @'
heat_template_version: 2018-08-31
parameters:
  size: {type: number, default: 2}
resources:
  config:
    type: OS::Heat::SoftwareConfig
    properties: {config: {get_file: scripts/boot.sh}}
  tier:
    type: child.yaml
    properties: {size: {get_param: size}}
'@
        Set-Content (Join-Path $Folder 'child.yaml') @'
heat_template_version: 2018-08-31
parameters:
  size: {type: number}
resources:
  r: {type: OS::Heat::RandomString, properties: {length: {get_param: size}}}
'@
        Set-Content (Join-Path $Folder 'scripts/boot.sh') "#!/bin/sh`necho hi"
        Set-Content (Join-Path $Folder 'env/prod.yml') @'
# An environment: no template version, only environment sections.
resource_registry:
  My::Tier: ../child.yaml
parameter_defaults:
  size: 3
'@
        Set-Content (Join-Path $Folder 'bucket.template') '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"r": {"Type": "OS::Heat::None"}}}'
        Set-Content (Join-Path $Folder 'notes.txt') 'not a template'
    }
}

Describe 'The CI gate example (Test-HeatTemplateFolder.ps1)' {
    It 'fails a template the analyzer finds an Error in, and writes every finding as SARIF' {
        $folder = Join-Path $TestDrive 'analyzed'
        New-GoodFolder $folder
        Set-Content (Join-Path $folder 'cycle.yaml') "heat_template_version: 2018-08-31`nresources:`n  a: {type: OS::Heat::None, depends_on: b}`n  b: {type: OS::Heat::None, depends_on: a}"
        $sarif = Join-Path $TestDrive 'heat.sarif'

        $run = Invoke-Gate @('-Path', $folder, '-SarifPath', $sarif)

        $run.ExitCode | Should -Be 1
        ($run.Lines -join "`n") | Should -Match 'FAIL cycle\.yaml: line 3, column 6: HeatDependencyCycle'
        ($run.Lines -join "`n") | Should -Match 'INFORMATION web\.yaml:\d+:\d+ HeatMissingDescription'
        $log = Get-Content $sarif -Raw | ConvertFrom-Json
        $log.version | Should -Be '2.1.0'
        $results = @($log.runs[0].results)
        ($results | Where-Object ruleId -eq 'HeatDependencyCycle').locations[0].physicalLocation.artifactLocation.uri | Should -Be 'cycle.yaml'
        ($results | Where-Object ruleId -eq 'HeatDependencyCycle').level | Should -Be 'error'
    }

    It 'takes a settings file with the example custom rules, and a saved schema file, still without a cloud' {
        $folder = Join-Path $TestDrive 'settled'
        New-GoodFolder $folder
        Set-Content (Join-Path $folder 'typo.yaml') "heat_template_version: 2018-08-31`ndescription: t`nresources:`n  Rand_One: {type: OS::Heat::RandomString, properties: {lenght: 8}}"
        $schemas = Join-Path $TestDrive 'schemas.json'
        Set-Content $schemas '{"resource_type": "OS::Heat::RandomString", "properties": {"length": {"type": "integer", "required": false}}, "attributes": {"value": {}}}'
        $settings = Join-Path $TestDrive 'heat-analyzer.psd1'
        Set-Content $settings "@{ CustomRulePath = @('$(Join-Path $PSScriptRoot '../../examples/HeatCustomRules.psm1')'); IncludeRules = @('HeatUnknownProperty', 'Measure-*') }"

        $run = Invoke-Gate @('-Path', $folder, '-SettingsPath', $settings, '-SchemaPath', $schemas)

        $run.ExitCode | Should -Be 1
        ($run.Lines -join "`n") | Should -Match "FAIL typo\.yaml: line 4, column 57: HeatUnknownProperty: Resource 'Rand_One' sets 'lenght'"
        ($run.Lines -join "`n") | Should -Match "INFORMATION typo\.yaml:4:3 Measure-HeatResourceNameStyle"
        ($run.Lines -join "`n") | Should -Not -Match 'HeatMissingDescription'
    }

    It 'exits 0 and says every file passed when the folder is good, environments included' {
        $folder = Join-Path $TestDrive 'good'
        New-GoodFolder $folder

        $run = Invoke-Gate @('-Path', $folder)

        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $run.Lines | Should -Contain '4 checked, 4 passed, 0 failed'
        ($run.Lines | Where-Object { $_ -match '^env[\\/]prod\.yml\s+Environment\s+Pass\s*$' }) | Should -Not -BeNullOrEmpty
        ($run.Lines | Where-Object { $_ -match '^bucket\.template\s+Template\s+Pass\s*$' }) | Should -Not -BeNullOrEmpty
        $run.Lines | Where-Object { $_ -like 'FAIL *' } | Should -BeNullOrEmpty
    }

    It 'exits 1 and names each broken template and environment with its reason, the good ones still passing' {
        $folder = Join-Path $TestDrive 'mixed'
        New-GoodFolder $folder
        Set-Content (Join-Path $folder 'syntax.yaml') "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::None`n"
        Set-Content (Join-Path $folder 'lost-version.yaml') "resources:`n  r: {type: OS::Heat::None}"
        Set-Content (Join-Path $folder 'missing-file.yaml') "heat_template_version: 2018-08-31`nresources:`n  c:`n    type: OS::Heat::SoftwareConfig`n    properties: {config: {get_file: scripts/gone.sh}}"
        Set-Content (Join-Path $folder 'env/broken.yaml') "resource_registry:`n  My::Gone: ../gone.yaml"

        $run = Invoke-Gate @('-Path', $folder)

        $run.ExitCode | Should -Be 1 -Because ($run.Lines -join "`n")
        $failures = @($run.Lines | Where-Object { $_ -like 'FAIL *' })
        $failures.Count | Should -Be 4
        $failures | Where-Object { $_ -like 'FAIL syntax.yaml: *(line *, column *)*flow mapping*' } | Should -Not -BeNullOrEmpty
        $failures | Where-Object { $_ -like 'FAIL lost-version.yaml: *template format version not found*' } | Should -Not -BeNullOrEmpty
        $failures | Where-Object { $_ -like 'FAIL missing-file.yaml: *gone.sh*' } | Should -Not -BeNullOrEmpty
        $failures | Where-Object { $_ -match '^FAIL env[\\/]broken\.yaml: .*gone\.yaml' } | Should -Not -BeNullOrEmpty
        $run.Lines | Should -Contain '8 checked, 4 passed, 4 failed'
    }

    It 'skips files named by -Exclude' {
        $folder = Join-Path $TestDrive 'excluded'
        New-GoodFolder $folder
        Set-Content (Join-Path $folder 'azure-pipelines.yml') "trigger: [main]`nsteps:`n  - script: echo hi"

        (Invoke-Gate @('-Path', $folder)).ExitCode | Should -Be 1
        $run = Invoke-Gate @('-Path', $folder, '-Exclude', 'azure-pipelines.yml')

        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $run.Lines | Should -Contain '4 checked, 4 passed, 0 failed'
    }

    It 'exits 2, not 0, when there is nothing to check' {
        $empty = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'empty')
        Set-Content (Join-Path $empty 'notes.txt') 'no templates here'

        $run = Invoke-Gate @('-Path', $empty.FullName)
        $run.ExitCode | Should -Be 2
        ($run.Lines -join "`n") | Should -BeLike '*No files matching*'

        $missing = Invoke-Gate @('-Path', (Join-Path $TestDrive 'no-such-folder'))
        $missing.ExitCode | Should -Be 2
        ($missing.Lines -join "`n") | Should -BeLike '*No folder*'
    }
}

Describe 'The failed-stack events example (Export-HeatFailedStackEvent.ps1) without a cloud' {
    BeforeAll {
        Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
        $script:export = Join-Path $PSScriptRoot '../../examples/Export-HeatFailedStackEvent.ps1'
    }

    It 'writes a cell that a spreadsheet would run as a formula as text, with a leading quote (OWASP)' {
        # Heat's words, chosen by whoever wrote the template: resource names and failure reasons.
        Mock Get-HeatStack { [pscustomobject]@{ StackName = 'web'; StackId = '1'; StackStatus = 'CREATE_FAILED'; Tags = @() } }
        Mock Get-HeatEvent {
            $event = @{ StackName = 'web'; EventTime = [datetime]'2026-12-07T10:00:00Z'; ResourceAction = 'CREATE'; ResourceStatus = 'CREATE_FAILED'; Id = 'e1' }
            [pscustomobject]($event + @{ ResourceName = '=HYPERLINK("http://evil.example","open")'; ResourceStatusReason = '+cmd|'' /C calc''!A0'; PhysicalResourceId = '-2+3' })
            [pscustomobject]($event + @{ ResourceName = '@SUM(1,2)'; ResourceStatusReason = "`t=1+1"; PhysicalResourceId = "`r=1+1" })
            [pscustomobject]($event + @{ ResourceName = 'db'; ResourceStatusReason = 'Resource CREATE failed: a = b'; PhysicalResourceId = '' })
        }
        $csv = Join-Path $TestDrive 'events.csv'

        # A session that is never used (the mocks answer), made without a request: a token and Heat's URL.
        $session = Connect-HeatService -Token (ConvertTo-SecureString 'unused' -AsPlainText -Force) -HeatEndpoint 'http://127.0.0.1:9/v1/p1' -PassThru
        $null = & $export -StackName web -Session $session -ModulePath $modulePath -Path $csv
        Disconnect-HeatService

        $LASTEXITCODE | Should -Be 0
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be 3
        $rows[0].ResourceName | Should -BeExactly '''=HYPERLINK("http://evil.example","open")'
        $rows[0].ResourceStatusReason | Should -BeExactly '''+cmd|'' /C calc''!A0'
        $rows[0].PhysicalResourceId | Should -BeExactly '''-2+3'
        $rows[1].ResourceName | Should -BeExactly '''@SUM(1,2)'
        $rows[1].ResourceStatusReason | Should -BeExactly "'`t=1+1"
        $rows[1].PhysicalResourceId | Should -BeExactly "'`r=1+1"
        # Anything else is written as it came.
        $rows[2].ResourceName | Should -BeExactly 'db'
        $rows[2].ResourceStatusReason | Should -BeExactly 'Resource CREATE failed: a = b'
        $rows[2].ResourceStatus | Should -BeExactly 'CREATE_FAILED'
        # No cell of the file starts a formula.
        foreach ($row in $rows) { foreach ($cell in $row.PSObject.Properties.Value) { "$cell" | Should -Not -Match '^[=+\-@\t\r]' } }
    }
}
