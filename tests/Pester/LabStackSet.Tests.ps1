# Stack sets (issue 22) against the real Keystone and Heat: three targets on one machine, heat-lab (project demo),
# heat-lab-demo2 (project demo2) and heat-lab-r2 (project demo through RegionTwo, so its stack needs a name of its own).
# Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:run = 'ss{0:x4}' -f (Get-Random -Maximum 65535)
    $script:savedConfig = $env:OS_CLIENT_CONFIG_FILE
    $env:OS_CLIENT_CONFIG_FILE = $lab.clouds_yaml
    $script:folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "$run-set")
    Set-Content (Join-Path $folder 'app.yaml') @(
        'heat_template_version: 2018-08-31'
        'parameters:'
        '  value: {type: string, default: x}'
        '  fail: {type: boolean, default: false}'
        'resources:'
        '  r: {type: OS::Heat::TestResource, properties: {value: {get_param: value}, fail: {get_param: fail}}}'
    )
    # A set whose targets are the lab's three clouds; $Params gives a target's own parameters (YAML flow mappings).
    function script:Write-Set([string] $Name, [string[]] $Params = @('', '', '')) {
        $path = Join-Path $folder "$Name.yaml"
        $p = $Params | ForEach-Object { if ($_) { "`n    parameters: {$_}" } else { '' } }
        Set-Content $path ("name: $Name`ntemplate: app.yaml`ntargets:`n" +
            "  - cloud: $($lab.cloud)$($p[0])`n" +
            "  - cloud: $($lab.project2_cloud)$($p[1])`n" +
            "  - cloud: $($lab.region2_cloud)`n    stack_name: $Name-r2$($p[2])`n")
        $path
    }
    function script:Rows($results) { $results | Sort-Object Target | ForEach-Object { "$($_.Target) $($_.StackName) $($_.Action)" } }
}

AfterAll {
    foreach ($cloud in $lab.cloud, $lab.project2_cloud) {
        Get-HeatStack "$run-*" -Cloud $cloud -ErrorAction SilentlyContinue | Remove-HeatStack -Cloud $cloud -Force -Wait -ErrorAction SilentlyContinue
    }
    $env:OS_CLIENT_CONFIG_FILE = $savedConfig
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A stack set of three targets' -Tag Lab {
    It 'creates every target, then finds them all Unchanged' {
        $set = Write-Set "$run-web"

        $first = @(Set-HeatStackSet $set -MaxConcurrent 3 -Wait -Force)
        $second = @(Set-HeatStackSet $set -MaxConcurrent 3 -Wait -Force)

        Rows $first | Should -Be @("1 $run-web Created", "2 $run-web Created", "3 $run-web-r2 Created")
        $first.StackStatus | Should -Be @('CREATE_COMPLETE', 'CREATE_COMPLETE', 'CREATE_COMPLETE')
        Rows $second | Should -Be @("1 $run-web Unchanged", "2 $run-web Unchanged", "3 $run-web-r2 Unchanged")
        (Get-HeatStack "$run-web" -Cloud $lab.project2_cloud).Tags | Should -Contain "heat-stackset:$run-web"
    }

    It 'with -WhatIf changes nothing, then updates the one target whose parameters changed' {
        $set = Write-Set "$run-web" @('', 'value: y', '')

        $null = Set-HeatStackSet $set -WhatIf
        $unchanged = (Get-HeatStack "$run-web" -Cloud $lab.project2_cloud).Parameters['value']
        $results = @(Set-HeatStackSet $set -Wait -Force)

        $unchanged | Should -Be 'x'
        Rows $results | Should -Be @("1 $run-web Unchanged", "2 $run-web Updated", "3 $run-web-r2 Unchanged")
        (Get-HeatStack "$run-web" -Cloud $lab.project2_cloud).Parameters['value'] | Should -Be 'y'
    }

    It 'shows each target in sync, and the one whose definition changed as outdated' {
        $set = Write-Set "$run-web" @('', 'value: y', '')
        $before = @(Get-HeatStackSet $set)
        $changed = Write-Set "$run-web" @('', 'value: z', '')
        $after = @(Get-HeatStackSet $changed)

        ($before | ForEach-Object { "$($_.Target) $($_.State)" }) | Should -Be @('1 InSync', '2 InSync', '3 InSync')
        ($after | ForEach-Object { "$($_.Target) $($_.State)" }) | Should -Be @('1 InSync', '2 Outdated', '3 InSync')

        # Only target 2 differs, and its parameter is among what differs.
        $rows = @(Compare-HeatStackSet $changed | Where-Object Change -ne 'Unchanged')
        ($rows.Target | Sort-Object -Unique) | Should -Be @(2)
        ($rows.Cloud | Sort-Object -Unique) | Should -Be @($lab.project2_cloud)
    }

    It 'removes the members, and leaves a stack of a target''s name that the set did not make' {
        $set = Write-Set "$run-rm"
        $null = Set-HeatStackSet $set -Wait -Force
        # Target 2's stack is replaced by one made by hand under the same name: not a member.
        $null = Remove-HeatStack "$run-rm" -Cloud $lab.project2_cloud -Force -Wait
        $own = New-HeatStack "$run-rm" -Template "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::None}" -Cloud $lab.project2_cloud -Wait

        $whatIf = @(Remove-HeatStackSet $set -WhatIf)
        $results = @(Remove-HeatStackSet $set -Force -Wait)

        ($whatIf | Sort-Object Target | ForEach-Object Action) | Should -Be @('Skipped', 'NotMember', 'Skipped')
        Rows $results | Should -Be @("1 $run-rm Removed", "2 $run-rm NotMember", "3 $run-rm-r2 Removed")
        (Get-HeatStack "$run-rm" -Cloud $lab.project2_cloud).Id | Should -Be $own.Id
        Get-HeatStack "$run-rm" -Cloud $lab.cloud -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-HeatStack "$run-rm-r2" -Cloud $lab.region2_cloud -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'stops at the first failure with -FailureTolerance 0 -MaxConcurrent 1, the rest Skipped' {
        $set = Write-Set "$run-bad" @('fail: true', '', '')

        $results = @(Set-HeatStackSet $set -FailureTolerance 0 -MaxConcurrent 1 -Wait -Force)

        Rows $results | Should -Be @("1 $run-bad Failed", "2 $run-bad Skipped", "3 $run-bad-r2 Skipped")
        $results[0].Reason | Should -Match 'Test Resource failed'
        Get-HeatStack "$run-bad" -Cloud $lab.project2_cloud -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'leaves every other target untouched when a canary fails' {
        $set = Write-Set "$run-can" @('fail: true', '', '')

        $results = @(Set-HeatStackSet $set -Canary 1 -Wait -Force)

        Rows $results | Should -Be @("1 $run-can Failed", "2 $run-can Skipped", "3 $run-can-r2 Skipped")
        Get-HeatStack "$run-can" -Cloud $lab.project2_cloud -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-HeatStack "$run-can-r2" -Cloud $lab.region2_cloud -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
