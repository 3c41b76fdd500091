<#
.SYNOPSIS
    A CI gate: checks every Heat template and environment under a folder offline and fails the build when one is bad.
.DESCRIPTION
    Finds *.yaml, *.yml and *.template files under -Path (recursively) and runs Test-HeatTemplate -Offline on each: YAML
    or JSON syntax (with line and column), the template version, every get_file and child template it names (they must
    exist), Heat's size limit, parameters used but not declared. No cloud and no credentials are needed.

    A file without heat_template_version, AWSTemplateFormatVersion or HeatTemplateFormatVersion whose top-level keys
    are all environment sections (parameters, parameter_defaults, resource_registry, event_sinks, encrypted_param_names,
    parameter_merge_strategies) is checked as an environment: its syntax, its sections, and the files its
    resource_registry names. Any other file is checked as a template, so a template that lost its version line fails.

    Offline checks do not know the cloud's resource types: a type the cloud lacks passes here and fails at
    Test-HeatTemplate (without -Offline) or at create time.

    Then runs Invoke-HeatTemplateAnalyzer over the same templates: an Error finding (a reference to nothing, a
    dependency cycle) fails its file; warnings and information are printed. -SarifPath writes every finding as SARIF
    2.1.0 for the CI's code scanning.

    Prints a table of every file and, for each failure, one line "FAIL <file>: <reason>". Exit codes:
    0 every file passed; 1 at least one failed; 2 nothing could be checked (no such folder, no files, no module).
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./examples/Test-HeatTemplateFolder.ps1 -Path ./heat
    In a pipeline step: the step fails when a template under ./heat is broken.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./examples/Test-HeatTemplateFolder.ps1 -Path ./heat -SarifPath heat.sarif
    The same gate, and the analyzer's findings as SARIF for GitHub code scanning or Azure DevOps.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./examples/Test-HeatTemplateFolder.ps1 -Path ./heat -SettingsPath ./heat-analyzer.psd1 -SchemaPath ./schemas.json
    The gate with the team's analyzer settings, and the cloud's resource types checked from a saved schema file.
.EXAMPLE
    $rows = ./examples/Test-HeatTemplateFolder.ps1 -Path ./heat -Include *.yaml, *.json -PassThru
    $rows | Where-Object Result -eq Fail | Export-Csv template-failures.csv
    Also checks JSON (CloudFormation-format) templates, and keeps the results as objects.
#>
[CmdletBinding()]
param(
    # The folder to check (every level below it).
    [Parameter(Position = 0)]
    [string] $Path = '.',
    # Which files are templates or environments.
    [string[]] $Include = @('*.yaml', '*.yml', '*.template'),
    # File names to skip (wildcards), e.g. a CI tool's own YAML: -Exclude azure-pipelines.yml, .gitlab-ci.yml.
    [string[]] $Exclude = @(),
    # The Heat.PowerShell module folder; by default the one build.ps1 makes next to this script, else the installed module.
    [string] $ModulePath,
    # Also write one object per file (File, Kind, Result, Problem) to the pipeline.
    [switch] $PassThru,
    # Write the analyzer's findings here as SARIF 2.1.0 (paths relative to -Path).
    [string] $SarifPath,
    # The analyzer's settings file (PSScriptAnalyzer's shape: rules, severities, suppressions, custom rules).
    [string] $SettingsPath,
    # Resource type schemas saved from the target cloud (Get-HeatResourceType * -Schema | ConvertTo-Json -Depth 12),
    # so unknown types, properties and attributes fail the gate too, still without a cloud.
    [string] $SchemaPath
)

$ErrorActionPreference = 'Stop'
$built = Join-Path $PSScriptRoot '../out/Heat.PowerShell/Heat.PowerShell.psd1'
$module = if ($ModulePath) { Join-Path $ModulePath 'Heat.PowerShell.psd1' } elseif (Test-Path $built) { $built } else { 'Heat.PowerShell' }
$analyzerOptions = @{}
if ($SettingsPath) { $analyzerOptions.Settings = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($SettingsPath) }
if ($SchemaPath) { $analyzerOptions.SchemaPath = $SchemaPath }
try { Import-Module $module -Verbose:$false }
catch { $host.UI.WriteErrorLine("Cannot load Heat.PowerShell ($module): $($_.Exception.Message)"); exit 2 }

if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
    $host.UI.WriteErrorLine("No folder $Path to check.")
    exit 2
}
$root = (Resolve-Path -LiteralPath $Path).ProviderPath
$files = @(Get-ChildItem -LiteralPath $root -Recurse -File -Include $Include -Exclude $Exclude | Sort-Object FullName)
if ($files.Count -eq 0) {
    # A gate that checked nothing should not look like a gate that passed: a moved folder would go unnoticed.
    $host.UI.WriteErrorLine("No files matching $($Include -join ', ') under $root.")
    exit 2
}

$environmentSections = 'parameters', 'parameter_defaults', 'resource_registry', 'event_sinks', 'encrypted_param_names', 'parameter_merge_strategies'
$versionKey = '(?m)^\s*["'']?(heat_template_version|AWSTemplateFormatVersion|HeatTemplateFormatVersion)["'']?\s*:'

# Template or environment, from the text alone: the version key makes a template; otherwise a file whose top-level
# keys are all environment sections is an environment. Anything else is a template and fails for its missing version.
function Get-FileKind([string] $text) {
    if ($text -match $versionKey) { return 'Template' }
    $keys = @()
    if ($text.TrimStart().StartsWith('{')) {
        try { $keys = @(($text | ConvertFrom-Json).PSObject.Properties.Name) } catch { return 'Template' }
    }
    else {
        # Block YAML: top-level keys start in column 0 (comments and document markers do not match).
        $keys = @([regex]::Matches($text, '(?m)^["'']?([A-Za-z_][\w-]*)["'']?\s*:') | ForEach-Object { $_.Groups[1].Value })
    }
    if ($keys.Count -gt 0 -and -not ($keys | Where-Object { $_ -notin $environmentSections })) { return 'Environment' }
    'Template'
}

# An environment is checked with an empty template beside it, as Heat would receive it.
$emptyTemplate = "heat_template_version: 2013-05-23`nresources: {}"

$allFindings = [Collections.Generic.List[object]]::new()
$results = foreach ($file in $files) {
    $relative = $file.FullName.Substring($root.Length).TrimStart([IO.Path]::DirectorySeparatorChar, [IO.Path]::AltDirectorySeparatorChar)
    $kind = 'Template'
    $problems = @()
    try {
        $kind = Get-FileKind ([IO.File]::ReadAllText($file.FullName))
        $check = if ($kind -eq 'Environment') { @{ Template = $emptyTemplate; EnvironmentPath = $file.FullName } } else { @{ TemplatePath = $file.FullName } }
        $null = Test-HeatTemplate -Offline @check -ErrorVariable problems -ErrorAction SilentlyContinue
        if ($kind -eq 'Template' -and -not $problems) {
            $findings = @(Invoke-HeatTemplateAnalyzer -Path $file.FullName @analyzerOptions)
            $allFindings.AddRange($findings)
            foreach ($finding in $findings | Where-Object Severity -ne 'Error') { Write-Host "$($finding.Severity.ToString().ToUpper()) ${relative}:$($finding.Line):$($finding.Column) $($finding.RuleName): $($finding.Message)" }
            $problems = @($findings | Where-Object Severity -eq 'Error' | ForEach-Object { [pscustomobject]@{ Exception = [Exception]::new("line $($_.Line), column $($_.Column): $($_.RuleName): $($_.Message)") } })
        }
    }
    catch { $problems = @($_) }
    [pscustomobject]@{
        File    = $relative
        Kind    = $kind
        Result  = if ($problems.Count) { 'Fail' } else { 'Pass' }
        Problem = ($problems | ForEach-Object { $_.Exception.Message }) -join '; '
    }
}

$results | Format-Table File, Kind, Result -AutoSize | Out-String -Width 4096 | Write-Host
$failed = @($results | Where-Object Result -eq 'Fail')
foreach ($row in $failed) { Write-Host "FAIL $($row.File): $($row.Problem)" }
Write-Host ("{0} checked, {1} passed, {2} failed" -f $results.Count, ($results.Count - $failed.Count), $failed.Count)
if ($SarifPath) {
    # The analyzer writes the SARIF; run from the folder so that its paths are relative to it, as code scanning wants.
    $sarif = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($SarifPath)
    Push-Location -LiteralPath $root
    try { Invoke-HeatTemplateAnalyzer -Path ($files | Where-Object { (Get-FileKind ([IO.File]::ReadAllText($_.FullName))) -eq 'Template' }).FullName -Format Sarif -OutFile $sarif -ErrorAction SilentlyContinue @analyzerOptions }
    finally { Pop-Location }
    Write-Host "SARIF written to $sarif"
}
if ($PassThru) { $results }
exit $(if ($failed.Count) { 1 } else { 0 })
