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
    FormatsToProcess     = @('Heat.format.ps1xml', 'Heat.Software.format.ps1xml', 'Heat.Templating.format.ps1xml')
    TypesToProcess       = @('Heat.types.ps1xml')
    # Stamped by build.ps1 from the cmdlet classes in Heat.PowerShell.dll: a new cmdlet registers by being one.
    CmdletsToExport      = @()
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('OpenStack', 'Heat', 'Orchestration', 'Stack', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows')
            ProjectUri   = 'https://example.invalid/heat-powershell'
            ReleaseNotes = 'First release: sessions, stacks, events, resources, template validation.'
        }
    }
}
