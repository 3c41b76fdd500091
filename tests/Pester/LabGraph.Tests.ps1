# Get-HeatStackGraph against the real Heat (issue 10): the deployed graph's edges against the reference client's
# (`openstack stack resource list -n 2 -f dot`) and against the template's own graph, a failed resource, an SVG drawn
# by dot, and the example script. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    $script:modulePath = $modulePath
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'gr{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:fixtures = Join-Path $PSScriptRoot '../Heat.Client.Tests/Fixtures/graphs'
    $script:out = Join-Path ([IO.Path]::GetTempPath()) "heat-labgraph-$run"
    $null = New-Item -ItemType Directory -Path $out -Force

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    # heatclient's dot names each resource by a hash of its URL and writes each nested stack as a flat cluster joined
    # to its resource by an edge with lhead; this turns it back into "path -> path" edges, paths as ours (a/0/b).
    function script:ConvertFrom-HeatclientDot([string[]] $Lines) {
        $text = $Lines -join "`n"
        $names = @{}; $clusterOf = @{}; $cluster = $null
        foreach ($line in $text -split "`n") {
            if ($line -match '^\s*subgraph cluster_(\S+) \{') { $cluster = $Matches[1] }
            elseif ($line -match '^\s*\}\s*$') { $cluster = $null }
            elseif ($line -match '^\s*(r_[0-9a-f]+) \[label="(.*)$') { $names[$Matches[1]] = $Matches[2]; if ($cluster) { $clusterOf[$Matches[1]] = $cluster } }
        }
        $owners = @{}
        foreach ($m in [regex]::Matches($text, '(r_[0-9a-f]+) -> (r_[0-9a-f]+) \[\s*color=dimgray lhead=cluster_(\S+)')) { $owners[$m.Groups[3].Value] = $m.Groups[1].Value }
        $pathOf = {
            param($id)
            $parts = @($names[$id])
            for ($at = $id; $clusterOf.ContainsKey($at); ) { $at = $owners[$clusterOf[$at]]; $parts = @($names[$at]) + $parts }
            $parts -join '/'
        }
        foreach ($m in [regex]::Matches($text, '(?m)^\s*(r_[0-9a-f]+) -> (r_[0-9a-f]+);$')) { '{0} -> {1}' -f (& $pathOf $m.Groups[1].Value), (& $pathOf $m.Groups[2].Value) }
    }

    # resource-group.yaml: a ResourceGroup of random strings (after heat-templates' example) and one of a child template.
    $script:group = "$run-rg"
    $script:groupStack = New-HeatStack -Name $group -TemplatePath (Join-Path $fixtures 'resource-group.yaml') -Wait
    $script:failed = "$run-failed"
    $failing = "heat_template_version: 2018-08-31`nresources:`n  base: {type: OS::Heat::RandomString}`n  doomed:`n    type: OS::Heat::TestResource`n    properties: {value: {get_attr: [base, value]}, fail: true}`n"
    $null = New-HeatStack -Name $failed -Template $failing -Wait -ErrorAction SilentlyContinue
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Remove-Item $out -Recurse -Force -ErrorAction SilentlyContinue
    Disconnect-HeatService
}

Describe 'Get-HeatStackGraph on a deployed stack' -Tag Lab {
    It 'has the edges that openstack stack resource list -n 2 -f dot draws from required_by' {
        $groupStack.StackStatus | Should -Be 'CREATE_COMPLETE'
        $reference = ConvertFrom-HeatclientDot (Invoke-OpenStack stack resource list -n 2 -f dot $group) | Sort-Object
        $graph = Get-HeatStackGraph $group -NestedDepth 2

        $ours = $graph.Edges | ForEach-Object { "$($_.From) -> $($_.To)" } | Sort-Object
        $reference | Should -Not -BeNullOrEmpty
        $ours | Should -Be $reference
    }

    It 'has the edges the template''s graph predicted, each group member in place of %index%' {
        $template = Get-HeatStackGraph -TemplatePath (Join-Path $fixtures 'resource-group.yaml')
        $expected = $template.Edges | ForEach-Object {
            $edge = "$($_.From) -> $($_.To)"
            if ($edge -match '%index%') { 0, 1 | ForEach-Object { $edge -replace '%index%', $_ } } else { $edge }
        } | Sort-Object

        $deployed = (Get-HeatStackGraph $group -NestedDepth 2).Edges | ForEach-Object { "$($_.From) -> $($_.To)" } | Sort-Object

        $deployed | Should -Be $expected
    }

    It 'shows nested stacks as clusters and each resource''s type and status' {
        $graph = Get-HeatStackGraph $group -NestedDepth 2

        $graph.Clusters.Id | Sort-Object | Should -Be @('member_group', 'member_group/0', 'member_group/1', 'random_group')
        ($graph.Clusters | Where-Object Id -eq 'random_group').StackName | Should -Match "^$group-random_group-"
        $graph.Node('random_group/1').ResourceType | Should -Be 'OS::Heat::RandomString'
        $graph.Node('member_group/0/label').ResourceStatus | Should -Be 'CREATE_COMPLETE'
        $graph.Node('member_group/0').ResourceType | Should -Match 'member\.yaml$'
        (Get-HeatStackGraph $group).Clusters | Should -BeNullOrEmpty
    }

    It 'marks a failed resource: in the object, red in Mermaid and Dot' {
        $graph = Get-HeatStackGraph $failed
        $graph.FailedNodes.Id | Should -Be 'doomed'
        $graph.Edges | ForEach-Object { "$($_.From) -> $($_.To)" } | Should -Be 'base -> doomed'

        $mermaid = Get-HeatStackGraph $failed -Format Mermaid
        $dot = Get-HeatStackGraph $failed -Format Dot

        $mermaid | Should -Match 'n\d\["doomed<br>OS::Heat::TestResource<br>CREATE_FAILED"\]'
        $mermaid | Should -Match '(?m)^  class n\d failed$'
        $dot | Should -Match 'doomed<BR/>.*CREATE_FAILED</FONT>> style="rounded,filled" fillcolor="#f8d0d0" color="#c00000"'
    }

    It 'draws an SVG with dot: a box per resource, a box per nested stack' {
        $svg = Join-Path $out 'group.svg'
        $file = Get-HeatStackGraph $group -NestedDepth 2 -OutFile $svg

        $file.FullName | Should -Be $svg
        [xml] $drawing = Get-Content $svg -Raw
        $groups = $drawing.SelectNodes('//*[local-name()="g"]')
        @($groups | Where-Object { $_.class -eq 'node' }).Count | Should -Be (Get-HeatStackGraph $group -NestedDepth 2).Nodes.Count
        @($groups | Where-Object { $_.class -eq 'cluster' }).Count | Should -Be 4
    }
}

Describe 'The graph example' -Tag Lab {
    It 'creates the app tier, draws the template and the stack to SVG and Mermaid, and removes the stack' {
        $examples = Join-Path $PSScriptRoot '../../examples'
        $folder = Join-Path $out 'example'
        $saved = @{}
        $vars = @{
            OS_AUTH_URL = $lab.auth_url; OS_USERNAME = $lab.username; OS_PASSWORD = $lab.password; OS_PROJECT_NAME = $lab.project_name
            OS_USER_DOMAIN_NAME = $lab.user_domain_name; OS_PROJECT_DOMAIN_NAME = $lab.project_domain_name; OS_REGION_NAME = $lab.region
        }
        foreach ($name in $vars.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $vars[$name]) }
        try {
            $files = & (Join-Path $examples 'Export-HeatStackGraph.ps1') -ModulePath $modulePath -OutputFolder $folder 6>$null
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            # The example disconnects the default session; the rest of this file passes none, so reconnect for AfterAll.
            $null = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name
        }

        $files.Name | Should -Contain 'app-tier-template.svg'
        $stackSvg = $files | Where-Object Name -like 'graph-*.svg'
        $stackSvg | Should -HaveCount 1
        (Get-Content $stackSvg.FullName -Raw) | Should -Match '<svg'
        (Get-Content $stackSvg.FullName -Raw) | Should -Match 'workers'
        (Get-Content (Join-Path $folder "$($stackSvg.BaseName).md") -Raw) | Should -Match '(?m)^  n\d+ --> n\d+$'
        Get-HeatStack $stackSvg.BaseName -ErrorAction SilentlyContinue | Where-Object StackStatus -ne 'DELETE_COMPLETE' | Should -BeNullOrEmpty
    }
}
