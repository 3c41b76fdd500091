# Custom rules for Invoke-HeatTemplateAnalyzer -CustomRulePath: each function with a parameter typed
# [Heat.Client.Analysis.AnalyzedTemplate] is a rule named after the function. It returns hashtables with Message and,
# as it likes, Token (a node of the template: its line and column are taken), Target, SuggestedFix and Severity.

function Measure-HeatResourceNameStyle {
    <#
    .SYNOPSIS
    Resource names are lower case with dashes, as the team's stacks name them.
    #>
    param([Heat.Client.Analysis.AnalyzedTemplate] $Template)
    foreach ($name in $Template.ResourceNames) {
        if ($name -cnotmatch '^[a-z][a-z0-9-]*$') {
            @{
                Message      = "Resource '$name' is not lower case with dashes."
                Token        = $Template.Resources.Property($name)
                Target       = $name
                SuggestedFix = "Name it '$(($name -creplace '([a-z0-9])([A-Z])', '$1-$2').ToLowerInvariant().Replace('_', '-'))'."
                Severity     = 'Information'
            }
        }
    }
}

function Measure-HeatServerWithoutKeyName {
    <#
    .SYNOPSIS
    A server without a key pair cannot be reached by SSH when its boot script fails.
    #>
    param([Heat.Client.Analysis.AnalyzedTemplate] $Template)
    foreach ($name in $Template.ResourceNames) {
        $definition = $Template.Resources[$name]
        if ("$($definition['type'])" -ceq 'OS::Nova::Server' -and -not $definition['properties']?['key_name']) {
            @{
                Message = "Server '$name' has no key_name."
                Token   = $definition['type']
                Target  = $name
            }
        }
    }
}

Export-ModuleMember -Function Measure-*
