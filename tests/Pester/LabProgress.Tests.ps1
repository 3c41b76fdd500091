# A progress bar that blocks (issue 23). Under util-linux script, a pseudo-terminal that nobody answers, PowerShell's
# console host waits seconds on every progress record for the terminal to say where the cursor is (three
# Write-Progress calls took 33 s here). The module cannot fix the host, but a command notices its first slow record,
# says so once in -Verbose and draws no more. This runs a create and a delete with -Wait in a child pwsh under script,
# against the lab. Tagged Lab.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:manifest = (Resolve-Path (Join-Path $modulePath 'Heat.PowerShell.psd1')).ProviderPath
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:labJson = Join-Path $labDir 'lab.json'
    $script:lab = Get-Content $labJson -Raw | ConvertFrom-Json
    $script:name = 'prog{0:x6}' -f (Get-Random -Maximum 16777215)
    $script:work = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "heat-$name")).FullName

    # A stack that takes a few seconds to create and to delete: long enough for a wait to draw its bar (from 3 s on).
    $script:template = Join-Path $work 'slow.yaml'
    Set-Content -LiteralPath $template -Value @'
heat_template_version: 2018-08-31
resources:
  slow:
    type: OS::Heat::TestResource
    properties:
      value: x
      action_wait_secs: {create: 6, delete: 6}
'@
    $script:child = Join-Path $work 'child.ps1'
    Set-Content -LiteralPath $child -Value @'
param($Manifest, $LabJson, $Template, $Name, $Out)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$lab = Get-Content $LabJson -Raw | ConvertFrom-Json
Connect-HeatService -AuthUrl $lab.auth_url -ProjectName $lab.project_name `
    -Credential ([pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force)))
# Verbose goes to this script (4>&1), progress to the host: the pseudo-terminal that never answers.
function Measure-Verbose([scriptblock] $Command) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $said = @(& $Command 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
    [pscustomobject]@{ Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1); ProgressOff = @($said -like 'Progress is off*') }
}
$create = Measure-Verbose { New-HeatStack -Name $Name -TemplatePath $Template -Wait -Verbose }
$status = (Get-HeatStack $Name).StackStatus
$delete = Measure-Verbose { Remove-HeatStack -StackName $Name -Force -Wait -Verbose }
[pscustomobject]@{ Create = $create; Status = $status; Delete = $delete } | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $Out
'@
}

AfterAll {
    # Only if the child died half way: the stack is ours, by its unique name.
    Import-Module $manifest -Force
    Connect-HeatService -AuthUrl $lab.auth_url -ProjectName $lab.project_name `
        -Credential ([pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force)))
    Get-HeatStack -Name "$name*" | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Progress in a terminal that does not answer' -Tag Lab {
    It 'a wait under script(1) draws one slow record, says once in -Verbose that progress is off, and draws no more' {
        if (-not (Get-Command script -CommandType Application -ErrorAction SilentlyContinue)) { Set-ItResult -Skipped -Because "util-linux script is not installed" }
        $native = Join-Path $PSHOME 'pwsh'
        $pwsh = if ((Test-Path $native -PathType Leaf) -and (Get-Item $native).UnixFileMode -match 'x') { "'$native'" } else { "dotnet '$(Join-Path $PSHOME 'pwsh.dll')'" }
        $out = Join-Path $work 'result.json'
        $line = "$pwsh -NoProfile -NonInteractive -File '$child' -Manifest '$manifest' -LabJson '$labJson' -Template '$template' -Name $name -Out '$out'"

        # script runs the line in a new pseudo-terminal and copies what it shows to our stdout; nobody answers it.
        $psi = [Diagnostics.ProcessStartInfo]::new('script')
        foreach ($a in '-qec', $line, '/dev/null') { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardInput = $true
        $psi.RedirectStandardOutput = $true
        $psi.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($psi)
        $process.StandardInput.Close()
        $terminal = $process.StandardOutput.ReadToEndAsync()
        # Only to end a hang: the stack takes about 7 s each way.
        if (-not $process.WaitForExit(300000)) { $process.Kill($true); throw 'The child under script did not end in 300 s.' }
        if (-not (Test-Path -LiteralPath $out)) { throw "The child under script wrote no result; the terminal showed: $($terminal.Result)" }
        $result = Get-Content -LiteralPath $out -Raw | ConvertFrom-Json

        $result.Status | Should -Be 'CREATE_COMPLETE'
        $result.Create.ProgressOff.Count | Should -Be 1 -Because 'the create wait noticed its slow record and said so once'
        $result.Create.ProgressOff[0] | Should -Match "\`$ProgressPreference = 'SilentlyContinue'"
        $result.Delete.ProgressOff.Count | Should -Be 1 -Because 'each command has its own progress, and notices for itself'
        Write-Host "Under script: create with -Wait $($result.Create.Seconds) s, delete with -Wait $($result.Delete.Seconds) s."
    }
}
