# The template analyzer's resource type rules (issue 21) against the real Heat's schemas: live with a session, and
# from a file saved from it, which must give the same findings. Tagged Lab; build.ps1 Test starts the lab first.

BeforeAll {
    $modulePath = if ($env:HEAT_MODULE_PATH) { $env:HEAT_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Heat.PowerShell' }
    Import-Module (Join-Path $modulePath 'Heat.PowerShell.psd1') -Force
    $labDir = if ($env:HEAT_LAB_DIR) { $env:HEAT_LAB_DIR } else { '/var/tmp/heat-lab' }
    $script:lab = Get-Content (Join-Path $labDir 'lab.json') -Raw | ConvertFrom-Json
    $cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
    $script:session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
    $script:folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ('analyzer{0:x4}' -f (Get-Random -Maximum 65535)))
    # One fault per rule, each on its own line; the lab runs Heat and Keystone only, so Nova is not offered, and
    # OS::Keystone:: is reserved by policy for administrators (the lab user is not one).
    $script:template = Join-Path $folder 't.yaml'
    Set-Content $template @(
        'heat_template_version: 2018-08-31'                                  # 1
        'description: lab analyzer fixture'                                  # 2
        'resources:'                                                         # 3
        '  rand:'                                                            # 4
        '    type: OS::Heat::RandomString'                                   # 5
        '    properties: {lenght: 8}'                                        # 6
        '  value: {type: OS::Heat::Value, properties: {type: string}}'       # 7
        '  typo: {type: OS::Heat::RandomStrin}'                              # 8
        '  vm: {type: OS::Nova::Server, properties: {flavor: {get_param: OS::stack_name}, image: {get_param: OS::stack_name}}}' # 9
        '  domain: {type: OS::Keystone::Domain}'                             # 10
        'outputs:'                                                           # 11
        '  v: {description: v, value: {get_attr: [rand, valeu]}}'           # 12
    )
    $script:rules = 'HeatUnknown*', 'HeatUnavailable*', 'HeatMissingRequired*', 'HeatDeprecated*'
    function script:Rows($findings) { $findings | ForEach-Object { "$($_.Line) $($_.Severity) $($_.RuleName) $($_.Target)" } }
}

AfterAll {
    Disconnect-HeatService -ErrorAction SilentlyContinue
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Resource type rules against the real Heat' -Tag Lab {
    It 'finds each fault at its line with -Online, telling a misspelt type from one the user may not use' {
        $findings = @(Invoke-HeatTemplateAnalyzer $template -Online -IncludeRule $rules -Session $session)

        Rows $findings | Should -Be @(
            '6 Error HeatUnknownProperty rand'
            '7 Error HeatMissingRequiredProperty value'
            '8 Error HeatUnknownResourceType typo'
            '9 Warning HeatUnavailableResourceType vm'
            '10 Warning HeatUnavailableResourceType domain'
            '12 Error HeatUnknownAttribute rand'
        )
        ($findings | Where-Object Target -eq 'domain').Message | Should -Match 'policy'
        ($findings | Where-Object Target -eq 'vm').Message | Should -Match 'nova'
        ($findings | Where-Object Target -eq 'typo').SuggestedFix | Should -Be "Did you mean 'OS::Heat::RandomString'?"
    }

    It 'gives the same findings offline from the schemas saved from the cloud' {
        $saved = Join-Path $folder 'schemas.json'
        Get-HeatResourceType OS::Heat::* -Schema -Session $session | ConvertTo-Json -Depth 12 | Set-Content $saved

        $findings = @(Invoke-HeatTemplateAnalyzer $template -SchemaPath $saved -IncludeRule $rules)

        Rows $findings | Should -Be @(
            '6 Error HeatUnknownProperty rand'
            '7 Error HeatMissingRequiredProperty value'
            '8 Error HeatUnknownResourceType typo'
            '9 Warning HeatUnavailableResourceType vm'
            '10 Warning HeatUnavailableResourceType domain'
            '12 Error HeatUnknownAttribute rand'
        )
    }

    It 'says nothing of a template Heat validates, made of types the cloud offers' {
        $good = Join-Path $folder 'good.yaml'
        Set-Content $good "heat_template_version: 2018-08-31`ndescription: g`nresources:`n  rand: {type: OS::Heat::RandomString, properties: {length: 8, character_classes: [{class: digits, min: 2}]}}`noutputs:`n  v: {description: v, value: {get_attr: [rand, value]}}"
        Test-HeatTemplate -TemplatePath $good -Session $session | Should -Not -BeNullOrEmpty

        @(Invoke-HeatTemplateAnalyzer $good -Online -Session $session) | Should -BeNullOrEmpty
    }
}
