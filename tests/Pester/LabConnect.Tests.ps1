# Connecting the ways OpenStack users already do (issue 12), against the real Keystone and Heat: clouds.yaml, the
# OS_* variables of an openrc, a PSCredential in a non-interactive child pwsh, a private CA in front of the lab (a
# TLS proxy on 127.0.0.1 with a CA made here), and the errors for a wrong password, a missing project and an auth URL
# that is not Keystone's. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:manifest = Join-Path $modulePath 'Heat.PowerShell.psd1'
    Import-Module $manifest -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:work = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ('heat-connect-{0:x6}' -f (Get-Random -Maximum 16777215)))).FullName
    $script:direct = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    # Other users share the lab: a stack of our own, read back through each kind of connection, is what proves it worked.
    $script:stackName = 'conn{0:x6}' -f (Get-Random -Maximum 16777215)
    $templateFile = Join-Path $work 'one.yaml'
    Set-Content -LiteralPath $templateFile -Value "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::None}"
    $script:stackId = (New-HeatStack -Session $direct -Name $stackName -TemplatePath $templateFile -Wait).StackId

    # Our stack, found in the list. (Behind the bare TLS proxy below, Heat answers a read by name with a redirect to
    # http://, as it sees plain http and no X-Forwarded-Proto; the module refuses https to http.)
    function script:Find-OurStack($Session) { (Get-HeatStack -Session $Session -Name "$stackName*").StackId }

    # The OS_* variables of this process, put back after each test that sets some.
    $script:savedOs = @(Get-ChildItem Env: | Where-Object Name -like 'OS_*')
    function script:Clear-OsVariables { Get-ChildItem Env: | Where-Object Name -like 'OS_*' | ForEach-Object { Remove-Item "Env:$($_.Name)" } }
    function script:Restore-OsVariables { Clear-OsVariables; foreach ($v in $savedOs) { Set-Item "Env:$($v.Name)" $v.Value } }
    function script:Set-Openrc([string] $AuthUrl = $lab.auth_url) {
        Clear-OsVariables
        $env:OS_AUTH_URL = $AuthUrl; $env:OS_USERNAME = $lab.username; $env:OS_PASSWORD = $lab.password
        $env:OS_PROJECT_NAME = $lab.project_name; $env:OS_USER_DOMAIN_NAME = 'Default'; $env:OS_PROJECT_DOMAIN_NAME = 'Default'
        $env:OS_REGION_NAME = $lab.region; $env:OS_INTERFACE = 'public'; $env:OS_IDENTITY_API_VERSION = '3'
    }

    # A child pwsh, as a scheduler would start it: -NonInteractive, stdin closed, only the environment given.
    function script:Invoke-Unattended([string] $Script, [hashtable] $Environment) {
        $psi = [Diagnostics.ProcessStartInfo]::new()
        $native = Join-Path $PSHOME 'pwsh'
        if ((Test-Path $native -PathType Leaf) -and -not $IsWindows -and (Get-Item $native).UnixFileMode -match 'x') { $psi.FileName = $native }
        else { $psi.FileName = 'dotnet'; $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($a in '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$manifest'; $Script") { $psi.ArgumentList.Add($a) }
        foreach ($name in @($psi.Environment.Keys)) { if ($name -like 'OS_*') { $psi.Environment.Remove($name) | Out-Null } }
        foreach ($key in $Environment.Keys) { $psi.Environment[$key] = [string]$Environment[$key] }
        $psi.RedirectStandardInput = $true
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($psi)
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill(); throw "The child pwsh did not end in 120 s (a prompt?): $($stdout.Result)" }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result + $stderr.Result }
    }
}

AfterAll {
    Restore-OsVariables
    if ($direct -and $stackName) { Remove-HeatStack -Session $direct -Name $stackName -Force -Wait -ErrorAction SilentlyContinue }
    Disconnect-HeatService -ErrorAction SilentlyContinue
    if ($direct) { $direct.Dispose() }
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'OpenStack configuration' -Tag Lab {
    AfterEach { Restore-OsVariables }

    It 'connects with no arguments from the OS_* variables of an openrc' {
        Set-Openrc
        $session = Connect-HeatService -PassThru
        $session.HeatEndpoint | Should -Be $lab.heat_endpoint
        Find-OurStack $session | Should -Be $stackId
    }

    It 'connects with -Cloud from the clouds.yaml that OS_CLIENT_CONFIG_FILE names (the lab writes one for openstack)' {
        Clear-OsVariables
        $env:OS_CLIENT_CONFIG_FILE = $lab.clouds_yaml
        $session = Connect-HeatService -Cloud $lab.cloud -PassThru
        $session.UserName | Should -Be $lab.username
        $session.ProjectId | Should -Be $lab.project_id
    }

    It 'connects with no arguments from OS_CLOUD, and completes -Cloud from the same file' {
        Clear-OsVariables
        $env:OS_CLIENT_CONFIG_FILE = $lab.clouds_yaml
        $env:OS_CLOUD = $lab.cloud
        (Connect-HeatService -PassThru).ProjectName | Should -Be $lab.project_name
        $names = (TabExpansion2 -inputScript 'Connect-HeatService -Cloud heat-' -cursorColumn 32).CompletionMatches.CompletionText
        $names | Should -Contain $lab.cloud
        $names | Should -Contain $lab.admin_cloud
    }

    It 'says which variable is missing, never prompting, in a non-interactive pwsh' {
        $result = Invoke-Unattended 'Connect-HeatService' @{ OS_AUTH_URL = $lab.auth_url; OS_USERNAME = $lab.username; OS_PROJECT_NAME = $lab.project_name }
        $result.ExitCode | Should -Not -Be 0
        $result.Output | Should -Match 'OS_PASSWORD is not set'
    }

    It 'works unattended in a non-interactive pwsh from the OS_* variables' {
        $result = Invoke-Unattended "`$s = Connect-HeatService -PassThru; 'stack=' + (Get-HeatStack -Session `$s -Name $stackName).StackId" @{
            OS_AUTH_URL = $lab.auth_url; OS_USERNAME = $lab.username; OS_PASSWORD = $lab.password; OS_PROJECT_NAME = $lab.project_name
            OS_USER_DOMAIN_NAME = 'Default'; OS_PROJECT_DOMAIN_NAME = 'Default'
        }
        $result.Output | Should -Match "stack=$stackId"
        $result.ExitCode | Should -Be 0
    }

    It 'works unattended in a non-interactive pwsh with a PSCredential, -AuthUrl and the project (an Automation credential asset)' {
        $script = '$c = [pscredential]::new($env:RUNBOOK_USER, (ConvertTo-SecureString $env:RUNBOOK_SECRET -AsPlainText -Force)); ' +
                  'Connect-HeatService -AuthUrl $env:RUNBOOK_URL -Credential $c -ProjectName $env:RUNBOOK_PROJECT; "stack=" + (Get-HeatStack -Name $env:RUNBOOK_STACK).StackId'
        $result = Invoke-Unattended $script @{ RUNBOOK_USER = $lab.username; RUNBOOK_SECRET = $lab.password; RUNBOOK_URL = $lab.auth_url; RUNBOOK_PROJECT = $lab.project_name; RUNBOOK_STACK = $stackName }
        $result.Output | Should -Match "stack=$stackId"
        $result.ExitCode | Should -Be 0
    }
}

Describe 'Connection errors from the real Keystone' -Tag Lab {
    It 'a wrong password names the user, domain and project, and what may be wrong' {
        $wrong = [pscredential]::new($lab.username, (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))
        $err = { Connect-HeatService -AuthUrl $lab.auth_url -Credential $wrong -ProjectName $lab.project_name } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'HeatAuthenticationFailed,Heat.PowerShell.Cmdlets.ConnectHeatService'
        $err.Exception.Message | Should -BeLike "Keystone at $($lab.auth_url)/auth/tokens refused the credentials for user '$($lab.username)' in domain 'Default', project '$($lab.project_name)' in domain 'Default': the user name, password, domain or project is wrong*"
        $err.Exception.Message | Should -Not -Match 'not-the-password'
    }

    It 'no project is an unscoped token, said so, not a missing Heat' {
        $err = { Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'HeatTokenUnscoped,Heat.PowerShell.Cmdlets.ConnectHeatService'
        $err.Exception.Message | Should -Match 'unscoped token'
        $err.Exception.Message | Should -Match 'OS_PROJECT_NAME'
    }

    It 'an auth URL without a Keystone (<url>) names the URL tried' -ForEach @(
        @{ url = 'http://127.0.0.1:5000/v9'; tried = 'http://127.0.0.1:5000/v9/v3/auth/tokens' }
        @{ url = 'http://127.0.0.1:8004'; tried = 'http://127.0.0.1:8004/v3/auth/tokens' }
        @{ url = 'http://127.0.0.1:8004/v1'; tried = 'http://127.0.0.1:8004/v1/v3/auth/tokens' }
    ) {
        $err = { Connect-HeatService -AuthUrl $url -Credential $cred -ProjectName $lab.project_name } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'HeatIdentityNotFound,Heat.PowerShell.Cmdlets.ConnectHeatService'
        $err.Exception.Message | Should -BeLike "There is no Keystone v3 identity API at $tried*"
    }
}

Describe 'A private CA in front of the lab' -Tag Lab {
    BeforeAll {
        $now = [DateTimeOffset]::UtcNow
        function script:New-Ca([string] $Name) {
            $key = [Security.Cryptography.RSA]::Create(2048)
            $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$Name", $key, 'SHA256', [Security.Cryptography.RSASignaturePadding]::Pkcs1)
            $request.CertificateExtensions.Add([Security.Cryptography.X509Certificates.X509BasicConstraintsExtension]::new($true, $false, 0, $true))
            $request.CertificateExtensions.Add([Security.Cryptography.X509Certificates.X509KeyUsageExtension]::new('KeyCertSign, CrlSign', $true))
            $request.CreateSelfSigned($now.AddDays(-2), $now.AddDays(30))
        }
        function script:ConvertTo-Pem($Certificate) {
            "-----BEGIN CERTIFICATE-----`n" + [Convert]::ToBase64String($Certificate.RawData, 'InsertLineBreaks') + "`n-----END CERTIFICATE-----`n"
        }
        $script:ca = New-Ca 'Heat Lab Test CA'
        $script:caPem = Join-Path $work 'ca.pem'
        Set-Content -LiteralPath $caPem -Value (ConvertTo-Pem $ca) -NoNewline
        $script:otherPem = Join-Path $work 'other-ca.pem'
        Set-Content -LiteralPath $otherPem -Value (ConvertTo-Pem (New-Ca 'Some Other CA')) -NoNewline

        $serverKey = [Security.Cryptography.RSA]::Create(2048)
        $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=127.0.0.1', $serverKey, 'SHA256', [Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $san = [Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder]::new()
        $san.AddIpAddress([Net.IPAddress]::Loopback)
        $request.CertificateExtensions.Add($san.Build())
        $serial = [byte[]](1..8 | ForEach-Object { Get-Random -Maximum 256 })
        $issued = $request.Create($ca, $now.AddDays(-1), $now.AddDays(7), $serial)
        $withKey = [Security.Cryptography.X509Certificates.RSACertificateExtensions]::CopyWithPrivateKey($issued, $serverKey)
        $pfxPassword = [guid]::NewGuid().ToString('n')
        $pfx = Join-Path $work 'server.pfx'
        [IO.File]::WriteAllBytes($pfx, $withKey.Export('Pfx', $pfxPassword))

        # The proxy: its own pwsh, stopped by its id in AfterAll.
        $ready = Join-Path $work 'proxy.ready'
        $keystonePort = ([Uri]$lab.auth_url).Port
        $heatPort = ([Uri]$lab.heat_endpoint).Port
        $psi = [Diagnostics.ProcessStartInfo]::new()
        $native = Join-Path $PSHOME 'pwsh'
        if ((Test-Path $native -PathType Leaf) -and -not $IsWindows -and (Get-Item $native).UnixFileMode -match 'x') { $psi.FileName = $native }
        else { $psi.FileName = 'dotnet'; $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($a in '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'tools/Start-TlsProxy.ps1'), '-PfxPath', $pfx,
            '-PfxPassword', $pfxPassword, '-Target', "$keystonePort,$heatPort", '-ReadyFile', $ready) { $psi.ArgumentList.Add([string]$a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $script:proxy = [Diagnostics.Process]::Start($psi)
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (Test-Path $ready) -and -not $proxy.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
        if (-not (Test-Path $ready)) { throw "The TLS proxy did not start: $($proxy.StandardError.ReadToEnd())" }
        $ports = (Get-Content $ready -Raw).Split(',')
        $script:tlsAuthUrl = "https://127.0.0.1:$($ports[0])/v3"
        $script:tlsHeat = "https://127.0.0.1:$($ports[1])/v1/$($lab.project_id)"
    }

    AfterAll {
        Restore-OsVariables
        if ($proxy -and -not $proxy.HasExited) { $proxy.Kill(); $proxy.WaitForExit(10000) | Out-Null }
    }

    AfterEach { Restore-OsVariables }

    It 'without the CA, the connect fails on the certificate and says how to trust it' {
        $err = { Connect-HeatService -AuthUrl $tlsAuthUrl -Credential $cred -ProjectName $lab.project_name -HeatEndpoint $tlsHeat -MaxRetries 0 } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'HeatRequestFailed,Heat.PowerShell.Cmdlets.ConnectHeatService'
        # The client states the fact; the module's error table adds what to do.
        $err.ToString() | Should -Match '-CACertificatePath'
    }

    It 'with another CA, the connect fails: the cloud CA replaces the system store, it does not add to it' {
        $err = { Connect-HeatService -AuthUrl $tlsAuthUrl -Credential $cred -ProjectName $lab.project_name -HeatEndpoint $tlsHeat -CACertificatePath $otherPem -MaxRetries 0 } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'does not chain to a certificate of the given CA file'
    }

    It 'with -CACertificatePath it connects, and Get-HeatStack goes through the proxy' {
        $session = Connect-HeatService -AuthUrl $tlsAuthUrl -Credential $cred -ProjectName $lab.project_name -HeatEndpoint $tlsHeat -CACertificatePath $caPem -PassThru
        $session.HeatEndpoint | Should -Be $tlsHeat
        Find-OurStack $session | Should -Be $stackId
    }

    It 'with OS_CACERT and the other OS_* variables (and -HeatEndpoint, which wins over the catalog)' {
        Set-Openrc -AuthUrl $tlsAuthUrl
        $env:OS_CACERT = $caPem
        $session = Connect-HeatService -HeatEndpoint $tlsHeat -PassThru
        $session.CACertificatePath | Should -Be $caPem
        Find-OurStack $session | Should -Be $stackId
    }

    It 'with cacert and orchestration_endpoint_override in clouds.yaml' {
        Clear-OsVariables
        $clouds = Join-Path $work 'clouds.yaml'
        Set-Content -LiteralPath $clouds -Value @"
clouds:
  tls-lab:
    auth:
      auth_url: $tlsAuthUrl
      username: $($lab.username)
      project_name: $($lab.project_name)
      user_domain_name: Default
      project_domain_name: Default
    cacert: $caPem
    orchestration_endpoint_override: $tlsHeat
"@
        Set-Content -LiteralPath (Join-Path $work 'secure.yaml') -Value "clouds:`n  tls-lab:`n    auth:`n      password: '$($lab.password)'`n"
        Push-Location $work
        try { $session = Connect-HeatService -Cloud tls-lab -PassThru }
        finally { Pop-Location }
        $session.HeatEndpoint | Should -Be $tlsHeat
        Find-OurStack $session | Should -Be $stackId
    }
}
