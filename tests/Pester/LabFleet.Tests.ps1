# Reads over several clouds (issue 22) against the real Keystone and Heat: the lab's clouds.yaml has heat-lab (project
# demo), heat-lab-demo2 (project demo2) and heat-lab-r2 (project demo, region RegionTwo, the same Heat). Tagged Lab;
# build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:run = 'fl{0:x4}' -f (Get-Random -Maximum 65535)
    # The lab's clouds and one that answers nothing, as a clouds.yaml of this run's own.
    $script:folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "$run-clouds")
    $script:cloudsFile = Join-Path $folder 'clouds.yaml'
    (Get-Content $lab.clouds_yaml -Raw) + "  down:`n    auth:`n      auth_url: http://127.0.0.1:9/v3`n      username: demo`n      password: x`n      project_name: demo`n" |
        Set-Content $cloudsFile
    $script:savedConfig = $env:OS_CLIENT_CONFIG_FILE
    $env:OS_CLIENT_CONFIG_FILE = $cloudsFile
    $script:one = $lab.cloud
    $script:two = $lab.project2_cloud
    $script:region2 = $lab.region2_cloud
    $template = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::None}`noutputs:`n  where: {value: {get_param: 'OS::project_id'}}"
    $null = New-HeatStack "$run-a" -Template $template -Cloud $one -Wait
    $null = New-HeatStack "$run-b" -Template $template -Cloud $two -Wait
}

AfterAll {
    foreach ($cloud in $one, $two) {
        Get-HeatStack "$run-*" -Cloud $cloud -ErrorAction SilentlyContinue | Remove-HeatStack -Cloud $cloud -Force -Wait -ErrorAction SilentlyContinue
    }
    $env:OS_CLIENT_CONFIG_FILE = $savedConfig
    Get-HeatSession -ErrorAction SilentlyContinue | Disconnect-HeatService
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Several clouds at once' -Tag Lab {
    It 'connects three clouds, one session each, and lists them' {
        $sessions = @(Connect-HeatService -Cloud $one, $two, $region2 -PassThru)

        $sessions | ForEach-Object { "$($_.CloudName) $($_.ProjectName) $($_.Region)" } |
            Should -Be @("$one demo RegionOne", "$two demo2 RegionOne", "$region2 demo RegionTwo")
        (Get-HeatSession).CloudName | Should -Be @($one, $two, $region2 | Sort-Object)
        (Get-HeatSession -Default).CloudName | Should -Be $one
    }

    It 'lists the stacks of both projects, each with its cloud, in the view too' {
        $stacks = @(Get-HeatStack "$run-*" -Cloud $one, $two)

        ($stacks | ForEach-Object { "$($_.Cloud) $($_.StackName)" } | Sort-Object) | Should -Be @("$one $run-a", "$two $run-b")
        ($stacks | Format-Table | Out-String -Width 200) | Should -Match '(?m)^Cloud\s+StackName'
        (Get-HeatStack "$run-*" -Cloud $one | Format-Table | Out-String -Width 200) | Should -Not -Match 'Cloud'
    }

    It 'reads below a stack in every cloud: the same project through two regions' {
        $resources = @(Get-HeatResource "$run-a" -Cloud $one, $region2)
        $outputs = @(Get-HeatStackOutput "$run-a" -Cloud $one, $region2)

        ($resources | ForEach-Object { "$($_.Cloud) $($_.Region) $($_.ResourceName)" } | Sort-Object) |
            Should -Be @("$one RegionOne r", "$region2 RegionTwo r")
        $outputs.Count | Should -Be 2
        ($outputs.Cloud | Sort-Object) | Should -Be @($one, $region2)
    }

    It 'names a cloud that is down in one error, and the others still answer' {
        $stacks = @(Get-HeatStack "$run-*" -Cloud $one, down -ErrorVariable failed -ErrorAction SilentlyContinue)

        $stacks.StackName | Should -Be @("$run-a")
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 'down'
    }

    It 'sends a change to one cloud only' {
        { Remove-HeatStack "$run-a" -Cloud $one, $two -Force -ErrorAction Stop } | Should -Throw -ErrorId 'HeatOneCloudOnly*'
        Get-HeatStack "$run-a" -Cloud $one | Should -Not -BeNullOrEmpty
    }
}
