@{
    RootModule           = 'Heat.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0b7d36-3c1e-4d52-9a57-2f5c8e8e4a11'
    Author               = 'Heat.PowerShell contributors'
    CompanyName          = 'Heat.PowerShell'
    Copyright            = '(c) Heat.PowerShell contributors. MIT licence.'
    Description          = 'Manage OpenStack Heat (orchestration: stacks, events, resources, templates) from PowerShell pipelines.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('Heat.format.ps1xml', 'Heat.Insight.format.ps1xml', 'Heat.Software.format.ps1xml', 'Heat.Templating.format.ps1xml', 'Heat.Fleet.format.ps1xml')
    TypesToProcess       = @('Heat.types.ps1xml')
    # Stamped by build.ps1 from the cmdlet classes in Heat.PowerShell.dll: a new cmdlet registers by being one.
    CmdletsToExport      = @()
    FunctionsToExport    = @()
    VariablesToExport    = @()
    # Listed by hand (a binary module declares them with [Alias] on the cmdlet class; PowerShell 7 creates them,
    # Windows PowerShell 5.1 does not). Module.Tests.ps1 checks this list against the attributes.
    AliasesToExport      = @('Get-HeatStackEvent', 'Get-HeatStackResource')
    PrivateData          = @{
        PSData = @{
            Tags         = @('OpenStack', 'Heat', 'Orchestration', 'Stack', 'HOT', 'IaC', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows')
            # Placeholders until the project has a public home.
            ProjectUri   = 'https://example.invalid/heat-powershell'
            LicenseUri   = 'https://example.invalid/heat-powershell/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0, the first release: Keystone v3 and v2.0 sessions; stacks (create, update with preview, set, wait,
suspend/resume/check/cancel, snapshots, hooks, abandon and adopt, export); events, resources and outputs;
template validation offline and by Heat; dependency graphs; software configs and deployments. On PowerShell 7 the
module's own libraries (YamlDotNet, Polly) load in a context of their own, next to other modules' copies.
'@
        }
    }
}
