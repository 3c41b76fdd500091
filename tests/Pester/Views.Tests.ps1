# How objects look: the views of Heat.*.format.ps1xml and the members of Heat.types.ps1xml, against the built module.
# They need no cloud.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    # The models' types, for this script's [Heat.Client.Models...] literals (a user has them once a cmdlet ran).
    $null = [System.Reflection.Assembly]::LoadFrom((Join-Path $modulePath 'Heat.Client.dll'))
    $script:t0 = [datetime]::new(2026, 11, 25, 10, 0, 0, [DateTimeKind]::Utc)

    # Where nested events and resources live: web-prod > workers (a group) > member 1 > server.
    $script:member = 'web-prod-workers-4kq2xw5nbd7e-1-uq3ifh2kdy7c'
    $script:longReason = 'ValueError: resources.server: Test Resource failed server because the volume it needed was not attached in time (end)'
}

Describe 'Objects and formatting' {
    BeforeAll {
        $stack = [Heat.Client.Models.HeatStack]@{
            Id = '8f3c1a52-0b1e-4a55-9f0e-4f4c2b1f6a10'; StackName = 'web-prod'; StackStatus = 'CREATE_COMPLETE'; CreationTime = $t0
        }
    }

    It 'shows a stack as a table with its name, status, time and id' {
        $text = $stack | Out-String -Width 120
        $text | Should -Match 'StackName\s+StackStatus\s+CreationTime\s+Id'
        $text | Should -Match 'web-prod\s+CREATE_COMPLETE\s+2026-11-25 10:00:00Z\s+8f3c1a52'
    }

    It 'fits the longest statuses, and tells nested stacks apart by the end of their names' {
        $nested = 'web-prod-workers-4kq2xw5nbd7e-0-tz5fhe3kq4ab', $member | ForEach-Object {
            [Heat.Client.Models.HeatStack]@{ StackName = $_; StackStatus = 'ROLLBACK_IN_PROGRESS'; Id = 'i' }
        }
        $text = $nested | Out-String -Width 120
        $text | Should -Match 'ROLLBACK_IN_PROGRESS'
        $text | Should -Match '0-tz5fhe3kq4ab\s'
        $text | Should -Match '1-uq3ifh2kdy7c\s'
    }

    It 'colours statuses only where ANSI is wanted' {
        # The views colour whenever $PSStyle exists (pwsh 7.2+); PowerShell itself strips the colour where
        # OutputRendering is PlainText (or Host and the output is not the console). Windows PowerShell has no $PSStyle.
        $failed = [Heat.Client.Models.HeatStack]@{ StackName = 'web'; StackStatus = 'CREATE_FAILED'; Id = 'i' }
        $done = [Heat.Client.Models.HeatResource]@{ ResourceName = 'r'; ResourceStatus = 'CREATE_COMPLETE' }
        $before = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = 'PlainText'
            $plain = ($failed | Out-String -Width 120) + ($done | Format-List | Out-String -Width 120)
            $PSStyle.OutputRendering = 'Ansi'
            $ansi = ($failed | Out-String -Width 120) + ($done | Format-List | Out-String -Width 120)
        } finally {
            $PSStyle.OutputRendering = $before
        }
        $plain | Should -Not -Match ([regex]::Escape([string][char]27))
        $plain | Should -Match 'web\s+CREATE_FAILED'
        $ansi | Should -Match ([regex]::Escape($PSStyle.Foreground.Red + 'CREATE_FAILED' + $PSStyle.Reset))
        $ansi | Should -Match ([regex]::Escape($PSStyle.Foreground.Green + 'CREATE_COMPLETE' + $PSStyle.Reset))
    }

    It 'shows a stack as a list with its reason, times in UTC, tags and outputs' {
        $s = [Heat.Client.Models.HeatStack]@{
            StackName = 'web'; StackStatus = 'UPDATE_COMPLETE'; StackStatusReason = 'Stack UPDATE completed successfully'; Id = 'i'
            CreationTime = $t0; Tags = [string[]]('ci', 'web')
        }
        $text = $s | Format-List | Out-String -Width 120
        $text | Should -Match 'StackStatusReason\s+: Stack UPDATE completed successfully'
        $text | Should -Match 'CreationTime\s+: 2026-11-25 10:00:00Z'
        $text | Should -Match 'Tags\s+: ci, web'
    }

    It 'gives the short names a user reaches for' {
        $stack.Name | Should -Be 'web-prod'
        $stack.Status | Should -Be 'CREATE_COMPLETE'
        $stack.StackId | Should -Be $stack.Id
        $stack.Action | Should -Be 'CREATE'
        $stack.State | Should -Be 'COMPLETE'
        ($stack | Select-Object Name, Status).Status | Should -Be 'CREATE_COMPLETE'
        @($stack | Where-Object Status -eq 'CREATE_COMPLETE').Count | Should -Be 1
    }

    It 'shows events and resources as tables' {
        $event = [Heat.Client.Models.HeatEvent]@{ ResourceName = 'rand'; ResourceStatus = 'CREATE_FAILED'; ResourceStatusReason = 'boom'; StackName = 'web' }
        ($event | Out-String -Width 120) | Should -Match 'web\.rand\s+CREATE_FAILED boom'
        $event.Status | Should -Be 'CREATE_FAILED'
        $event.Reason | Should -Be 'boom'
        $resource = [Heat.Client.Models.HeatResource]@{ ResourceName = 'rand'; ResourceType = 'OS::Heat::RandomString'; ResourceStatus = 'CREATE_COMPLETE'; StackName = 'web' }
        ($resource | Out-String -Width 120) | Should -Match 'web\.rand\s+OS::Heat::RandomString\s+CREATE_COMPLETE'
        $resource.Type | Should -Be 'OS::Heat::RandomString'
    }

    It 'shows a failure as a list: where it is, as people name it, and why' {
        $failure = [Heat.Client.Models.HeatStackFailure]@{
            Path = 'app', 'app-workers-x', 'app-workers-x-0-y'; ResourcePath = 'app.workers.0.migrate'; StackName = 'app-workers-x-0-y'
            ResourceName = 'migrate'; ResourceType = 'OS::Heat::TestResource'
            ResourceStatus = 'CREATE_FAILED'; ResourceStatusReason = 'ValueError: resources.migrate: Test Resource failed migrate'
        }
        $text = $failure | Out-String -Width 160
        $text | Should -Match 'ResourcePath\s+: app\.workers\.0\.migrate'
        $text | Should -Match 'StackName\s+: app-workers-x-0-y'
        $text | Should -Match 'ResourceStatusReason\s+: ValueError: resources.migrate: Test Resource failed migrate'
        $text | Should -Not -Match 'Deploy'
    }

    It 'shows a deployment''s exit code and the last ten lines of its output' {
        $failure = [Heat.Client.Models.HeatStackFailure]@{
            Path = , 'app'; ResourceName = 'configure'; IsDeployment = $true; DeployStatusCode = 2
            DeployStderr = (1..15 | ForEach-Object { "err $_" }) -join "`n"; DeployStdout = "installing`n"
        }
        $text = $failure | Out-String -Width 160
        $text | Should -Match 'DeployStatusCode\s+: 2'
        $text | Should -Match 'err 15'
        $text | Should -Match 'err 6\b'
        $text | Should -Not -Match 'err 5\b'
        $text | Should -Match 'the whole text is in DeployStderr'
        $text | Should -Match 'DeployStdout\s+: installing'
    }

    It 'shows a resource type''s properties as a table: default, how an update treats it, constraints in HOT''s words' {
        $length = [Heat.Client.Models.HeatPropertySchema]@{ Name = 'length'; Type = 'integer'; Default = 32; Constraints = @(@{ range = @{ min = 1 } }) }
        $salt = [Heat.Client.Models.HeatPropertySchema]@{ Name = 'salt'; Type = 'string'; UpdateAllowed = $true; Required = $true }
        $text = $length, $salt | Out-String -Width 160
        $text | Should -Match 'length\s+integer\s+False\s+32\s+replace\s+range \{"min":1\}'
        $text | Should -Match 'salt\s+string\s+True\s+in place'
        $schema = [Heat.Client.Models.HeatResourceTypeSchema]@{ ResourceType = 'OS::Heat::RandomString'; SupportStatus = 'SUPPORTED'; SupportVersion = '2014.1'; Properties = $length, $salt }
        $text = $schema | Out-String -Width 160
        $text | Should -Match 'SupportStatus\s+: SUPPORTED since 2014.1'
        $text | Should -Match 'Properties\s+: length \(integer\), salt\* \(string\)'
    }

    It 'hides a NoEcho default in the parameter table' {
        $p = [Heat.Client.Models.HeatTemplateParameter]@{ Name = 'db_password'; Type = 'String'; Default = 'hunter2'; NoEcho = $true }
        ($p | Out-String) | Should -Not -Match 'hunter2'
        ($p | Out-String) | Should -Match '\*\*\*\*'
    }

    It 'never has a token property on a session' {
        [Heat.Client.HeatSession].GetProperties().Name | Should -Not -Contain 'Token'
    }
}

Describe 'Reading what happened (issue 23)' {
    BeforeAll {
        function New-Event($stack, $resource, $status, $reason) {
            [Heat.Client.Models.HeatEvent]@{ EventTime = $t0; StackName = $stack; RootStackName = 'web-prod'; ResourceName = $resource; ResourceStatus = $status; ResourceStatusReason = $reason; Id = 'e' }
        }
        $script:nestedEvent = New-Event $member 'server' 'CREATE_FAILED' $longReason
        $script:nestedResource = [Heat.Client.Models.HeatResource]@{
            StackName = $member; RootStackName = 'web-prod'; ResourceName = 'server'; ResourceType = 'OS::Heat::TestResource'
            ResourceStatus = 'CREATE_FAILED'; ResourceStatusReason = $longReason
        }
    }

    It 'names a nested event''s and resource''s place as web-prod.workers.1.server, not by a cut physical name' {
        $nestedEvent.ResourcePath | Should -Be 'web-prod.workers.1.server'
        $nestedResource.ResourcePath | Should -Be 'web-prod.workers.1.server'
        ($nestedEvent | Out-String -Width 120) | Should -Match 'web-prod\.workers\.1\.server\s+CREATE_FAILED'
        ($nestedResource | Out-String -Width 120) | Should -Match 'web-prod\.workers\.1\.server\s+OS::Heat::TestResource\s+CREATE_FAILED'
        # A nested stack's own event names the stack; an event of the top stack, the stack and the resource.
        (New-Event 'web-prod-workers-4kq2xw5nbd7e' 'web-prod-workers-4kq2xw5nbd7e' 'CREATE_COMPLETE' 'done').ResourcePath | Should -Be 'web-prod.workers'
        (New-Event 'web-prod' 'workers' 'CREATE_COMPLETE' 'done').ResourcePath | Should -Be 'web-prod.workers'
    }

    It 'shows the whole reason, last and wrapped, at <width> columns' -ForEach @(@{ width = 80 }, @{ width = 120 }) {
        foreach ($object in $nestedEvent, $nestedResource) {
            $lines = ($object | Out-String -Width $width) -split '\r?\n' | Where-Object { $_.Trim() }
            $reasonColumn = $lines[0].IndexOf('Status and reason')
            $reasonColumn | Should -BeGreaterThan 0
            # Read the last column back, line after line: the status and the reason, nothing cut.
            $shown = -join ($lines | Select-Object -Skip 2 | ForEach-Object { if ($_.Length -gt $reasonColumn) { $_.Substring($reasonColumn) } })
            ($shown -replace '\s') | Should -Be ("CREATE_FAILED $longReason" -replace '\s')
            # The columns before it take at most 50: the reason has 30 at 80 columns, 70 at 120.
            $reasonColumn | Should -BeLessOrEqual 50
        }
    }

    It 'shows every time in one form, in UTC and marked so' {
        $local = $t0.ToLocalTime()
        # Each object, and whether its default view (a table, else a list) shows a time as well as its list does.
        $objects = @(
            @{ Object = [Heat.Client.Models.HeatStack]@{ StackName = 's'; CreationTime = $t0; UpdatedTime = $local }; Table = $true }
            @{ Object = [Heat.Client.Models.HeatEvent]@{ StackName = 's'; ResourceName = 'r'; EventTime = $t0 }; Table = $true }
            @{ Object = [Heat.Client.Models.HeatResource]@{ StackName = 's'; ResourceName = 'r'; CreationTime = $t0; UpdatedTime = $t0 }; Table = $false }
            @{ Object = [Heat.Client.Models.HeatStackSnapshot]@{ Name = 'n'; CreationTime = $t0 }; Table = $true }
            @{ Object = [Heat.Client.Models.HeatStackHook]@{ StackName = 's'; Since = $t0 }; Table = $true }
            @{ Object = [Heat.Client.Models.HeatServiceInfo]@{ Binary = 'heat-engine'; UpdatedAt = $t0 }; Table = $true }
            @{ Object = [Heat.Client.Models.HeatSoftwareConfig]@{ Name = 'c'; CreationTime = $t0 }; Table = $true }
            @{ Object = [Heat.Client.Models.HeatStackFailure]@{ ResourcePath = 's.r'; FirstFailureEvent = [Heat.Client.Models.HeatEvent]@{ EventTime = $t0 } }; Table = $true }
        )
        foreach ($case in $objects) {
            $object = $case.Object
            $shown = @($object | Format-List | Out-String -Width 200)
            if ($case.Table) { $shown += $object | Out-String -Width 200 }
            foreach ($text in $shown) {
                $text | Should -Match '2026-11-25 10:00:00Z' -Because "$($object.GetType().Name) shows its time"
                $text | Should -Not -Match '\d+/\d+/\d{4}|\d{1,2}:\d\d:\d\d(?!Z)\s+[AP]M' -Because "$($object.GetType().Name) shows no other form"
            }
        }
    }

    It 'exports events to CSV without repeated columns or type names' {
        $event = [Heat.Client.Models.HeatEvent]@{ Id = 'e1'; EventTime = $t0; StackName = $member; RootStackName = 'web-prod'; ResourceName = 'server'; ResourceStatus = 'CREATE_FAILED'; ResourceStatusReason = 'boom' }
        $event.Links = [Heat.Client.Models.HeatList[Heat.Client.Models.HeatLink]]::new([Heat.Client.Models.HeatLink[]]@([Heat.Client.Models.HeatLink]@{ Rel = 'self'; Href = 'http://heat/e1' }))
        $csv = $event | ConvertTo-Csv
        $header = $csv[0] -split '","' -replace '"'
        $header | Should -Not -Contain 'Status'
        $header | Should -Not -Contain 'Reason'
        ($header | Group-Object | Where-Object Count -gt 1) | Should -BeNullOrEmpty
        $row = $csv | ConvertFrom-Csv
        $row.ResourcePath | Should -Be 'web-prod.workers.1.server'
        $row.Links | Should -Be 'self: http://heat/e1'
        $row.PSObject.Properties.Value | Where-Object { $_ -match '^(System|Heat)\.' } | Should -BeNullOrEmpty
        $resource = [Heat.Client.Models.HeatResource]@{ ResourceName = 'r'; ResourceStatus = 'CREATE_COMPLETE'; ResourceType = 't' }
        ($resource | ConvertTo-Csv)[0] | Should -Not -Match '"(Status|Type)"'
    }
}

Describe 'What the views show of text from outside (issue 18)' {
    BeforeAll {
        $e = [char]27
        # ESC sequences (title, clear, OSC 8 link, hidden text), BEL, RLO, RLM, ALM, ZWSP, a C1 CSI, NEL, CR LF, a tab, a
        # tag character; it ends like a failed status so that views colour it.
        $script:hostile = "x$e]0;pwned$([char]7)$e[2J$e]8;;http://evil.test/$e\link$e]8;;$e\$e[8mhidden$e[0m$([char]0x202E)desrever" +
            "$([char]0x200F)$([char]0x061C)$([char]0x200B)$([char]0x9B)31m$([char]0x85)`r`nnext`tline$([char]::ConvertFromUtf32(0xE0041)) CREATE_FAILED"
        # What a terminal may be sent: text, line breaks, and the colours of the views and of PowerShell's own formatting.
        $script:allowed = @($PSStyle.Foreground.Red, $PSStyle.Foreground.Yellow, $PSStyle.Foreground.Green, $PSStyle.Reset) +
            @($PSStyle.Formatting.PSObject.Properties.Value | Where-Object { $_ -is [string] }) | Where-Object { $_ } | Sort-Object Length -Descending -Unique
        $script:forbidden = '[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cf}\u2028\u2029]|\uDB40[\uDC00-\uDC7F]'

        # An object of the view's type with a hostile value in every string property (and in every string of every
        # list and nested object), as PowerShell's formatting sees it; object-typed values as text, or as a map.
        function New-Hostile([type] $type, [string] $typeName, [int] $depth, [bool] $asMap) {
            $o = [ordered]@{}
            foreach ($p in $type.GetProperties()) {
                $t = if ([Nullable]::GetUnderlyingType($p.PropertyType)) { [Nullable]::GetUnderlyingType($p.PropertyType) } else { $p.PropertyType }
                $o[$p.Name] = if ($t -eq [string]) { $hostile }
                elseif ($t -eq [object]) { if ($asMap) { @{ $hostile = $hostile } } else { $hostile } }
                elseif ($t -eq [datetime]) { $t0 }
                elseif ($t -eq [bool]) { $true }
                elseif ($t.IsPrimitive) { 3 }
                elseif ([System.Collections.IDictionary].IsAssignableFrom($t)) { @{ $hostile = $hostile; description = $hostile } }
                elseif ($t -ne [string] -and [System.Collections.IEnumerable].IsAssignableFrom($t)) {
                    $item = if ($t.IsArray) { $t.GetElementType() } elseif ($t.IsGenericType) { $t.GetGenericArguments()[0] } else { [string] }
                    if ($item -eq [string] -or $item -eq [object]) { , @($hostile, $hostile) }
                    elseif ([System.Collections.IDictionary].IsAssignableFrom($item)) { , @(@{ $hostile = $hostile }) }
                    elseif ($depth -lt 2) { , @(New-Hostile $item $item.FullName ($depth + 1) $asMap) }
                }
                elseif ($t.IsClass -and $depth -lt 2) { New-Hostile $t $t.FullName ($depth + 1) $asMap }
            }
            $object = [pscustomobject]$o
            $object.PSObject.TypeNames.Insert(0, $typeName)
            $object
        }

        function Get-Rendered($object, [string] $view, [string] $control, [int] $width) {
            $before = $PSStyle.OutputRendering
            try {
                $PSStyle.OutputRendering = 'Ansi'
                if ($control -eq 'TableControl') { $object | Format-Table -View $view | Out-String -Width $width }
                else { $object | Format-List -View $view | Out-String -Width $width }
            } finally {
                $PSStyle.OutputRendering = $before
            }
        }

        $script:views = foreach ($definition in Get-FormatData -TypeName 'Heat.*' -PowerShellVersion $PSVersionTable.PSVersion) {
            foreach ($view in $definition.FormatViewDefinition) {
                @{ Type = $definition.TypeNames[0]; View = $view.Name; Control = $view.Control.GetType().Name }
            }
        }
    }

    It 'has views to check' {
        @($views).Count | Should -BeGreaterThan 30
    }

    It 'shows nothing a terminal would obey, in every string column of every view' {
        $failures = foreach ($v in $views) {
            # A fleet view (<Type>#Fleet) shows its type and the cloud it came from: both hostile here.
            $type = [Heat.Client.HeatSession].Assembly.GetType(($v.Type -split '#')[0])
            foreach ($asMap in $false, $true) {
                foreach ($width in 80, 200) {
                    $object = New-Hostile $type $v.Type 0 $asMap
                    if ($v.Type -like '*#Fleet') { $object | Add-Member Cloud $hostile; $object | Add-Member Region $hostile }
                    $text = Get-Rendered $object $v.View $v.Control $width
                    foreach ($colour in $allowed) { $text = $text.Replace($colour, '') }
                    if ($text -match $forbidden) { "$($v.View) at $width columns: U+{0:X4} in {1}" -f [int][char]$Matches[0][0], ($text -replace '\s+', ' ').Trim() }
                    elseif ($text -notmatch [char]0x241B) { "$($v.View) at $width columns shows none of the hostile text: $text" }
                }
            }
        }
        $failures | Select-Object -First 5 | Should -BeNullOrEmpty
    }

    It 'keeps Heat''s data as it came in the objects' {
        $event = [Heat.Client.Models.HeatEvent]@{ StackName = 'web'; ResourceName = 'r'; ResourceStatusReason = $hostile }
        $event.ResourceStatusReason | Should -BeExactly $hostile
        ($event | Out-String -Width 200) | Should -Match ([regex]::Escape("x$([char]0x241B)]0;pwned$([char]0x2407)"))
    }
}
