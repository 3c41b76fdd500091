# Software configs and deployments against the real Heat (issue 11), each compared with what the reference client
# (`openstack software config|deployment ...`) shows of the same object. The lab has no Nova: deployments go to a
# made-up server id, which Heat stores without asking Nova. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    # A run id keeps the objects of two runs (or of a failed earlier run) apart; configs are named after it.
    $script:run = 'sw{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:serverId = [guid]::NewGuid().ToString()
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "heat-labsoftware-$run"
    $null = New-Item -ItemType Directory -Path $work -Force

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    function script:Show-Reference([string[]] $Command) { (Invoke-OpenStack @Command -f json) -join "`n" | ConvertFrom-Json -AsHashtable }

    # Heat's schema lists as comparable text: the same keys and values in the same order, whoever read them.
    function script:Format-Schema($Items) {
        @($Items | ForEach-Object {
            $map = if ($_ -is [System.Collections.IDictionary]) { $_ } else { $h = @{}; foreach ($p in $_.PSObject.Properties) { $h[($p.Name -creplace '(?<=[a-z])(?=[A-Z])', '_').ToLowerInvariant()] = $p.Value }; $h }
            ($map.Keys | Where-Object { $null -ne $map[$_] } | Sort-Object | ForEach-Object { '{0}={1}' -f $_, ($map[$_] | ConvertTo-Json -Compress) }) -join ';'
        })
    }

    Set-Content -Path (Join-Path $work 'deploy.sh') -Value "#!/bin/sh`necho `"`$greeting`" > `$heat_outputs_path.result`n" -NoNewline
    Set-Content -Path (Join-Path $work 'deploy.yaml') -Value @"
inputs:
- name: greeting
  default: hello
- name: port
  type: Number
  default: 8080
  description: where it listens
outputs:
- name: result
- name: failure
  error_output: true
options:
  verbose: true
"@
}

AfterAll {
    # Deployments first: Heat refuses to delete a config a deployment uses.
    Get-HeatSoftwareDeployment -ServerId $serverId -ErrorAction SilentlyContinue | Remove-HeatSoftwareDeployment -Force -ErrorAction SilentlyContinue
    Get-HeatSoftwareConfig -Name "$run-*" -ErrorAction SilentlyContinue | Remove-HeatSoftwareConfig -Force -ErrorAction SilentlyContinue
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    Disconnect-HeatService
}

Describe 'Software configs on a real Heat' -Tag Lab {
    It 'creates a config inline with inputs, outputs and options, and reads it back as openstack software config show does' {
        $config = New-HeatSoftwareConfig "$run-inline" -Group script -Config "#!/bin/sh`necho hi`n" `
            -Input greeting, 'port=Number', @{ Name = 'mode'; Default = 'fast'; ReplaceOnChange = $true } `
            -Output result, @{ name = 'failure'; error_output = $true } -Option @{ verbose = $true }

        $config.Name | Should -Be "$run-inline"
        $reference = Show-Reference software, config, show, $config.Id
        $reference.name | Should -Be "$run-inline"
        $reference.group | Should -Be 'script'
        $reference.config | Should -Be "#!/bin/sh`necho hi`n"
        $reference.options.verbose | Should -BeTrue
        Format-Schema $config.Inputs | Should -Be (Format-Schema $reference.inputs)
        Format-Schema $config.Outputs | Should -Be (Format-Schema $reference.outputs)
        # What Heat made of the short forms: a type defaults to String, replace_on_change is kept only when true.
        Format-Schema $reference.inputs | Should -Be @('name="greeting";type="String"', 'name="port";type="Number"', 'default="fast";name="mode";replace_on_change=true;type="String"')
        $config.CreationTime | Should -Be ([datetime]::Parse($reference.creation_time, [cultureinfo]::InvariantCulture, 'AdjustToUniversal'))
        $config.CreationTime.Kind | Should -Be 'Utc'
    }

    It 'makes from a script and a definition file what openstack software config create makes from them' {
        $script = Join-Path $work 'deploy.sh'
        $definition = Join-Path $work 'deploy.yaml'
        $ours = New-HeatSoftwareConfig "$run-file" -Group script -ConfigPath $script -DefinitionPath $definition
        $theirs = Show-Reference software, config, create, "$run-reference", --config-file, $script, --definition-file, $definition, --group, script

        $reference = Show-Reference software, config, show, $theirs.id
        $mine = Get-HeatSoftwareConfig $ours.Id
        $mine.Config | Should -Be $reference.config
        $mine.Config | Should -Be (Get-Content $script -Raw)
        Format-Schema $mine.Inputs | Should -Be (Format-Schema $reference.inputs)
        Format-Schema $mine.Outputs | Should -Be (Format-Schema $reference.outputs)
        $mine.Inputs[1].Default | Should -Be 8080
        $mine.Inputs[1].Default | Should -BeOfType [int]
        $mine.Options.verbose | Should -BeTrue
    }

    It 'lists configs by name, every page, as openstack software config list does' {
        $listed = Get-HeatSoftwareConfig -Name "$run-*"
        $reference = Show-Reference software, config, list | Where-Object { $_.name -like "$run-*" }

        @($listed).Count | Should -Be 3
        ($listed.Id | Sort-Object) | Should -Be ($reference.id | Sort-Object)
        ($listed | Where-Object Name -eq "$run-file").Group | Should -Be 'script'
        # Heat's marker is the last id of a page: read one config a page and still see each once.
        $client = [Heat.Client.HeatClient]::new($session)
        $paged = @($client.SoftwareConfigs.List([Heat.Client.SoftwareConfigs.SoftwareConfigListOptions]@{ PageSize = 1 }, [Threading.CancellationToken]::None))
        ($paged | Where-Object Name -like "$run-*").Id | Sort-Object | Should -Be ($reference.id | Sort-Object)
        ($paged.Id | Select-Object -Unique).Count | Should -Be $paged.Count
    }

    It 'writes a config as a table of name, group, time and id' {
        $text = Get-HeatSoftwareConfig -Name "$run-inline" | Out-String -Width 160
        $text | Should -Match 'Name\s+Group\s+CreationTime\s+Id'
        $text | Should -Match "$run-inline\s+script\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+[0-9a-f-]{36}"
    }

    It 'names a schema fault that Heat refuses without a word, and a missing config is not found, by its id' {
        # Heat 19 answers a type it does not know with a bare 400 ("could not comply"): the module names it first.
        $err = $null
        New-HeatSoftwareConfig "$run-bad" -Config 'x' -Input 'n=Strin' -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -Be 'HeatSoftwareConfigArgumentInvalid,Heat.PowerShell.Cmdlets.NewHeatSoftwareConfig'
        $err[0].Exception.Message | Should -Be "The input 'n' has type 'Strin', which is not one of String, Number, CommaDelimitedList, Json, Boolean."
        Get-HeatSoftwareConfig -Name "$run-bad" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        # Heat 19 writes "Software config with id {} not found"; the id is put back where it belongs.
        $missing = [guid]::NewGuid().ToString()
        Get-HeatSoftwareConfig $missing -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -Be 'HeatSoftwareConfigNotFound,Heat.PowerShell.Cmdlets.GetHeatSoftwareConfig'
        $err[0].Exception.Message | Should -Be "Software config with id $missing not found"
        $err[0].TargetObject | Should -Be $missing
    }
}

Describe 'Software deployments on a real Heat (a made-up server)' -Tag Lab {
    BeforeAll {
        $script:config = New-HeatSoftwareConfig "$run-deploy" -Group script -ConfigPath (Join-Path $work 'deploy.sh') -DefinitionPath (Join-Path $work 'deploy.yaml')
        $script:deployment = $config | New-HeatSoftwareDeployment -ServerId $serverId -InputValues @{ greeting = 'hi there'; port = 9090 }
    }

    It 'deploys a piped config to the server, as openstack software deployment show sees it' {
        $deployment.ConfigId | Should -Be $config.Id
        $deployment.ServerId | Should -Be $serverId
        $deployment.Status | Should -Be 'IN_PROGRESS'
        $reference = Show-Reference software, deployment, show, $deployment.Id, --long
        $reference.config_id | Should -Be $config.Id
        $reference.server_id | Should -Be $serverId
        $reference.action | Should -Be 'UPDATE'
        $reference.status | Should -Be 'IN_PROGRESS'
        $reference.input_values.greeting | Should -Be 'hi there'
        $reference.input_values.port | Should -Be 9090
        (Get-HeatSoftwareDeployment -ServerId $serverId).Id | Should -Be @($deployment.Id)
        (Show-Reference software, deployment, list, --server, $serverId).id | Should -Be @($deployment.Id)
    }

    It "gives the server's metadata: the configs deployed to it, as openstack software deployment metadata show" {
        $metadata = @(Get-HeatSoftwareDeploymentMetadata $serverId)
        $reference = @((Invoke-OpenStack software deployment metadata show $serverId) -join "`n" | ConvertFrom-Json -AsHashtable)

        $metadata.Count | Should -Be 1
        $metadata.Id | Should -Be $reference.id
        $metadata[0].Id | Should -Be $config.Id
        $metadata[0].Config | Should -Be $reference[0].config
        Format-Schema $metadata[0].Inputs | Should -Be (Format-Schema $reference[0].inputs)
    }

    It "signals the deployment's result as an agent would, and its outputs read as openstack software deployment output show" {
        $deployment | Set-HeatSoftwareDeployment -Status COMPLETE -StatusReason 'Outputs received' `
            -OutputValues @{ result = 'hi there'; deploy_stdout = "line 1`nline 2`n"; deploy_stderr = ''; deploy_status_code = 0 }

        $now = Get-HeatSoftwareDeployment $deployment.Id
        $now.Status | Should -Be 'COMPLETE'
        $now.StatusReason | Should -Be 'Outputs received'
        $now.UpdatedTime | Should -BeGreaterThan $now.CreationTime.AddSeconds(-1)
        $outputs = Get-HeatSoftwareDeploymentOutput $deployment.Id
        $outputs.OutputName | Should -Be @('deploy_status_code', 'deploy_stderr', 'deploy_stdout', 'result')
        ($outputs | Where-Object OutputName -eq deploy_status_code).OutputValue | Should -Be 0
        $reference = Show-Reference software, deployment, show, $deployment.Id, --long
        $reference.status | Should -Be 'COMPLETE'
        foreach ($output in $outputs) { $output.OutputValue | Should -Be $reference.output_values[$output.OutputName] -Because $output.OutputName }
        (Invoke-OpenStack software deployment output show $deployment.Id result) -join "`n" | Should -Match '(?m)^\s*result: hi there$'
        (Get-HeatSoftwareDeploymentOutput $deployment.Id -AsHashtable).result | Should -Be 'hi there'
        ($outputs | Out-String -Width 120) | Should -Match '(?m)^deploy_stdout\s+line 2\s*$'
    }

    It 'is refused the removal of a config a deployment uses, in Heat''s words' {
        $err = $null
        Remove-HeatSoftwareConfig $config.Id -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'HeatServerError,Heat.PowerShell.Cmdlets.RemoveHeatSoftwareConfig'
        $err[0].Exception.Message | Should -Be "Software config with id $($config.Id) can not be deleted as it is referenced."
        $err[0].TargetObject | Should -Be $config.Id
        (Get-HeatSoftwareConfig $config.Id).Id | Should -Be $config.Id
    }

    It 'removes the deployment, then its config, and both are gone for the reference client too' {
        $deployment | Remove-HeatSoftwareDeployment -Force
        { Invoke-OpenStack software deployment show $deployment.Id } | Should -Throw '*not found*'
        Get-HeatSoftwareDeploymentMetadata $serverId | Should -BeNullOrEmpty
        $config | Remove-HeatSoftwareConfig -Force
        { Invoke-OpenStack software config show $config.Id } | Should -Throw '*not found*'
        $err = $null
        Get-HeatSoftwareDeployment $deployment.Id -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -Be 'HeatSoftwareDeploymentNotFound,Heat.PowerShell.Cmdlets.GetHeatSoftwareDeployment'
    }
}
