# Template parameters as cmdlet parameters, in a real pwsh: what a script run with -NonInteractive sees when one is
# missing, and what Get-Command shows. No cloud: nothing here reaches a request.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:manifest = Join-Path $modulePath 'Heat.PowerShell.psd1'
    Import-Module $manifest -Force
    $script:template = Join-Path $TestDrive 't.yaml'
    Set-Content $template @'
heat_template_version: 2018-08-31
parameters:
  count: {type: number, description: How many servers}
  flavor: {type: string, default: small, constraints: [{allowed_values: [small, large]}]}
'@
    function Invoke-ChildPwsh([string] $Script) {
        $native = Join-Path $PSHOME 'pwsh'
        if ((Test-Path $native -PathType Leaf) -and (Get-Item $native).UnixFileMode -match 'x') { & $native -NoProfile -NonInteractive -Command $Script 2>&1 }
        else { & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $Script 2>&1 }
    }
}

Describe 'Template parameters as cmdlet parameters' {
    It 'a missing value under -NonInteractive is an error naming it, not a prompt' {
        # No session either: binding must fail first, on the parameter.
        $out = Invoke-ChildPwsh "Import-Module '$manifest'; try { New-HeatStack web -TemplatePath '$template' -flavor large } catch { 'ID=' + `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        ($out -join "`n") | Should -Match 'ID=MissingMandatoryParameter'
        ($out -join "`n") | Should -Match 'count'
    }

    It 'Get-Command -ArgumentList shows them, with the syntax' {
        $syntax = Get-Command New-HeatStack -ArgumentList web, $template -Syntax
        $syntax | Should -Match '-count <double>'
        $syntax | Should -Match '-flavor <string>'
        (Get-Command New-HeatStack).Parameters.Keys | Should -Not -Contain 'count'
    }
}
