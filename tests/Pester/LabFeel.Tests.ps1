# What a new user sees, where only a real Heat can show it (issue 12): Heat's own answers for constraints, for the
# stack's own event asked for by id, and for a deleted stack; tab completion against Heat's lists. Tagged Lab.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:run = 'fe{0:x4}' -f (Get-Random -Maximum 65535)
    Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name
    $script:template = @'
heat_template_version: 2018-08-31
parameters:
  count: {type: number, default: 2, constraints: [{range: {min: 1, max: 5}, description: one to five}]}
  name: {type: string, default: abc, constraints: [{length: {min: 2, max: 8}}, {allowed_pattern: '[a-z]+'}]}
resources:
  rand: {type: OS::Heat::RandomString, properties: {length: 4}}
outputs:
  secret: {value: {get_attr: [rand, value]}, description: The random string}
'@
    $script:stack = New-HeatStack -StackName "$run-app" -Template $template -Tag ci, feel -Wait
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe 'What a new user sees, against the lab' -Tag 'Lab' {
    It 'Test-HeatTemplate keeps the range, length and pattern constraints Heat answers' {
        $v = Test-HeatTemplate -Template $template
        ($v.Parameters | Where-Object Name -eq count).Constraints -join '; ' | Should -Be 'range 1..5 (one to five)'
        ($v.Parameters | Where-Object Name -eq name).Constraints -join '; ' | Should -Be 'length 2..8; allowed_pattern [a-z]+'
    }

    It 'Get-HeatEvent -Id gives the type of the stack''s own event and of a resource''s' {
        $events = Get-HeatEvent "$run-app"
        $own = $events | Where-Object ResourceName -eq "$run-app" | Select-Object -Last 1
        $rand = $events | Where-Object ResourceName -eq rand | Select-Object -First 1
        (Get-HeatEvent "$run-app" -Id $own.Id).ResourceType | Should -Be 'OS::Heat::Stack'
        (Get-HeatEvent "$run-app" -Id $rand.Id).ResourceType | Should -Be 'OS::Heat::RandomString'
    }

    It 'completes resource names and output keys of the stack on the line' {
        $line = "Get-HeatResource -StackName $run-app -ResourceName "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'rand'
        $line = "Get-HeatStackOutput $run-app "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'secret'
        $line = "Remove-HeatStack $run-a"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be "$run-app"
    }

    It 'exports tags and outputs as their content' {
        $row = Get-HeatStack "$run-app" | ConvertTo-Csv | ConvertFrom-Csv
        $row.Tags | Should -Be 'ci,feel'
        $row.OutputDetails | Should -Match '^secret=\S{4}$'
    }

    It 'Remove-HeatStack -Wait -PassThru gives DELETE_COMPLETE with the reason that goes with it' {
        $null = New-HeatStack -StackName "$run-gone" -Template $template -Wait
        $gone = Remove-HeatStack "$run-gone" -Force -Wait -PassThru
        $gone.StackStatus | Should -Be 'DELETE_COMPLETE'
        $gone.StackStatusReason | Should -Match 'DELETE|no longer'
        $gone.StackStatusReason | Should -Not -Match 'CREATE'
    }
}
