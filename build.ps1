#requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests and packages Heat.PowerShell; runs the demo runbook against a cloud or the local lab.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 Demo
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 Test
#>
[CmdletBinding()]
param(
    # Build: the module folder in out/Heat.PowerShell. Test: every xunit and Pester test (starts the lab).
    # UnitTest: only what needs no Heat. Demo: the runbook in examples/. LabStart/LabStop: the local Heat.
    # Bench: the measurements in bench/ (numbers, not tests): hostile inputs, each in its own process.
    # Docs: Build, then docs/cmdlets (a page per cmdlet) from the same source as Get-Help.
    # Package: Build, then out/Heat.PowerShell.<version>.nupkg, what Install-PSResource installs from a repository.
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Docs', 'Test', 'UnitTest', 'Demo', 'LabStart', 'LabStop', 'Bench', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Leave the lab running after Test (it is stopped by default if Test started it).
    [switch] $KeepLab,

    # Bench: only these measurements (hostile, bdn, listing, percall, bulk, requests, lifecycle, names); all by default.
    [ValidateSet('hostile', 'bdn', 'listing', 'percall', 'bulk', 'requests', 'lifecycle', 'names', 'analyzer', 'fleet')]
    [string[]] $Only
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleDir = Join-Path $out 'Heat.PowerShell'
$labScript = Join-Path $root 'lab/heat-lab.sh'
$labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }

function Invoke-Native {
    param([string] $File, [string[]] $Arguments)
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Pwsh {
    # Under 'dotnet pwsh' (the local tool) this process is dotnet itself: start pwsh.dll the same way.
    $native = Join-Path $PSHOME 'pwsh'
    if ((Test-Path $native -PathType Leaf) -and -not $IsWindows -and (Get-Item $native).UnixFileMode -match 'x') { & $native @args }
    elseif (Test-Path (Join-Path $PSHOME 'pwsh.exe')) { & (Join-Path $PSHOME 'pwsh.exe') @args }
    else { & dotnet (Join-Path $PSHOME 'pwsh.dll') @args }
}

function Build-Module {
    $publish = Join-Path $out 'publish'
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/Heat.PowerShell/Heat.PowerShell.csproj'), '-c', $Configuration, '-o', $publish, '--nologo', '-v', 'q')
    if (Test-Path $moduleDir) { Remove-Item $moduleDir -Recurse -Force }
    New-Item -ItemType Directory -Path $moduleDir | Out-Null
    # An explicit allow-list: the module folder holds what a user installs, nothing else.
    # Only the module's own assemblies sit at the top; the libraries go to Dependencies/, where PowerShell's probing
    # does not look: Heat.PowerShell.dll loads them from there (on pwsh 7 into a context of their own, so another
    # module's YamlDotNet is no conflict; see src/Heat.PowerShell/Loading).
    # Polly.Core and its netstandard2.0 companions (Windows PowerShell needs them; pwsh prefers its own System.* copies).
    foreach ($file in 'Heat.PowerShell.dll', 'Heat.Client.dll') {
        Copy-Item (Join-Path $publish $file) $moduleDir
    }
    $dependencies = Join-Path $moduleDir 'Dependencies'
    New-Item -ItemType Directory -Path $dependencies | Out-Null
    $assemblies = 'Newtonsoft.Json.dll', 'YamlDotNet.dll', 'Polly.Core.dll',
        'Microsoft.Bcl.TimeProvider.dll', 'Microsoft.Bcl.AsyncInterfaces.dll', 'System.ComponentModel.Annotations.dll',
        'System.Runtime.CompilerServices.Unsafe.dll', 'System.Threading.Tasks.Extensions.dll'
    foreach ($file in $assemblies) {
        Copy-Item (Join-Path $publish $file) $dependencies
    }
    foreach ($file in 'Heat.PowerShell.psd1', 'Heat.format.ps1xml', 'Heat.Insight.format.ps1xml', 'Heat.Software.format.ps1xml', 'Heat.Templating.format.ps1xml', 'Heat.Fleet.format.ps1xml', 'Heat.types.ps1xml', 'LICENSE') {
        Copy-Item (Join-Path $root $file) $moduleDir
    }
    Set-ExportedCmdlets (Join-Path $moduleDir 'Heat.PowerShell.psd1') (Join-Path $moduleDir 'Heat.PowerShell.dll')
    New-ModuleHelp $publish
    Write-Host "Module built in $moduleDir"
    $moduleDir
}

function New-ModulePackage {
    # The built module folder as a .nupkg (PSResourceGet's Compress-PSResource, which Publish-PSResource uses too):
    # copy it into a folder registered as a repository, or publish it. Nothing is sent anywhere from here.
    $module = Build-Module
    Import-Module Microsoft.PowerShell.PSResourceGet -MinimumVersion 1.1.0
    Get-ChildItem $out -Filter 'Heat.PowerShell.*.nupkg' | Remove-Item
    Compress-PSResource -Path $module -DestinationPath $out
    $package = Get-ChildItem $out -Filter 'Heat.PowerShell.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Compress-PSResource made no package in $out" }
    Write-Host "Package: $($package.FullName)"
}

function Set-ExportedCmdlets([string] $Manifest, [string] $Assembly) {
    # The cmdlet classes are the one list: read them in a child process (this one must not hold the new DLL).
    $names = Invoke-Pwsh -NoProfile -NonInteractive -Command "(Get-Command -Module (Import-Module '$Assembly' -PassThru) -CommandType Cmdlet).Name | Sort-Object"
    if ($LASTEXITCODE -ne 0 -or -not $names) { throw "Could not list the cmdlets of $Assembly" }
    $list = ($names | ForEach-Object { "        '$_'" }) -join ",`n"
    $text = (Get-Content $Manifest -Raw) -replace 'CmdletsToExport\s*=\s*@\(\s*\)', "CmdletsToExport      = @(`n$list`n    )"
    Set-Content -Path $Manifest -Value $text -NoNewline
}

function New-ModuleHelp([string] $Publish) {
    # en-US/: the MAML help and the about topics; out/docs/cmdlets: the Markdown pages from the same source, which
    # build.ps1 Docs copies into docs/cmdlets. Both come from the assemblies, their XML docs and the generator alone,
    # so while none of these changed (the build is deterministic) the last ones are used again: writing them takes
    # seconds.
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $generator = Join-Path $root 'src/Heat.PowerShell/Help/New-HeatHelp.ps1'
    $cache = Join-Path $out 'help'
    $maml = Join-Path $cache 'Heat.PowerShell.dll-Help.xml'
    $pages = Join-Path $out 'docs/cmdlets'
    $sources = @('Heat.PowerShell.dll', 'Heat.Client.dll', 'Heat.PowerShell.xml', 'Heat.Client.xml' | ForEach-Object { Join-Path $Publish $_ }) + $generator
    $stamp = ($sources | ForEach-Object { (Get-FileHash -LiteralPath $_ -Algorithm SHA256).Hash }) -join "`n"
    $stampFile = Join-Path $cache 'sources.sha256'
    $fresh = (Test-Path $stampFile) -and (Test-Path $maml) -and (Test-Path $pages) -and (Get-Content $stampFile -Raw) -eq $stamp
    if (-not $fresh) {
        if (Test-Path $cache) { Remove-Item $cache -Recurse -Force }
        Invoke-Pwsh -NoProfile -NonInteractive -File $generator -ModulePath $moduleDir -MamlPath $maml -XmlDocFolder $Publish -DocsPath $pages 2>&1 |
            ForEach-Object { Write-Host $_ }    # shown, not returned: Build-Module's output is the module's path
        if ($LASTEXITCODE -ne 0) { throw 'Writing the help failed.' }
        Set-Content -LiteralPath $stampFile -Value $stamp -NoNewline
    }
    $culture = New-Item -ItemType Directory -Path (Join-Path $moduleDir 'en-US') -Force
    Copy-Item $maml $culture
    foreach ($file in 'about_Heat.PowerShell.help.txt', 'about_Heat.PowerShell_Templates.help.txt') {
        Copy-Item (Join-Path $root "docs/about/$file") $culture
    }
    Write-Host ("Help {0} in {1:0.0} s" -f $(if ($fresh) { 'unchanged, copied' } else { 'written' }), $watch.Elapsed.TotalSeconds)
}

function Get-PesterModule {
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $manifest = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) {
        Invoke-Native dotnet @('restore', (Join-Path $root 'tests/Pester/Pester.Restore.csproj'), '--nologo', '-v', 'q')
    }
    $manifest
}

function Test-LabWanted {
    # A configured cloud wins; with none, the local lab is the cloud.
    -not ($env:OS_CLOUD -or $env:OS_AUTH_URL)
}

function Start-Lab {
    if (-not (Test-Path $labScript)) { throw "The lab script $labScript is missing." }
    $wasRunning = $false
    & bash $labScript status *> $null
    if ($LASTEXITCODE -eq 0) { $wasRunning = $true }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    Invoke-Native bash @($labScript, 'start')
    Write-Host ("Lab ready in {0:0.0} s{1}" -f $watch.Elapsed.TotalSeconds, $(if ($wasRunning) { ' (it was already running)' } else { '' }))
    $wasRunning
}

function Stop-Lab { Invoke-Native bash @($labScript, 'stop') }

function Import-OpenRc([string] $Path) {
    # What 'source openrc' does in bash, for the OS_* lines of a plain openrc.
    foreach ($line in Get-Content $Path) {
        if ($line -match '^\s*export\s+(OS_[A-Z_]+)=(.*)$') {
            $value = $Matches[2].Trim()
            if ($value -match '^"(.*)"$' -or $value -match "^'(.*)'$") { $value = $Matches[1] }
            Set-Item -Path "Env:$($Matches[1])" -Value $value
        }
    }
}

$monoPackage = 'mono-devel'
$monoLog = '/var/tmp/heat-mono-apt.log'

function Start-MonoInstall {
    # Debian's Mono runs the .NET Framework 4.8 profile (what Windows PowerShell 5.1 runs) on Linux. mono-devel, as it
    # alone carries the Framework's facades (netstandard.dll, System.Runtime.dll) that a netstandard2.0 library needs
    # at run time; it brings mono-runtime, System.Net.Http and System.Xml.Linq (the xunit console) with it. Installed
    # as lab/heat-lab.sh installs its packages (nothing to do when present, else apt-get as root, its log kept), in the
    # background, while the .NET tests run: $null when there is nothing to install, else the install under way.
    if ($IsWindows) { return $null }
    $status = if (Get-Command dpkg-query -ErrorAction Ignore) { & dpkg-query -W '-f=${db:Status-Status}' $monoPackage 2>$null }
    if ($status -eq 'installed') { return $null }
    if (-not (Get-Command apt-get -ErrorAction Ignore)) {
        throw "Mono is missing: install it with its Framework facades ($monoPackage on Debian and Ubuntu)."
    }
    if ((& id -u) -ne '0') { throw "Mono is missing: run as root so that build.ps1 installs $monoPackage, or install it yourself." }
    Write-Host "Installing $monoPackage (Mono, for the net48 tests) while the .NET tests run; log: $monoLog"
    # Another apt-get (a colleague's, say) holds the lock for a while at most: wait for it rather than fail.
    $start = [Diagnostics.ProcessStartInfo]::new('bash')
    $start.ArgumentList.Add('-c')
    $start.ArgumentList.Add("export DEBIAN_FRONTEND=noninteractive; { apt-get update -q && apt-get install -y -q " +
        "--no-install-recommends -o DPkg::Lock::Timeout=600 $monoPackage; } > '$monoLog' 2>&1")
    [pscustomobject]@{ Process = [Diagnostics.Process]::Start($start); Watch = [Diagnostics.Stopwatch]::StartNew() }
}

function Wait-Mono($Install) {
    # The mono command, once the install started by Start-MonoInstall (if any) has ended well.
    if ($Install) {
        $Install.Process.WaitForExit()
        if ($Install.Process.ExitCode -ne 0) {
            Get-Content $monoLog -Tail 30 | ForEach-Object { Write-Host $_ }
            throw "apt-get install $monoPackage failed (full log: $monoLog)"
        }
        Write-Host ("Mono installed in {0:0} s" -f $Install.Watch.Elapsed.TotalSeconds)
    }
    $mono = Get-Command mono -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $mono) { throw "$monoPackage is installed but mono is not on PATH." }
    $mono.Source
}

function Invoke-FrameworkTests([string] $Dll, $MonoInstall) {
    # The client tests as built for net48, run by xunit's console runner: under Mono, or as they are on Windows.
    # Tests Mono cannot run say so as skipped ([CertificateFact]). Not run at all is a failure, never a skip.
    $watch = [Diagnostics.Stopwatch]::StartNew()
    try {
        if ($MonoInstall -is [Management.Automation.ErrorRecord]) { throw $MonoInstall }
        $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
        $runner = Join-Path $packages 'xunit.runner.console/2.4.1/tools/net472/xunit.console.exe'
        if (-not (Test-Path $runner)) { throw "xunit.runner.console 2.4.1 is missing from $packages (restored by tests/Heat.Client.Tests)." }
        if (-not (Test-Path $Dll)) { throw "the net48 build of the client tests is missing: $Dll" }
        $arguments = @($Dll, '-nologo', '-noshadow')
        $output = if ($IsWindows) { & $runner @arguments 2>&1 } else { & (Wait-Mono $MonoInstall) $runner @arguments 2>&1 }
    }
    catch {
        Write-Host "net48 client tests NOT RUN: $($_.Exception.Message)"
        return [pscustomobject]@{ Passed = 0; Failed = 1; FailedNames = @('net48 client tests (not run)') }
    }
    $lines = $output | ForEach-Object { "$_" }
    $lines | Where-Object { $_ -match '\[FAIL\]|\[SKIP\]|Total: \d+' } | ForEach-Object { Write-Host "net48: $_" }
    $summary = $lines | Select-String -Pattern 'Total: (\d+), Errors: (\d+), Failed: (\d+), Skipped: (\d+)' | Select-Object -Last 1
    if (-not $summary) {
        $lines | Select-Object -Last 40 | ForEach-Object { Write-Host $_ }
        Write-Host 'The net48 client tests did not run to their summary.'
        return [pscustomobject]@{ Passed = 0; Failed = 1; FailedNames = @('net48 client tests (no summary)') }
    }
    $total, $errors, $failed, $skipped = $summary.Matches[0].Groups[1..4] | ForEach-Object { [int]$_.Value }
    Write-Host ("net48 client tests under {0} in {1:0} s (waiting for Mono's install included)" -f $(if ($IsWindows) { '.NET Framework' } else { 'Mono' }), $watch.Elapsed.TotalSeconds)
    $names = $lines | ForEach-Object { if ($_ -match '^\s*(\S+) \[FAIL\]') { "net48: $($Matches[1])" } }
    [pscustomobject]@{ Passed = $total - $failed - $skipped; Failed = $failed + $errors; FailedNames = @($names) }
}

function Invoke-XunitTests {
    $passed = 0; $failed = 0; $names = @()
    $monoInstall = try { Start-MonoInstall } catch { $_ }
    foreach ($project in 'tests/Heat.Client.Tests', 'tests/Heat.PowerShell.Tests') {
        $output = & dotnet test (Join-Path $root $project) -c $Configuration --nologo 2>&1
        $code = $LASTEXITCODE
        $output | ForEach-Object { "$_" } | Where-Object { $_ -match 'error|Failed |Passed!|Failed!|\[FAIL\]' } | ForEach-Object { Write-Host $_ }
        $summary = $output | ForEach-Object { "$_" } | Select-String -Pattern 'Failed:\s+(\d+),\s+Passed:\s+(\d+)' | Select-Object -Last 1
        $names += $output | ForEach-Object { if ("$_" -match '^\s*Failed (\S+) \[') { $Matches[1] } }
        if ($summary) {
            $failed += [int]$summary.Matches[0].Groups[1].Value
            $passed += [int]$summary.Matches[0].Groups[2].Value
        }
        elseif ($code -ne 0) {
            $output | Select-Object -Last 40 | ForEach-Object { Write-Host $_ }
            Write-Host "dotnet test $project failed before running tests."
            $failed += 1
            $names += "$project (did not run)"
        }
    }
    # dotnet test ran the client tests' net10.0 build and built their net48 one too.
    $framework = Invoke-FrameworkTests (Join-Path $root "tests/Heat.Client.Tests/bin/$Configuration/net48/Heat.Client.Tests.dll") $monoInstall
    [pscustomobject]@{ Passed = $passed + $framework.Passed; Failed = $failed + $framework.Failed; FailedNames = @($names) + $framework.FailedNames }
}

function Invoke-PesterTests {
    param([switch] $WithLab)
    $pester = Get-PesterModule
    $module = Build-Module
    # Pester runs in a child pwsh so that the module it loads is the freshly built one and nothing else.
    $tags = if ($WithLab) { @() } else { @('Lab') }
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester' -Force
`$env:HEAT_MODULE_PATH = '$module'
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $root 'tests/Pester')'
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = 'Detailed'
`$config.Filter.ExcludeTag = @($(($tags | ForEach-Object { "'$_'" }) -join ','))
`$result = Invoke-Pester -Configuration `$config
"PESTER-RESULT `$(`$result.PassedCount) `$(`$result.FailedCount)"
foreach (`$test in `$result.Failed) {
    `$why = if (`$test.ErrorRecord) { (`$test.ErrorRecord[0].Exception.Message -split '\r?\n')[0] } else { '' }
    "PESTER-FAILED `$(`$test.ExpandedPath) :: `$why"
}
foreach (`$block in `$result.FailedBlocks) { "PESTER-FAILED `$(`$block.ExpandedPath) (setup)" }
foreach (`$container in `$result.FailedContainers) { "PESTER-FAILED `$(`$container.Item) (file)" }
"@
    $lines = Invoke-Pwsh -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }
    $lines | Where-Object { $_ -notmatch '^PESTER-(RESULT|FAILED)' } | ForEach-Object { Write-Host $_ }
    $names = $lines | ForEach-Object { if ($_ -match '^PESTER-FAILED (.*)$') { $Matches[1] } }
    $resultLine = $lines | Where-Object { $_ -match '^PESTER-RESULT (\d+) (\d+)' } | Select-Object -Last 1
    if (-not $resultLine) { return [pscustomobject]@{ Passed = 0; Failed = 1; FailedNames = @('Pester (no result)') } }
    $null = $resultLine -match '^PESTER-RESULT (\d+) (\d+)'
    [pscustomobject]@{ Passed = [int]$Matches[1]; Failed = [int]$Matches[2]; FailedNames = @($names) }
}

switch ($Task) {
    'Build' { Build-Module | Out-Null }
    'Docs' {
        Build-Module | Out-Null
        $pages = Join-Path $root 'docs/cmdlets'
        if (Test-Path $pages) { Remove-Item $pages -Recurse -Force }
        Copy-Item (Join-Path $out 'docs/cmdlets') $pages -Recurse
        Write-Host "Cmdlet pages written in $pages"
    }
    'Package' { New-ModulePackage }
    'LabStart' { Start-Lab | Out-Null }
    'LabStop' { Stop-Lab }
    'Bench' {
        # Hostile inputs, BenchmarkDotNet and the large listings need no cloud (the listings run a fake Heat on
        # 127.0.0.1); the rest is measured against the lab (started here when no cloud is set). docs/performance.md.
        $want = { param($name) -not $Only -or $name -in $Only }
        $benchDll = Join-Path $root 'bench/Heat.Bench/bin/Release/net10.0/Heat.Bench.dll'
        if ((& $want 'hostile') -or (& $want 'bdn')) {
            Invoke-Native dotnet @('build', (Join-Path $root 'bench/Heat.Bench'), '-c', 'Release', '--nologo', '-v', 'q')
        }
        if (& $want 'hostile') { Invoke-Native dotnet @($benchDll, 'hostile') }
        if (& $want 'bdn') {
            # Its artifacts (BenchmarkDotNet.Artifacts) go under out/, not into the source tree.
            Push-Location (New-Item -ItemType Directory -Force (Join-Path $out 'bench'))
            try { Invoke-Native dotnet @($benchDll, 'bdn') } finally { Pop-Location }
        }
        $module = Build-Module
        if (& $want 'listing') { Invoke-Pwsh -NoProfile -File (Join-Path $root 'bench/Listing.Bench.ps1') -ModulePath $module }
        # The analyzer needs a folder of templates (HEAT_TEMPLATE_CORPUS: a heat-templates checkout); none is fetched.
        if ((& $want 'analyzer') -and $env:HEAT_TEMPLATE_CORPUS) {
            if (Test-LabWanted) { Start-Lab | Out-Null }
            Invoke-Pwsh -NoProfile -File (Join-Path $root 'bench/Analyzer.Bench.ps1') -ModulePath $module -Corpus $env:HEAT_TEMPLATE_CORPUS -Online
        }
        elseif ($Only -contains 'analyzer') { Write-Warning 'The analyzer bench needs HEAT_TEMPLATE_CORPUS: a folder of templates (a heat-templates checkout).' }
        $lab = @('percall', 'bulk', 'requests', 'lifecycle', 'names', 'fleet') | Where-Object { & $want $_ }
        if ($lab -and (Test-LabWanted)) { Start-Lab | Out-Null }
        if (& $want 'percall') { Invoke-Pwsh -NoProfile -File (Join-Path $root 'bench/PerCall.Bench.ps1') -ModulePath $module }
        if (& $want 'bulk') { Invoke-Pwsh -NoProfile -File (Join-Path $root 'bench/Bulk.Bench.ps1') -ModulePath $module }
        if (& $want 'requests') { Invoke-Pwsh -NoProfile -File (Join-Path $root 'bench/BulkRequests.Bench.ps1') -ModulePath $module }
        if (& $want 'lifecycle') { Invoke-Pwsh -NoProfile -File (Join-Path $root 'bench/Lifecycle.Bench.ps1') -ModulePath $module }
        if (& $want 'names') { Invoke-Pwsh -NoProfile -File (Join-Path $root 'bench/NameCache.Bench.ps1') -ModulePath $module }
        if (& $want 'fleet') { Invoke-Pwsh -NoProfile -File (Join-Path $root 'bench/Fleet.Bench.ps1') -ModulePath $module }
    }
    { $_ -in 'Test', 'UnitTest' } {
        $withLab = $Task -eq 'Test'
        $startedLab = $false
        $exit = 1
        try {
            if ($withLab -and (Test-LabWanted)) { $startedLab = -not (Start-Lab) }
            $x = Invoke-XunitTests
            $p = Invoke-PesterTests -WithLab:$withLab
            $passed = $x.Passed + $p.Passed
            $failed = $x.Failed + $p.Failed
            Write-Host "xunit: $($x.Passed) passed, $($x.Failed) failed; Pester: $($p.Passed) passed, $($p.Failed) failed"
            # Named again at the end, where a log cut to its last lines still shows them.
            @($x.FailedNames) + @($p.FailedNames) | Where-Object { $_ } | ForEach-Object { Write-Host "FAILED: $_" }
            Write-Output "$passed passed, $failed failed"
            $exit = if ($failed -eq 0 -and $passed -gt 0) { 0 } else { 1 }
        }
        finally {
            if ($startedLab -and -not $KeepLab) { Stop-Lab }
        }
        exit $exit
    }
    'Demo' {
        $module = Build-Module
        if (Test-LabWanted) {
            Start-Lab | Out-Null
            # The runbook reads the lab's credentials the way a user would: from an openrc.
            Import-OpenRc (Join-Path $labDir 'openrc')
        }
        & (Join-Path $root 'examples/Invoke-HeatDemo.ps1') -ModulePath $module
        exit $LASTEXITCODE
    }
}
