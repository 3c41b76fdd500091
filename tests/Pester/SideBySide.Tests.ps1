# The module next to another module that carries its own YamlDotNet (powershell-yaml does): both must work,
# whichever loads first. Each case runs in a fresh child pwsh, since an assembly once loaded stays loaded.
# No cloud needed.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:manifest = (Resolve-Path (Join-Path $modulePath 'Heat.PowerShell.psd1')).Path
    $script:template = (Resolve-Path (Join-Path $PSScriptRoot 'templates/web-tier.yaml')).Path

    # The other module's YamlDotNet: 13.7.1 (assembly version 13.0.0.0; ours is 16.0.0.0), restored by
    # Pester.Restore.csproj and copied into a folder of its own, as another module would ship it.
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $source = Join-Path $packages 'yamldotnet/13.7.1/lib/netstandard2.0/YamlDotNet.dll'
    if (-not (Test-Path $source)) {
        & dotnet restore (Join-Path $PSScriptRoot 'Pester.Restore.csproj') --nologo -v q | Out-Null
    }
    $otherModule = Join-Path $TestDrive 'OtherModule'
    New-Item -ItemType Directory -Path $otherModule | Out-Null
    Copy-Item $source $otherModule
    $script:otherYaml = Join-Path $otherModule 'YamlDotNet.dll'

    # A script in a child pwsh; its last line is JSON with what it saw.
    function script:Invoke-ChildPwsh([string] $Script) {
        $file = Join-Path $TestDrive ("child-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
        Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`n" + $Script) -Encoding utf8
        $native = Join-Path $PSHOME 'pwsh'
        $lines = if ((Test-Path $native -PathType Leaf) -and -not $IsWindows -and (Get-Item $native).UnixFileMode -match 'x') {
            & $native -NoProfile -NonInteractive -File $file 2>&1
        }
        else { & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file 2>&1 }
        $text = ($lines | ForEach-Object { "$_" }) -join "`n"
        $LASTEXITCODE | Should -Be 0 -Because $text
        ($lines | Select-Object -Last 1 | ForEach-Object { "$_" }) | ConvertFrom-Json
    }

    # What each side sees: our cmdlet reads a YAML template; the other YamlDotNet reads a document.
    $script:useHeat = @"
`$heat = Test-HeatTemplate -Offline -TemplatePath '$template'
"@
    $script:useOther = @"
`$other = [YamlDotNet.Serialization.DeserializerBuilder]::new().Build().Deserialize([string] "a: 1``nb: [x, y]")
`$otherVersion = [YamlDotNet.Serialization.DeserializerBuilder].Assembly.GetName().Version.ToString()
"@
    $script:report = @'
# The YamlDotNet that Heat.Client itself is bound to, and the load context it lives in.
$engine = [Heat.Client.Models.HeatStack].Assembly
$ourYaml = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object {
    $_.GetName().Name -eq 'YamlDotNet' -and $_.GetName().Version -eq ($engine.GetReferencedAssemblies() | Where-Object Name -eq 'YamlDotNet').Version }
[pscustomobject]@{
    Description     = $heat.Description
    Parameters      = @($heat.Parameters.Name)
    OtherB          = @($other['b'])
    OtherVersion    = $otherVersion
    EngineInDefault = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default
    OurYamlIsolated = @($ourYaml).Count -eq 1 -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($ourYaml) -ne [System.Runtime.Loader.AssemblyLoadContext]::Default
    YamlInDefault   = @([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'YamlDotNet' } | ForEach-Object { $_.GetName().Version.ToString() })
} | ConvertTo-Json -Compress
'@
}

Describe 'Side by side with another YamlDotNet' {
    It 'works when the other YamlDotNet was loaded first' {
        $seen = Invoke-ChildPwsh @"
Add-Type -Path '$otherYaml'
Import-Module '$manifest'
$useHeat
$useOther
$report
"@
        $seen.Description | Should -Be 'Web tier for the integration suite (needs no Nova or Neutron)'
        $seen.Parameters | Should -Contain 'replicas'
        $seen.OtherB | Should -Be @('x', 'y')
        $seen.OtherVersion | Should -Be '13.0.0.0'
        $seen.OurYamlIsolated | Should -BeTrue
    }

    It 'works when the other YamlDotNet is loaded after the module was used' {
        $seen = Invoke-ChildPwsh @"
Import-Module '$manifest'
$useHeat
Add-Type -Path '$otherYaml'
$useOther
$report
"@
        $seen.Description | Should -Be 'Web tier for the integration suite (needs no Nova or Neutron)'
        $seen.OtherB | Should -Be @('x', 'y')
        # The other module gets its own YamlDotNet, not ours.
        $seen.OtherVersion | Should -Be '13.0.0.0'
        $seen.YamlInDefault | Should -Be @('13.0.0.0')
    }

    It 'keeps its YamlDotNet out of the default load context, and its own types visible to scripts' {
        $seen = Invoke-ChildPwsh @"
Import-Module '$manifest'
$useHeat
`$other = @{ b = @() }; `$otherVersion = `$null
$report
"@
        $seen.OurYamlIsolated | Should -BeTrue
        $seen.YamlInDefault | Should -BeNullOrEmpty
        # [Heat.Client.Models.HeatStack] in a script: PowerShell sees only the default context's types.
        $seen.EngineInDefault | Should -BeTrue
    }

    It 'sends requests through its own Polly, bound to the runtime''s ValueTask' {
        # Polly.Core loads privately, but what the platform carries (System.Threading.Tasks.Extensions ...) must be the
        # runtime's copy: with a private one, Polly's ValueTask is another type and every request is a MissingMethod.
        $seen = Invoke-ChildPwsh @"
Import-Module '$manifest'
`$credential = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))
`$failure = try { Connect-HeatService -AuthUrl http://127.0.0.1:9/v3 -Credential `$credential -ProjectName x -MaxRetries 1; 'connected?' }
    catch { `$_ }
`$polly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Polly.Core' }
@{
    ErrorId      = `$failure.FullyQualifiedErrorId
    Exception    = `$failure.Exception.GetType().FullName
    PollyPrivate = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$polly) -ne [System.Runtime.Loader.AssemblyLoadContext]::Default
} | ConvertTo-Json -Compress
"@
        $seen.Exception | Should -Be 'Heat.Client.Errors.HeatConnectionException'
        $seen.ErrorId | Should -BeLike 'HeatRequestFailed,*'
        $seen.PollyPrivate | Should -BeTrue
    }

    It 'does not hand its libraries to code that is not its own' {
        # Another module that asks for YamlDotNet by name gets its own or none, never ours.
        $seen = Invoke-ChildPwsh @"
Import-Module '$manifest'
$useHeat
`$answer = try { [Reflection.Assembly]::Load('YamlDotNet').Location } catch { 'not found' }
@{ Answer = `$answer } | ConvertTo-Json -Compress
"@
        $seen.Answer | Should -Be 'not found'
    }

    It 'works in several runspaces of one process' {
        $seen = Invoke-ChildPwsh @"
Import-Module '$manifest'
`$descriptions = 1..3 | ForEach-Object {
    `$ps = [powershell]::Create()
    try {
        `$ps.AddScript("Import-Module '$manifest'; (Test-HeatTemplate -Offline -TemplatePath '$template').Description").Invoke()
        if (`$ps.HadErrors) { throw `$ps.Streams.Error[0] }
    }
    finally { `$ps.Dispose() }
}
`$engines = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Heat.Client' }).Count
@{ Descriptions = @(`$descriptions); Engines = `$engines } | ConvertTo-Json -Compress
"@
        $seen.Descriptions | Should -Be (@('Web tier for the integration suite (needs no Nova or Neutron)') * 3)
        $seen.Engines | Should -Be 1
    }
}
