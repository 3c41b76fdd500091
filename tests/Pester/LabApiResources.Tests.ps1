# Resources, resource types and template versions against the real Heat (issue 11): a stack that waits for signals
# and completes once Send-HeatResourceSignal has sent them, the handle's metadata, a resource marked unhealthy and
# healthy again (and replaced by the next update), and the type, schema, generated template, version and function
# lists next to what `openstack` shows on the same cloud. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $script:modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $script:cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    # A run id keeps the stacks of two runs (or of a failed earlier one) apart; AfterAll removes "$run-*".
    $script:run = 'rs{0:x4}' -f (Get-Random -Maximum 65535)
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:templates = Join-Path $PSScriptRoot 'templates/signal'

    . (Join-Path $PSScriptRoot 'tools/LabOpenStack.ps1')   # Invoke-OpenStack

    # JSON with every map's keys sorted: two texts compare by content, whatever order each writer chose.
    function script:ConvertTo-Canonical($Value) {
        if ($Value -is [System.Collections.IDictionary]) {
            $sorted = [ordered]@{}
            foreach ($key in $Value.Keys | Sort-Object) { $sorted[$key] = ConvertTo-Canonical $Value[$key] }
            return $sorted
        }
        if ($Value -is [System.Collections.IList]) { return , @($Value | ForEach-Object { ConvertTo-Canonical $_ }) }
        $Value
    }
    function script:Get-CanonicalJson($Value) { ConvertTo-Json -InputObject (ConvertTo-Canonical $Value) -Depth 50 -Compress }

    # The handle must exist before Heat takes a signal for it (the wait condition keeps the stack IN_PROGRESS).
    function script:Wait-Resource([string] $Stack, [string] $Name, [string] $Status) {
        $deadline = (Get-Date).AddMinutes(2)
        do {
            $resource = Get-HeatResource $Stack $Name -ErrorAction SilentlyContinue
            if ($resource.ResourceStatus -eq $Status) { return $resource }
            Start-Sleep -Milliseconds 500
        } while ((Get-Date) -lt $deadline)
        throw "$Stack/$Name did not reach $Status (last: $($resource.ResourceStatus))"
    }

    $script:waits = "$run-waits"
    $script:fails = "$run-fails"
    $script:health = "$run-health"
    $null = New-HeatStack -Name $waits -TemplatePath (Join-Path $templates 'waits.yaml') -Tag it, $run
    $null = New-HeatStack -Name $fails -TemplatePath (Join-Path $templates 'waits.yaml') -Parameter @{ count = 1 } -Tag it, $run
    $null = New-HeatStack -Name $health -TemplatePath (Join-Path $templates 'health.yaml') -Tag it, $run -Wait
    $null = Wait-Resource $waits handle CREATE_COMPLETE
    $null = Wait-Resource $fails handle CREATE_COMPLETE
}

AfterAll {
    Get-HeatStack "$run-*" -ErrorAction SilentlyContinue | Remove-HeatStack -Force -Wait -ErrorAction SilentlyContinue
    Disconnect-HeatService -ErrorAction SilentlyContinue
}

Describe 'Send-HeatResourceSignal on a wait condition handle' -Tag Lab {
    It 'keeps the stack waiting after one signal of two, and the handle''s metadata holds it by its id' {
        Send-HeatResourceSignal $waits handle -Data @{ status = 'SUCCESS'; reason = 'web1 built'; data = 'ok'; id = 'web1' } | Should -BeNullOrEmpty
        Start-Sleep -Seconds 2
        (Get-HeatStack $waits).StackStatus | Should -Be 'CREATE_IN_PROGRESS'
        (Get-HeatResource $waits waiter).ResourceStatus | Should -Be 'CREATE_IN_PROGRESS'
        $metadata = Get-HeatResource $waits handle -Metadata
        $metadata | Should -BeOfType [hashtable]
        $metadata.Keys | Should -Be @('web1')
        $metadata.web1.status | Should -Be 'SUCCESS'
        $metadata.web1.reason | Should -Be 'web1 built'
        $metadata.web1.data | Should -Be 'ok'
    }

    It 'completes the stack with the second signal, piped from Get-HeatResource, and the wait condition gives each signal''s data' {
        Get-HeatResource $waits handle | Send-HeatResourceSignal -Data @{ data = @{ port = 8080; tls = $true } }
        $done = Wait-HeatStack $waits -Timeout 120
        $done.StackStatus | Should -Be 'CREATE_COMPLETE'
        $data = (Get-HeatStackOutput $waits data).OutputValue | ConvertFrom-Json -AsHashtable
        $data.web1 | Should -Be 'ok'
        # A signal without id gets the next number; numbers and booleans inside arrive as they were sent.
        $data['2'].port | Should -Be 8080
        $data['2'].tls | Should -BeTrue
    }

    It 'reads the same metadata as openstack stack resource metadata' {
        $ours = Get-HeatResource $waits handle -Metadata
        $reference = Invoke-OpenStack stack resource metadata $waits handle -f json | Out-String | ConvertFrom-Json -AsHashtable
        Get-CanonicalJson $ours | Should -Be (Get-CanonicalJson $reference)
        $ours['2'].reason | Should -Be 'Signal 2 received'
        (Get-HeatResource $waits handle).Metadata.Keys | Sort-Object | Should -Be @('2', 'web1')
    }

    It 'fails the stack with a FAILURE signal, whose reason becomes the failure''s' {
        Send-HeatResourceSignal $fails handle -Data @{ status = 'FAILURE'; reason = 'db migration failed' }
        $null = Wait-HeatStack $fails -Timeout 120 -ErrorVariable waitErrors -ErrorAction SilentlyContinue
        $waitErrors[0].FullyQualifiedErrorId | Should -Be 'HeatStackFailed,Heat.PowerShell.Cmdlets.WaitHeatStack'
        (Get-HeatStack $fails).StackStatus | Should -Be 'CREATE_FAILED'
        (Get-HeatResource $fails waiter).ResourceStatusReason | Should -Match 'db migration failed'
    }

    It 'is an error record with Heat''s words for a resource that takes no signals, and a missing one' {
        Send-HeatResourceSignal $waits rand -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -Be 'HeatResourceInvalid,Heat.PowerShell.Cmdlets.SendHeatResourceSignal'
        $refused[0].Exception.Message | Should -Be 'signal is not supported for resource.'
        Send-HeatResourceSignal $waits nope -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -Be 'HeatResourceNotFound,Heat.PowerShell.Cmdlets.SendHeatResourceSignal'
        $missing[0].TargetObject | Should -Be "$waits/nope"
    }
}

Describe 'Set-HeatResource -MarkUnhealthy and -MarkHealthy' -Tag Lab {
    It 'marks the resource CHECK_FAILED with the reason given, as openstack shows it, and leaves the stack''s status' {
        $marked = Set-HeatResource $health rand -MarkUnhealthy -Reason 'disk full' -PassThru
        $marked.ResourceStatus | Should -Be 'CHECK_FAILED'
        $marked.ResourceStatusReason | Should -Be 'disk full'
        $reference = Invoke-OpenStack stack resource show $health rand -f json | Out-String | ConvertFrom-Json
        $reference.resource_status | Should -Be 'CHECK_FAILED'
        $reference.resource_status_reason | Should -Be 'disk full'
        (Get-HeatStack $health).StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'marks it healthy again (CHECK_COMPLETE, in Heat''s words when no reason is given), and a healthy one stays as it is' {
        $healed = Set-HeatResource $health rand -MarkHealthy -PassThru
        $healed.ResourceStatus | Should -Be 'CHECK_COMPLETE'
        $healed.ResourceStatusReason | Should -Be 'state changed by resource_mark_unhealthy api'
        $again = Set-HeatResource $health rand -MarkHealthy -Reason 'not applied' -PassThru
        $again.ResourceStatus | Should -Be 'CHECK_COMPLETE'
        $again.ResourceStatusReason | Should -Be 'state changed by resource_mark_unhealthy api'
    }

    It 'gets the unhealthy resource replaced by the next update, with nothing else changed' {
        $before = Get-HeatResource $health rand
        $valueBefore = (Get-HeatStackOutput $health value).OutputValue
        Get-HeatResource $health rand | Set-HeatResource -MarkUnhealthy
        $null = Update-HeatStack $health -Existing -Wait -Force
        $after = Get-HeatResource $health rand
        $after.ResourceStatus | Should -Be 'CREATE_COMPLETE'
        $after.PhysicalResourceId | Should -Not -Be $before.PhysicalResourceId
        (Get-HeatStackOutput $health value).OutputValue | Should -Not -Be $valueBefore
    }
}

Describe 'Get-HeatResourceType next to openstack orchestration resource type' -Tag Lab {
    BeforeAll {
        $script:referenceLong = Invoke-OpenStack orchestration resource type list --long -f json | Out-String | ConvertFrom-Json
    }

    It 'lists the same types in the same order, with the same descriptions' {
        $ours = Get-HeatResourceType -WithDescription
        $ours.ResourceType | Should -Be $referenceLong.'Resource Type'
        $ours.Description | Should -Be $referenceLong.Description
        (Get-HeatResourceType).ResourceType | Should -Be $referenceLong.'Resource Type'
    }

    It 'filters by wildcard and by Heat version as openstack filters' {
        (Get-HeatResourceType os::heat::*wait*).ResourceType | Should -Be ($referenceLong.'Resource Type' | Where-Object { $_ -like 'OS::Heat::*Wait*' })
        $byVersion = Invoke-OpenStack orchestration resource type list --filter version=5.0.0 -f json | Out-String | ConvertFrom-Json
        $byVersion.Count | Should -BeGreaterThan 0
        (Get-HeatResourceType -Version 5.0.0).ResourceType | Should -Be $byVersion.'Resource Type'
    }

    It 'gives a schema whose properties and attributes are those openstack shows, field by field' {
        $schema = Get-HeatResourceType OS::Heat::RandomString -Schema
        $reference = Invoke-OpenStack orchestration resource type show OS::Heat::RandomString -f json | Out-String | ConvertFrom-Json -AsHashtable
        $schema.ResourceType | Should -Be 'OS::Heat::RandomString'
        $schema.Properties.Name | Sort-Object | Should -Be ($reference.properties.Keys | Sort-Object)
        foreach ($property in $schema.Properties) {
            $theirs = $reference.properties[$property.Name]
            $property.Type | Should -Be $theirs.type -Because $property.Name
            $property.Required | Should -Be $theirs.required -Because $property.Name
            $property.UpdateAllowed | Should -Be $theirs.update_allowed -Because $property.Name
            $property.Immutable | Should -Be $theirs.immutable -Because $property.Name
            $property.Description | Should -Be $theirs.description -Because $property.Name
            Get-CanonicalJson $property.Default | Should -Be (Get-CanonicalJson $theirs.default) -Because $property.Name
            Get-CanonicalJson @($property.Constraints) | Should -Be (Get-CanonicalJson @($theirs.constraints | Where-Object { $_ })) -Because $property.Name
        }
        $length = $schema.Properties | Where-Object Name -EQ length
        $length.Constraints[0].range.max | Should -Be 512
        $classes = $schema.Properties | Where-Object Name -EQ character_classes
        $classes.Schema.Name | Should -Be '*'
        $classes.Schema[0].Schema.Name | Sort-Object | Should -Be ($reference.properties.character_classes.schema['*'].schema.Keys | Sort-Object)
        $schema.Attributes.Name | Sort-Object | Should -Be ($reference.attributes.Keys | Sort-Object)
        ($schema.Attributes | Where-Object Name -EQ value).Type | Should -Be $reference.attributes.value.type
        $schema.SupportStatus | Should -Be $reference.support_status.status
        $schema.SupportVersion | Should -Be $reference.support_status.version
    }

    It 'gives the type''s description with the schema when asked (Heat''s schema route leaves it out)' {
        (Get-HeatResourceType OS::Heat::RandomString -Schema).Description | Should -BeNullOrEmpty
        (Get-HeatResourceType OS::Heat::RandomString -Schema -WithDescription).Description |
            Should -Be ($referenceLong | Where-Object 'Resource Type' -EQ 'OS::Heat::RandomString').Description
    }

    It 'generates the template openstack generates, hot and cfn, and the hot one validates' {
        foreach ($kind in 'hot', 'cfn') {
            $ours = Get-HeatResourceType OS::Heat::RandomString -AsTemplate $kind
            $ours | Should -BeOfType [string]
            $reference = Invoke-OpenStack orchestration resource type show OS::Heat::RandomString --template-type $kind -f json | Out-String
            Get-CanonicalJson ($ours | ConvertFrom-Json -AsHashtable) | Should -Be (Get-CanonicalJson ($reference | ConvertFrom-Json -AsHashtable)) -Because $kind
        }
        $hot = Get-HeatResourceType OS::Heat::RandomString -AsTemplate hot
        (Test-HeatTemplate -Template $hot).Parameters.Name | Should -Contain 'length'
    }

    It 'is HeatResourceTypeNotFound for a type Heat does not know, on every route' {
        Get-HeatResourceType OS::Heat::Nope -Schema -ErrorVariable schemaError -ErrorAction SilentlyContinue
        Get-HeatResourceType OS::Heat::Nope -AsTemplate hot -ErrorVariable templateError -ErrorAction SilentlyContinue
        Get-HeatResourceType OS::Heat::Nope -ErrorVariable listError -ErrorAction SilentlyContinue
        foreach ($e in $schemaError[0], $templateError[0], $listError[0]) {
            $e.FullyQualifiedErrorId | Should -Be 'HeatResourceTypeNotFound,Heat.PowerShell.Cmdlets.GetHeatResourceType'
            $e.TargetObject | Should -Be 'OS::Heat::Nope'
        }
        $schemaError[0].Exception.Message | Should -Be 'The Resource Type (OS::Heat::Nope) could not be found.'
    }
}

Describe 'Get-HeatTemplateVersion and Get-HeatTemplateFunction next to openstack orchestration template' -Tag Lab {
    It 'lists the versions openstack lists, with their type and aliases' {
        $reference = Invoke-OpenStack orchestration template version list -f json | Out-String | ConvertFrom-Json
        $ours = Get-HeatTemplateVersion
        $ours.Version | Should -Be $reference.Version
        $ours.Type | Should -Be $reference.Type
        ($ours | ForEach-Object { $_.Aliases -join ',' }) | Should -Be $reference.Aliases
        (Get-HeatTemplateVersion *rocky).Version | Should -Be 'heat_template_version.2018-08-31'
    }

    It 'lists a version''s functions as openstack does, then with the condition functions' {
        # Plain first: Heat 19 keeps condition functions in the plain list once anyone has asked for them.
        $version = 'heat_template_version.2018-08-31'
        $plain = Invoke-OpenStack orchestration template function list $version -f json | Out-String | ConvertFrom-Json
        $ours = Get-HeatTemplateFunction $version
        $ours.Function | Should -Be $plain.Functions
        $ours.Description | Should -Be $plain.Description
        $ours.TemplateVersion | Select-Object -Unique | Should -Be $version

        $withConditions = Invoke-OpenStack orchestration template function list $version --with_conditions -f json | Out-String | ConvertFrom-Json
        $oursWithConditions = Get-HeatTemplateVersion *rocky | Get-HeatTemplateFunction -WithConditions
        $oursWithConditions.Function | Should -Be $withConditions.Functions
        foreach ($function in 'equals', 'not', 'and', 'or') { $oursWithConditions.Function | Should -Contain $function }
        (Get-HeatTemplateFunction rocky get_*).Function | Sort-Object | Should -Be ($plain.Functions | Where-Object { $_ -like 'get_*' } | Sort-Object)
    }

    It 'is HeatTemplateVersionNotFound for a version Heat does not know' {
        Get-HeatTemplateFunction 2099-01-01 -ErrorVariable versionError -ErrorAction SilentlyContinue
        $versionError[0].FullyQualifiedErrorId | Should -Be 'HeatTemplateVersionNotFound,Heat.PowerShell.Cmdlets.GetHeatTemplateFunction'
        $versionError[0].TargetObject | Should -Be 'heat_template_version.2099-01-01'
    }
}
