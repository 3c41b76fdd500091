# One operation per record, WhatIf always wins, stacks named by id alone, and what a new user pipes in, against the
# real Keystone and Heat (issues 19 and 23). Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'op{0:x4}' -f (Get-Random -Maximum 65535)
    Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) $run
    New-Item -ItemType Directory -Path $folder | Out-Null
    $script:templatePath = Join-Path $folder 'app.yaml'
    Set-Content -Path $templatePath -Value @'
heat_template_version: 2018-08-31
parameters:
  flavor: {type: string, default: none}
  n: {type: number, default: 3}
resources:
  r: {type: OS::Heat::None}
outputs:
  flavor: {value: {get_param: flavor}}
  n: {value: {get_param: n}}
'@
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Each piped record acts with its own values' -Tag Lab {
    It 'updates two stacks from two records, each with the parameters and tags it carries' {
        "$run-web", "$run-db" | ForEach-Object { [pscustomobject]@{ StackName = $_ } } | New-HeatStack -TemplatePath $templatePath -Wait -ErrorAction Stop | Out-Null

        [pscustomobject]@{ StackName = "$run-web"; Parameter = @{ flavor = 'web-flavor' }; Tag = 'web-tag' },
        [pscustomobject]@{ StackName = "$run-db"; Parameter = @{ flavor = 'db-flavor' }; Tag = 'db-tag' } |
            Update-HeatStack -TemplatePath $templatePath -Force -Wait -ErrorAction Stop

        $web = Get-HeatStack "$run-web"
        $db = Get-HeatStack "$run-db"
        $web.Outputs.flavor | Should -Be 'web-flavor'
        @($web.Tags) | Should -Be @('web-tag')
        $db.Outputs.flavor | Should -Be 'db-flavor'
        @($db.Tags) | Should -Be @('db-tag')
    }
}

Describe 'WhatIf always wins over -Force' -Tag Lab {
    BeforeAll {
        $script:kept = "$run-kept"
        New-HeatStack $kept -TemplatePath $templatePath -Wait -ErrorAction Stop | Out-Null
    }

    It 'deletes nothing under $WhatIfPreference' {
        $WhatIfPreference = $true
        try { Remove-HeatStack $kept -Force -Wait }
        finally { $WhatIfPreference = $false }
        (Get-HeatStack $kept).StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'deletes nothing from a script of the user run with -WhatIf' {
        function Invoke-Teardown { [CmdletBinding(SupportsShouldProcess)] param([string] $Name) Remove-HeatStack $Name -Force -Wait }
        Invoke-Teardown -Name $kept -WhatIf
        (Get-HeatStack $kept).StackStatus | Should -Be 'CREATE_COMPLETE'
    }
}

Describe 'A stack named by id alone' -Tag Lab {
    It 'reads its events and resources and deletes it by -StackId' {
        $stack = New-HeatStack "$run-byid" -TemplatePath $templatePath -Wait -ErrorAction Stop

        @(Get-HeatResource -StackId $stack.Id -ErrorAction Stop).ResourceName | Should -Be @('r')
        @(Get-HeatEvent -StackId $stack.Id -ErrorAction Stop).Count | Should -BeGreaterThan 1
        Remove-HeatStack -StackId $stack.Id -Force -Wait -ErrorAction Stop
        Get-HeatStack "$run-byid" -ErrorAction SilentlyContinue -ErrorVariable gone | Should -BeNullOrEmpty
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'HeatStackNotFound*'
    }
}

Describe 'A CSV of stacks' -Tag Lab {
    It 'sends each row''s Parameter column: name=value pairs or JSON' {
        $csv = Join-Path $folder 'stacks.csv'
        Set-Content -Path $csv -Value @(
            'StackName,Parameter'
            "$run-csv1,n=2;flavor=small"
            "$run-csv2,`"{`"`"n`"`": 5}`""
        )
        Import-Csv $csv | New-HeatStack -TemplatePath $templatePath -Wait -ErrorAction Stop | Out-Null

        $one = Get-HeatStack "$run-csv1"
        $one.Outputs.n | Should -Be 2
        $one.Outputs.flavor | Should -Be 'small'
        (Get-HeatStack "$run-csv2").Outputs.n | Should -Be 5
    }
}
