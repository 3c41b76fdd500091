# The module as a PowerShell Gallery user gets it: published to a repository, installed with Install-PSResource,
# imported by name. The repository is a local folder registered in a throwaway home (HOME and XDG_DATA_HOME point
# into TestDrive), so neither the user's repositories nor their modules are touched, and every child pwsh has a
# proxy that refuses all connections: nothing here may need the network. No cloud needed.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:modulePath = (Resolve-Path $modulePath).Path
    $script:template = (Resolve-Path (Join-Path $PSScriptRoot 'templates/web-tier.yaml')).Path
    $script:data = Import-PowerShellDataFile (Join-Path $modulePath 'Heat.PowerShell.psd1')

    $script:throwawayHome = Join-Path $TestDrive 'home'
    $script:repository = Join-Path $TestDrive 'repository'
    # .NET names a user folder only if it exists (else '' and PSResourceGet would write beside the working directory).
    $script:dataHome = Join-Path $throwawayHome '.local/share'
    New-Item -ItemType Directory -Path $throwawayHome, $repository, $dataHome, (Join-Path $throwawayHome '.config'), (Join-Path $throwawayHome '.cache') | Out-Null
    # The real user's repository list, to show it is left as it was.
    $script:userRepositories = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
    $script:userRepositoriesBefore = if (Test-Path $userRepositories) { (Get-FileHash $userRepositories).Hash }

    # A script in a child pwsh with the throwaway home; its last line is JSON with what it saw.
    function script:Invoke-ChildPwsh([string] $Script) {
        $file = Join-Path $TestDrive ("child-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
        Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`n" + $Script) -Encoding utf8
        $psi = [System.Diagnostics.ProcessStartInfo]::new()
        $native = Join-Path $PSHOME 'pwsh'
        if ((Test-Path $native -PathType Leaf) -and (Get-Item $native).UnixFileMode -match 'x') { $psi.FileName = $native }
        else { $psi.FileName = 'dotnet'; $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $file) { $psi.ArgumentList.Add($argument) }
        $psi.Environment['HOME'] = $throwawayHome
        $psi.Environment['XDG_DATA_HOME'] = $dataHome
        $psi.Environment['XDG_CONFIG_HOME'] = Join-Path $throwawayHome '.config'
        $psi.Environment['XDG_CACHE_HOME'] = Join-Path $throwawayHome '.cache'
        # Only PowerShell's own modules: the user path (in the throwaway home) is added by pwsh itself.
        $psi.Environment['PSModulePath'] = Join-Path $PSHOME 'Modules'
        foreach ($proxy in 'HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy') { $psi.Environment[$proxy] = 'http://127.0.0.1:9' }
        $psi.Environment['NO_PROXY'] = ''
        $psi.Environment['no_proxy'] = ''
        $psi.WorkingDirectory = $TestDrive
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $process.WaitForExit()
        $text = $stdout.Result + $stderr.Result
        $process.ExitCode | Should -Be 0 -Because $text
        ($stdout.Result.Trim() -split "`n" | Select-Object -Last 1) | ConvertFrom-Json
    }

}

AfterAll {
    $after = if (Test-Path $userRepositories) { (Get-FileHash $userRepositories).Hash }
    $after | Should -Be $userRepositoriesBefore -Because "the user's own repository list must be left as it was"
}

Describe 'The package' -Skip:$IsWindows {
    BeforeAll {
        # Publish and install once; the tests look at the result.
        $script:installed = Invoke-ChildPwsh @"
Register-PSResourceRepository -Name HeatLocal -Uri '$repository' -Trusted
try {
    Publish-PSResource -Path '$modulePath' -Repository HeatLocal
    Install-PSResource -Name Heat.PowerShell -Repository HeatLocal -Scope CurrentUser
    `$found = Find-PSResource -Name Heat.PowerShell -Repository HeatLocal
    `$module = Get-InstalledPSResource -Name Heat.PowerShell -Scope CurrentUser
    @{
        Packages     = @((Get-ChildItem '$repository' -Filter *.nupkg).Name)
        Repositories = (Get-PSResourceRepository -Name HeatLocal).Uri.LocalPath
        Store        = [Environment]::GetFolderPath('LocalApplicationData')
        FoundVersion = `$found.Version.ToString()
        Tags         = @(`$found.Tags)
        InstalledAt  = `$module.InstalledLocation
        Version      = `$module.Version.ToString()
    } | ConvertTo-Json -Compress
}
finally { Unregister-PSResourceRepository -Name HeatLocal }
"@
    }

    It 'is published to a repository with the manifest version and tags' {
        $installed.Packages | Should -Be @("Heat.PowerShell.$($data.ModuleVersion).nupkg")
        $installed.FoundVersion | Should -Be $data.ModuleVersion
        foreach ($tag in $data.PrivateData.PSData.Tags) { $installed.Tags | Should -Contain $tag }
    }

    It 'registers the repository and installs only inside the throwaway home' {
        $throwawayHome | Should -Not -BeNullOrEmpty
        $installed.Store | Should -Be $dataHome
        $installed.Repositories | Should -Be $repository
        Test-Path (Join-Path $dataHome 'PSResourceGet/PSResourceRepository.xml') | Should -BeTrue
        # Nothing was written beside the working directory.
        Get-ChildItem $TestDrive -Directory | Where-Object Name -notin 'home', 'repository' | Should -BeNullOrEmpty
    }

    It 'installs with Install-PSResource into the user module path' {
        $installed.Version | Should -Be $data.ModuleVersion
        $installed.InstalledAt | Should -BeLike "$dataHome/powershell/Modules*"
    }

    It 'imports by name and works as installed' {
        $seen = Invoke-ChildPwsh @"
Import-Module Heat.PowerShell
`$module = Get-Module Heat.PowerShell
@{
    ModuleBase  = `$module.ModuleBase
    Commands    = @((Get-Command -Module Heat.PowerShell -CommandType Cmdlet).Name)
    Aliases     = @(`$module.ExportedAliases.Keys)
    Description = (Test-HeatTemplate -Offline -TemplatePath '$template').Description
} | ConvertTo-Json -Compress
"@
        $seen.ModuleBase | Should -BeLike "$dataHome/powershell/Modules/Heat.PowerShell*"
        $seen.Commands | Sort-Object | Should -Be ($data.CmdletsToExport | Sort-Object)
        $seen.Aliases | Sort-Object | Should -Be ($data.AliasesToExport | Sort-Object)
        $seen.Description | Should -Be 'Web tier for the integration suite (needs no Nova or Neutron)'
    }

    It 'loads on first use of an alias, without Import-Module' {
        $seen = Invoke-ChildPwsh @"
`$command = Get-Command Get-HeatStackEvent
@{ Resolves = `$command.ResolvedCommand.Name; Module = (Get-Module Heat.PowerShell).ModuleBase } | ConvertTo-Json -Compress
"@
        $seen.Resolves | Should -Be 'Get-HeatEvent'
        $seen.Module | Should -BeLike "$dataHome/powershell/Modules/Heat.PowerShell*"
    }
}
