# What a session remembers of stack names, against the real Heat (issue 13): a repeated read by name is one
# request, and a stack deleted and re-created under the same name (by this module or by someone else) is found by
# its new id. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'nc{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:template = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::RandomString, properties: {length: 4}}"
    $script:templateFile = Join-Path ([IO.Path]::GetTempPath()) "$run.yaml"
    Set-Content -Path $templateFile -Value $template

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    # `openstack stack delete --wait` ends at DELETE_COMPLETE; Heat still finds the name (and shows it DELETE_COMPLETE)
    # until it no longer lists it, a moment later, longer on a busy machine. So this waits on Heat's own list, read
    # through the module's client: Get-HeatStack leaves those DELETE_COMPLETE stacks out.
    function script:Wait-Unlisted([string] $Name) {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        $client = [Heat.Client.HeatClient]::new($session, $null)
        $listed = { @($client.Stacks.List([Heat.Client.Stacks.StackListOptions]::new(), [Threading.CancellationToken]::None) | Where-Object StackName -eq $Name).Count }
        while ((& $listed) -gt 0 -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 250
        }
    }

    # The stack read by name, and the requests it took (the client writes one verbose line per request sent).
    function script:Read-ByName([string] $Name) {
        $out = Get-HeatStack $Name -Verbose 4>&1
        [pscustomobject]@{
            Stack    = $out | Where-Object { $_ -is [Heat.Client.Models.HeatStack] }
            Requests = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET ' } | ForEach-Object { ($_.Message -split ' -> ')[0] })
        }
    }
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
    Remove-Item $templateFile -ErrorAction SilentlyContinue
}

Describe 'Reading a stack by name' -Tag Lab {
    It 'asks Heat for the name once, then goes to the id; a stack re-created by this module is found by its new id' {
        $name = "$run-own"
        $first = New-HeatStack -StackName $name -Template $template -Wait

        $read1 = Read-ByName $name
        $read2 = Read-ByName $name

        $read1.Stack.Id | Should -Be $first.Id
        $read2.Stack.Id | Should -Be $first.Id
        $read2.Requests | Should -HaveCount 1
        $read2.Requests[0] | Should -BeLike "*/stacks/$name/$($first.Id)"

        Remove-HeatStack $name -Force -Wait
        $second = New-HeatStack -StackName $name -Template $template -Wait
        $read3 = Read-ByName $name

        $second.Id | Should -Not -Be $first.Id
        $read3.Stack.Id | Should -Be $second.Id
        $read3.Stack.StackStatus | Should -Be 'CREATE_COMPLETE'
        $read3.Requests | Should -HaveCount 1
    }

    It 'finds a stack deleted and re-created by someone else by its new id, not the deleted one' {
        $name = "$run-other"
        $first = New-HeatStack -StackName $name -Template $template -Wait
        (Read-ByName $name).Stack.Id | Should -Be $first.Id

        $null = Invoke-OpenStack stack delete --yes --wait $name
        Wait-Unlisted $name
        $null = Invoke-OpenStack stack create --wait -t $templateFile $name
        $read = Read-ByName $name

        $read.Stack.Id | Should -Not -Be $first.Id
        $read.Stack.StackStatus | Should -Be 'CREATE_COMPLETE'
        # The remembered id first (Heat shows it DELETE_COMPLETE), then the name again: redirect and show.
        $read.Requests | Should -HaveCount 3
        $read.Requests[0] | Should -BeLike "*/stacks/$name/$($first.Id)"

        Invoke-OpenStack stack delete --yes --wait $name | Out-Null
        Wait-Unlisted $name
        { Get-HeatStack $name -ErrorAction Stop } | Should -Throw -ErrorId 'HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStack'
    }
}

Describe 'Reading resources and events by name' -Tag Lab {
    It 'goes to the remembered id while Heat looks the name up, and shows a stack re-created by someone else as it is now' {
        $name = "$run-below"
        $first = New-HeatStack -StackName $name -Template $template -Wait
        $null = Get-HeatResource $name

        $out = Get-HeatResource $name -Verbose 4>&1
        $requests = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET ' } | ForEach-Object { ($_.Message -split ' -> ')[0] })
        ($out | Where-Object { $_ -is [Heat.Client.Models.HeatResource] }).ResourceName | Should -Be 'r'
        $requests | Should -HaveCount 2
        $requests | Should -Contain "GET $($lab.heat_endpoint)/stacks/$name/$($first.Id)/resources"
        $requests | Should -Contain "GET $($lab.heat_endpoint)/stacks/$name"
        (Get-HeatEvent $name | Select-Object -Last 1).StackId | Should -Be $first.Id

        # Someone else deletes it and makes another under the name, with another resource: Heat still answers the old
        # id's resources and events, so only the lookup tells them apart.
        $other = Join-Path ([IO.Path]::GetTempPath()) "$run-other.yaml"
        Set-Content -Path $other -Value "heat_template_version: 2018-08-31`nresources:`n  s: {type: OS::Heat::None}"
        try {
            $null = Invoke-OpenStack stack delete --yes --wait $name
            Wait-Unlisted $name
            $null = Invoke-OpenStack stack create --wait -t $other $name
        }
        finally { Remove-Item $other -ErrorAction SilentlyContinue }

        $resources = @(Get-HeatResource $name)
        $events = @(Get-HeatEvent $name)

        $resources.ResourceName | Should -Be 's'
        $resources[0].StackId | Should -Not -Be $first.Id
        $events.StackId | Select-Object -Unique | Should -Be $resources[0].StackId
        $events.ResourceName | Should -Contain 's'
        $events.ResourceName | Should -Not -Contain 'r'
    }
}

Describe 'Reading several stacks by name in one command' -Tag Lab {
    It 'reads them together and writes them in the order given; a missing one is an error in its place' {
        $names = 'a', 'b', 'c' | ForEach-Object { "$run-many-$_" }
        $created = foreach ($n in $names) { New-HeatStack -StackName $n -Template $template -Wait }

        $out = Get-HeatStack $names[2], "$run-many-gone", $names[0], $names[1] -ErrorVariable missing -ErrorAction SilentlyContinue

        $out.StackName | Should -Be $names[2], $names[0], $names[1]
        $out.Id | Should -Be $created[2].Id, $created[0].Id, $created[1].Id
        $out | ForEach-Object { $_.IsDetailed | Should -BeTrue }
        $missing | Should -HaveCount 1
        $missing[0].TargetObject | Should -Be "$run-many-gone"

        (Get-HeatStack "$run-many-*" -Detailed).StackName | Sort-Object | Should -Be $names
    }
}
