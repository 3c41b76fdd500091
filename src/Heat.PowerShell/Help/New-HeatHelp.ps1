<#
.SYNOPSIS
    Writes the module's help from its source: en-US/Heat.PowerShell.dll-Help.xml (MAML) and a Markdown page per
    cmdlet. (The about topics are written by hand, in docs/about; build.ps1 copies them.)
.DESCRIPTION
    The cmdlets' metadata (names, parameter sets, types, positions, pipeline binding, aliases, wildcards, defaults,
    OutputType) comes from the built module by reflection; the words come from the XML documentation files the
    compiler writes from the /// comments: a cmdlet class's <summary> is its synopsis, <remarks> (<para>s) its
    description, each <example> (<code> and <para>s) an example, an optional <notes> (<para>s) its notes; a parameter
    property's <summary> is the parameter's description (for a parameter declared in a base class or a parameter
    group, the comment where it is declared). An output type's <summary> (Heat.Client.xml) describes the output.
    Run it in a process of its own: it loads the module.
.EXAMPLE
    pwsh -NoProfile -File New-HeatHelp.ps1 -ModulePath out/Heat.PowerShell -MamlPath out/Heat.PowerShell/en-US/Heat.PowerShell.dll-Help.xml -XmlDocFolder out/publish -DocsPath out/docs/cmdlets
#>
[CmdletBinding()]
param(
    # The built module folder: the cmdlets are read from it.
    [Parameter(Mandatory)] [string] $ModulePath,
    # The MAML file to write (the module's en-US/Heat.PowerShell.dll-Help.xml).
    [Parameter(Mandatory)] [string] $MamlPath,
    # Folder holding the compiler's Heat.PowerShell.xml and Heat.Client.xml (the publish folder).
    [Parameter(Mandatory)] [string] $XmlDocFolder,
    # Folder for the Markdown pages (one per cmdlet and a README.md index); left out: none written.
    [string] $DocsPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$XmlDocFolder = (Resolve-Path -LiteralPath $XmlDocFolder).ProviderPath
$module = Import-Module (Join-Path $ModulePath 'Heat.PowerShell.psd1') -PassThru -Force
$commands = Get-Command -Module $module -CommandType Cmdlet | Sort-Object Name
# -WhatIf and -Confirm are documented like the cmdlet's own parameters (Get-Help shows them in SYNTAX); the rest of
# the common parameters are <CommonParameters>.
$shouldProcessParameters = 'WhatIf', 'Confirm'
$commonParameters = @([System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters |
    Where-Object { $_ -notin $shouldProcessParameters })
$shouldProcessHelp = @{
    WhatIf  = 'Shows what the cmdlet would change, without changing anything.'
    Confirm = 'Asks for confirmation before each change; -Confirm:$false asks nothing.'
}

# Each cmdlet's page in the project's repository, from the manifest's ProjectUri (one place to change): what
# Get-Help -Online opens. The layout is the one LicenseUri uses (<ProjectUri>/blob/main/<path>).
$projectUri = (Import-PowerShellDataFile -LiteralPath (Join-Path $ModulePath 'Heat.PowerShell.psd1')).PrivateData.PSData.ProjectUri
if (-not $projectUri) { throw 'The manifest names no PrivateData.PSData.ProjectUri: Get-Help -Online would have nowhere to go.' }
function Get-OnlineUri([string] $Name) { "$($projectUri.TrimEnd('/'))/blob/main/docs/cmdlets/$Name.md" }

# Member id (T:Namespace.Type, P:Namespace.Type.Property) -> its XML element.
$members = @{}
foreach ($path in 'Heat.PowerShell.xml', 'Heat.Client.xml' | ForEach-Object { Join-Path $XmlDocFolder $_ }) {
    $doc = [xml](Get-Content -LiteralPath $path -Raw)
    foreach ($member in $doc.doc.members.member) { $members[$member.name] = $member }
}

# ---- doc comment XML -> paragraphs of plain text (inline code marked so Markdown can show it) ----

# Hand-written loops rather than pipelines: this runs for every parameter of every cmdlet, and pipelines made the
# build wait seconds.
function Add-InlineText([System.Text.StringBuilder] $Text, [System.Xml.XmlNode] $Node, [bool] $Markdown) {
    if ($Node.NodeType -ne [System.Xml.XmlNodeType]::Element) { $null = $Text.Append($Node.Value); return }
    switch ($Node.LocalName) {
        'c' { $null = $Text.Append($(if ($Markdown) { Format-Code $Node.InnerText } else { $Node.InnerText })); return }
        'see' {
            $name = if ($Node.HasAttribute('langword')) { $Node.GetAttribute('langword') }
            elseif ($Node.InnerText) { $Node.InnerText }
            # A member's id carries its parameter types (M:Ns.Type.Method(System.Func{...})): name it without them.
            else { (($Node.GetAttribute('cref') -replace '\(.*$', '') -split '[.:]')[-1] }
            $null = $Text.Append($name)
            return
        }
        'paramref' { $null = $Text.Append($Node.GetAttribute('name')); return }
    }
    foreach ($child in $Node.ChildNodes) { Add-InlineText $Text $child $Markdown }
}

function Complete-Paragraph([System.Text.StringBuilder] $Text, [System.Collections.Generic.List[string]] $Paragraphs) {
    $paragraph = [regex]::Replace($Text.ToString(), '\s+', ' ').Trim()
    if ($paragraph) { $Paragraphs.Add($paragraph) }
    $null = $Text.Clear()
}

# The paragraphs of an element: each <para> is one; text outside them is one too; <code> is not text.
# Keyed by the node itself (reference equality), one entry per output form: an identity hash code is not unique, and
# two nodes sharing one gave a cmdlet another member's text.
$paragraphCache = [System.Collections.Generic.Dictionary[object, object]]::new([System.Collections.Generic.ReferenceEqualityComparer]::Instance)
function Get-Paragraphs([System.Xml.XmlNode] $Node, [bool] $Markdown) {
    if (-not $Node) { return }
    if (-not $paragraphCache.ContainsKey($Node)) { $paragraphCache[$Node] = @{} }
    $forms = $paragraphCache[$Node]
    if ($forms.ContainsKey($Markdown)) { return $forms[$Markdown] }
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $text = [System.Text.StringBuilder]::new()
    foreach ($child in $Node.ChildNodes) {
        $element = $child.NodeType -eq [System.Xml.XmlNodeType]::Element
        if ($element -and $child.LocalName -eq 'para') {
            Complete-Paragraph $text $paragraphs
            Add-InlineText $text $child $Markdown
            Complete-Paragraph $text $paragraphs
        }
        elseif (-not ($element -and $child.LocalName -eq 'code')) { Add-InlineText $text $child $Markdown }
    }
    Complete-Paragraph $text $paragraphs
    $forms[$Markdown] = $paragraphs.ToArray()
    $forms[$Markdown]
}

# A <code> block as written: the compiler keeps the comment's indentation; drop what all lines share.
function Get-CodeText([System.Xml.XmlNode] $Node) {
    $lines = @($Node.InnerText -split "`r?`n")
    while ($lines.Count -and -not $lines[0].Trim()) { $lines = @($lines | Select-Object -Skip 1) }
    while ($lines.Count -and -not $lines[-1].Trim()) { $lines = @($lines | Select-Object -SkipLast 1) }
    $indent = ($lines | Where-Object { $_.Trim() } | ForEach-Object { $_.Length - $_.TrimStart().Length } | Measure-Object -Minimum).Minimum
    ($lines | ForEach-Object { if ($_.Length -ge $indent) { $_.Substring($indent).TrimEnd() } else { $_.TrimEnd() } }) -join "`n"
}

function Get-TypeId([type] $Type) { 'T:' + $Type.FullName.Replace('+', '.') }

# The property that declares a parameter: on the cmdlet or a base class (most derived first), else on a parameter
# group the cmdlet returns as dynamic parameters (instantiated to find out which).
function Find-ParameterProperty([type] $CmdletType, [string] $Name) {
    $flags = [System.Reflection.BindingFlags]'Public, Instance'
    for ($declaring = $CmdletType; $declaring; $declaring = $declaring.BaseType) {
        $property = $declaring.GetProperty($Name, $flags -bor [System.Reflection.BindingFlags]::DeclaredOnly)
        if ($property) { return $property }
    }
    foreach ($group in Get-ParameterGroupType $CmdletType) {
        $property = $group.GetProperty($Name, $flags)
        if ($property) { return $property }
    }
    $null
}

$groupTypes = @{}
function Get-ParameterGroupType([type] $CmdletType) {
    if ($groupTypes.ContainsKey($CmdletType)) { return $groupTypes[$CmdletType] }
    $found = @()
    if ([System.Management.Automation.IDynamicParameters].IsAssignableFrom($CmdletType)) {
        $dynamic = ([System.Management.Automation.IDynamicParameters]([Activator]::CreateInstance($CmdletType))).GetDynamicParameters()
        if ($dynamic -is [System.Management.Automation.RuntimeDefinedParameterDictionary]) {
            # A ScopedParameterGroup<TGroup> or TemplateParameterGroup<TGroup>: its group type is the generic argument of
            # a field of the cmdlet or of a base class (private fields of a base are not listed with the cmdlet's own).
            $fields = for ($type = $CmdletType; $null -ne $type; $type = $type.BaseType) {
                $type.GetFields([System.Reflection.BindingFlags]'NonPublic, Public, Instance, Static, DeclaredOnly')
            }
            $found = @($fields | Where-Object { $_.FieldType.IsGenericType } | ForEach-Object { $_.FieldType.GetGenericArguments() })
        }
        elseif ($null -ne $dynamic) { $found = @($dynamic.GetType()) }
    }
    $groupTypes[$CmdletType] = $found
    $found
}

function Get-DefaultValue([type] $CmdletType, [System.Reflection.PropertyInfo] $Property) {
    $owner = if ($Property.DeclaringType.IsAssignableFrom($CmdletType)) { $CmdletType } else { $Property.DeclaringType }
    if ($owner.IsAbstract) { return 'None' }
    $value = $Property.GetValue([Activator]::CreateInstance($owner))
    if ($null -eq $value) { return 'None' }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return [string][bool]$value }
    if ($value -is [array]) { if ($value.Count) { return ($value -join ', ') } else { return 'None' } }
    [string]$value
}

function Get-TypeName([type] $Type) {
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Nullable`1]) { return Get-TypeName $Type.GetGenericArguments()[0] }
    $Type.FullName
}

function Get-ShortTypeName([type] $Type) {
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Nullable`1]) { return Get-ShortTypeName $Type.GetGenericArguments()[0] }
    $Type.Name
}

# ---- the model: one object per cmdlet with everything both writers need ----

# A parameter set's syntax as Get-Command -Syntax writes it, without the parameters hidden with DontShow.
function Remove-HiddenParameter($Set, [System.Collections.Generic.List[string]] $Hidden) {
    $text = $Set.ToString()
    foreach ($name in $Hidden) { $text = $text -replace " \[-$([regex]::Escape($name))( <[^>]+>)?\]", '' }
    $text
}

# A set's parameters as Get-Command -Syntax orders them: positional ones by position first, then the rest as declared.
function Get-SyntaxOrder($Set) {
    $positional = [System.Collections.Generic.SortedList[int, object]]::new()
    $named = [System.Collections.Generic.List[object]]::new()
    foreach ($parameter in $Set.Parameters) {
        if ($parameter.Position -ge 0) { $positional.Add($parameter.Position, $parameter) }
        elseif ($parameter.Name -notin $commonParameters) { $named.Add($parameter) }
    }
    $positional.Values
    $named
}

function Get-CmdletHelp($Command) {
    $type = $Command.ImplementingType
    $doc = $members[(Get-TypeId $type)]
    $summary = if ($doc) { $doc.SelectSingleNode('summary') } else { $null }
    $remarks = if ($doc) { $doc.SelectSingleNode('remarks') } else { $null }
    $notes = if ($doc) { $doc.SelectSingleNode('notes') } else { $null }
    $examples = if ($doc) { @($doc.SelectNodes('example')) } else { @() }
    # Read once: for a cmdlet with dynamic parameters each read builds them again.
    $parameterSets = @($Command.ParameterSets)
    $allParameters = @($Command.Parameters.Values)
    # Each set's parameters by name, so that a parameter finds its sets without a walk through every set.
    $setMembers = @{}
    foreach ($set in $parameterSets) {
        $byName = @{}
        foreach ($member in $set.Parameters) { $byName[$member.Name] = $member }
        $setMembers[$set.Name] = $byName
    }
    $hidden = [System.Collections.Generic.List[string]]::new()

    $parameters = foreach ($parameter in $allParameters.Where({ $_.Name -notin $commonParameters })) {
        $property = Find-ParameterProperty $type $parameter.Name
        $propertyDoc = if ($property) { $members["P:$($property.DeclaringType.FullName.Replace('+', '.')).$($property.Name)"] } else { $null }
        $attributes = $parameter.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })
        if ($attributes.Where({ $_.DontShow })) { $hidden.Add($parameter.Name); continue }
        $sets = foreach ($set in $parameterSets) {
            $in = $setMembers[$set.Name][$parameter.Name]
            if ($in) { [pscustomobject]@{ Set = $set.Name; Mandatory = $in.IsMandatory; Position = $in.Position } }
        }
        $sets = @($sets)
        $mandatorySets = @(foreach ($set in $sets) { if ($set.Mandatory) { $set.Set } })
        $optionalSets = @(foreach ($set in $sets) { if (-not $set.Mandatory) { $set.Set } })
        $byValue = [bool]$attributes.Where({ $_.ValueFromPipeline })
        $byName = [bool]$attributes.Where({ $_.ValueFromPipelineByPropertyName })
        $positions = [System.Collections.Generic.SortedSet[int]]::new()
        foreach ($set in $sets) { if ($set.Position -ge 0) { $null = $positions.Add($set.Position) } }
        $builtIn = $shouldProcessHelp[$parameter.Name]
        [pscustomobject]@{
            Name        = $parameter.Name
            Type        = $parameter.ParameterType
            IsSwitch    = $parameter.SwitchParameter
            Description = if ($builtIn) { @($builtIn) } else { @(Get-Paragraphs $(if ($propertyDoc) { $propertyDoc.SelectSingleNode('summary') }) $false) }
            DescriptionMd = if ($builtIn) { @($builtIn) } else { @(Get-Paragraphs $(if ($propertyDoc) { $propertyDoc.SelectSingleNode('summary') }) $true) }
            Required    = [bool]$mandatorySets
            RequiredText = if (-not $mandatorySets) { 'False' } elseif (-not $optionalSets) { 'True' } else { "True ($($mandatorySets -join ', ')), False ($($optionalSets -join ', '))" }
            Position    = if ($positions.Count) { ($positions -join ', ') } else { 'named' }
            Pipeline    = if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' } elseif ($byValue) { 'True (ByValue)' } elseif ($byName) { 'True (ByPropertyName)' } else { 'False' }
            ByValue     = $byValue
            ByName      = $byName
            Wildcards   = [bool]$parameter.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            Aliases     = @($parameter.Aliases)
            Default     = if ($builtIn) { 'False' } elseif ($property) { Get-DefaultValue $type $property } else { 'None' }
            Sets        = @(foreach ($set in $sets) { $set.Set })
        }
    }
    $parameters = @($parameters | Sort-Object { if ($_.Position -eq 'named') { 1000 } else { [int](($_.Position -split ', ')[0]) } }, { $_.Name -in $shouldProcessParameters }, { -not $_.Required }, Name)
    $models = @{}
    foreach ($model in $parameters) { $models[$model.Name] = $model }

    $inputs = [System.Collections.Generic.List[object]]::new()
    foreach ($parameter in $parameters | Where-Object ByValue) {
        $itemType = if ($parameter.Type.IsArray) { $parameter.Type.GetElementType() } else { $parameter.Type }
        $inputs.Add([pscustomobject]@{ Type = (Get-TypeName $itemType); Description = "Bound to -$($parameter.Name)." })
    }
    $byNameParameters = @($parameters | Where-Object ByName | ForEach-Object Name)
    if ($byNameParameters) {
        $inputs.Add([pscustomobject]@{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with a property named like one of these parameters binds it by property name: ' + ($byNameParameters -join ', ') + '.' })
    }
    if (-not $inputs.Count) { $inputs.Add([pscustomobject]@{ Type = 'None'; Description = 'This cmdlet takes no pipeline input.' }) }

    # Each [OutputType]: the type's own summary (Heat.Client.xml), and the parameter sets it belongs to, if only some.
    $outputs = foreach ($declared in $type.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $true)) {
        $sets = @($declared.ParameterSetName | Where-Object { $_ -and $_ -ne [System.Management.Automation.ParameterAttribute]::AllParameterSets })
        foreach ($outputType in $declared.Type) {
            if (-not $outputType.Type) { continue }
            $typeDoc = $members[(Get-TypeId $outputType.Type)]
            $text = if ($typeDoc) { @(Get-Paragraphs $typeDoc.SelectSingleNode('summary') $false) -join ' ' } else { '' }
            if ($sets) { $text = ("Written in parameter set $($sets -join ', '). " + $text).Trim() }
            [pscustomobject]@{ Type = $outputType.Type.FullName; Description = $text }
        }
    }
    if (-not $outputs) { $outputs = @([pscustomobject]@{ Type = 'None'; Description = 'This cmdlet writes no objects.' }) }

    $noteParagraphs = [System.Collections.Generic.List[string]]::new()
    foreach ($paragraph in Get-Paragraphs $notes $false) { $noteParagraphs.Add($paragraph) }
    $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true) | Select-Object -First 1
    $aliases = @($type.GetCustomAttributes([System.Management.Automation.AliasAttribute], $true) | ForEach-Object { $_.AliasNames })
    if ($aliases) { $noteParagraphs.Add("Aliases: $($aliases -join ', ').") }
    if ($attribute.SupportsShouldProcess) {
        $noteParagraphs.Add("Supports -WhatIf and -Confirm (ConfirmImpact $($attribute.ConfirmImpact)).")
    }
    if ([Heat.PowerShell.Base.HeatCmdlet].IsAssignableFrom($type)) {
        $noteParagraphs.Add('Uses the default session of the last Connect-HeatService unless -Session names another. -Verbose shows each request (method, URL, status, time) and each retry; error ids and what they mean: about_Heat.PowerShell.')
    }

    [pscustomobject]@{
        Name        = $Command.Name
        OnlineUri   = Get-OnlineUri $Command.Name
        Verb        = $Command.Verb
        Noun        = $Command.Noun
        Synopsis    = (Get-Paragraphs $summary $false) -join ' '
        Description = @(Get-Paragraphs $remarks $false)
        DescriptionMd = @(Get-Paragraphs $remarks $true)
        Parameters  = $parameters
        Syntax      = @(foreach ($set in $parameterSets | Sort-Object { -not $_.IsDefault }, Name) {
                [pscustomobject]@{
                    Name = $set.Name
                    Text = "$($Command.Name) $(Remove-HiddenParameter $set $hidden)"
                    Parameters = @(foreach ($p in Get-SyntaxOrder $set) {
                        $model = $models[$p.Name]
                        if ($model) { [pscustomobject]@{ Model = $model; Mandatory = $p.IsMandatory; Position = if ($p.Position -ge 0) { [string]$p.Position } else { 'named' } } }
                    })
                }
            })
        Inputs      = $inputs.ToArray()
        Outputs     = @($outputs)
        Notes       = $noteParagraphs.ToArray()
        Examples    = @(foreach ($example in $examples) {
                $code = $example.SelectSingleNode('code')
                [pscustomobject]@{
                    Code    = if ($code) { Get-CodeText $code } else { '' }
                    Remarks = @(Get-Paragraphs $example $false)
                    RemarksMd = @(Get-Paragraphs $example $true)
                }
            })
    }
}

# ---- MAML ----

function Write-Maml($Helps, [string] $Path) {
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [System.Text.UTF8Encoding]::new($false); NewLineChars = "`n" }
    $w = [System.Xml.XmlWriter]::Create($Path, $settings)
    $maml = 'http://schemas.microsoft.com/maml/2004/10'
    $cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    $dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
    $paras = {
        param([string[]] $Items)
        $w.WriteStartElement('maml', 'description', $maml)
        if (-not $Items) { $w.WriteElementString('maml', 'para', $maml, '') }
        foreach ($item in $Items) { $w.WriteElementString('maml', 'para', $maml, $item) }
        $w.WriteEndElement()
    }
    $parameterElement = {
        # In a syntax item Get-Help reads only the name, value, required and position: the rest is written once, under
        # command:parameters (half the writing, for cmdlets with many parameter sets).
        param($Model, [bool] $Required, [string] $Position, [bool] $InSyntax)
        $w.WriteStartElement('command', 'parameter', $cmd)
        $w.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
        $w.WriteAttributeString('variableLength', $Model.Type.IsArray.ToString().ToLowerInvariant())
        $w.WriteAttributeString('globbing', $Model.Wildcards.ToString().ToLowerInvariant())
        $w.WriteAttributeString('pipelineInput', $Model.Pipeline)
        $w.WriteAttributeString('position', $Position)
        $w.WriteAttributeString('aliases', $(if ($Model.Aliases) { $Model.Aliases -join ', ' } else { 'none' }))
        $w.WriteElementString('maml', 'name', $maml, $Model.Name)
        if (-not $InSyntax) { & $paras $Model.Description }
        if (-not $Model.IsSwitch) {
            $w.WriteStartElement('command', 'parameterValue', $cmd)
            $w.WriteAttributeString('required', 'true')
            $w.WriteAttributeString('variableLength', $Model.Type.IsArray.ToString().ToLowerInvariant())
            $w.WriteString((Get-ShortTypeName $Model.Type))
            $w.WriteEndElement()
        }
        if (-not $InSyntax) {
            $w.WriteStartElement('dev', 'type', $dev)
            $w.WriteElementString('maml', 'name', $maml, (Get-TypeName $Model.Type))
            $w.WriteEndElement()
            $w.WriteElementString('dev', 'defaultValue', $dev, $Model.Default)
        }
        $w.WriteEndElement()
    }

    $w.WriteStartDocument()
    $w.WriteStartElement('helpItems', 'http://msh')
    $w.WriteAttributeString('schema', 'maml')
    foreach ($help in $Helps) {
        $w.WriteStartElement('command', 'command', $cmd)
        $w.WriteAttributeString('xmlns', 'maml', $null, $maml)
        $w.WriteAttributeString('xmlns', 'dev', $null, $dev)
        $w.WriteStartElement('command', 'details', $cmd)
        $w.WriteElementString('command', 'name', $cmd, $help.Name)
        & $paras @($help.Synopsis)
        $w.WriteElementString('command', 'verb', $cmd, $help.Verb)
        $w.WriteElementString('command', 'noun', $cmd, $help.Noun)
        $w.WriteEndElement()
        & $paras $help.Description

        $w.WriteStartElement('command', 'syntax', $cmd)
        foreach ($set in $help.Syntax) {
            $w.WriteStartElement('command', 'syntaxItem', $cmd)
            $w.WriteElementString('maml', 'name', $maml, $help.Name)
            foreach ($p in $set.Parameters) { & $parameterElement $p.Model $p.Mandatory $p.Position $true }
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'parameters', $cmd)
        foreach ($p in $help.Parameters) { & $parameterElement $p $p.Required ($p.Position -split ', ')[0] $false }
        $w.WriteEndElement()

        foreach ($kind in @(@('inputTypes', 'inputType', $help.Inputs), @('returnValues', 'returnValue', $help.Outputs))) {
            $w.WriteStartElement('command', $kind[0], $cmd)
            foreach ($item in $kind[2]) {
                $w.WriteStartElement('command', $kind[1], $cmd)
                $w.WriteStartElement('dev', 'type', $dev)
                $w.WriteElementString('maml', 'name', $maml, $item.Type)
                $w.WriteEndElement()
                & $paras @($item.Description)
                $w.WriteEndElement()
            }
            $w.WriteEndElement()
        }

        $w.WriteStartElement('maml', 'alertSet', $maml)
        $w.WriteStartElement('maml', 'alert', $maml)
        foreach ($note in $help.Notes) { $w.WriteElementString('maml', 'para', $maml, $note) }
        $w.WriteEndElement()
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'examples', $cmd)
        $number = 0
        foreach ($example in $help.Examples) {
            $number++
            $w.WriteStartElement('command', 'example', $cmd)
            $w.WriteElementString('maml', 'title', $maml, "-------------------------- Example $number --------------------------")
            $w.WriteElementString('dev', 'code', $dev, $example.Code)
            $w.WriteStartElement('dev', 'remarks', $dev)
            foreach ($remark in $example.Remarks) { $w.WriteElementString('maml', 'para', $maml, $remark) }
            # An empty paragraph last: Get-Help then leaves a line before the next example's title.
            $w.WriteElementString('maml', 'para', $maml, '')
            $w.WriteEndElement()
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        # The first link with a URI is what Get-Help -Online opens (platyPS writes it the same way).
        $w.WriteStartElement('command', 'relatedLinks', $cmd)
        foreach ($link in @(@('Online Version:', $help.OnlineUri), @('about_Heat.PowerShell', ''))) {
            $w.WriteStartElement('maml', 'navigationLink', $maml)
            $w.WriteElementString('maml', 'linkText', $maml, $link[0])
            $w.WriteElementString('maml', 'uri', $maml, $link[1])
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteEndDocument()
    $w.Dispose()
}

# ---- Markdown ----

function ConvertTo-MarkdownCell([string] $Text) { $Text.Replace('|', '\|') }

function Format-Code([string] $Text) { [char]96 + $Text + [char]96 }

function Write-MarkdownPage($Help, [string] $Path) {
    $md = [System.Text.StringBuilder]::new()
    $line = { param([string] $Text = '') $null = $md.Append($Text).Append("`n") }
    & $line '<!-- Generated by src/Heat.PowerShell/Help/New-HeatHelp.ps1 from the /// comments in src/Heat.PowerShell: edit those, then run build.ps1 Docs. -->'
    & $line "# $($Help.Name)"
    & $line
    & $line $Help.Synopsis
    & $line
    & $line '## Syntax'
    foreach ($set in $Help.Syntax) {
        & $line
        & $line '```powershell'
        & $line $set.Text
        & $line '```'
    }
    & $line
    & $line '## Description'
    foreach ($paragraph in $Help.DescriptionMd) { & $line; & $line $paragraph }
    & $line
    & $line '## Examples'
    $number = 0
    foreach ($example in $Help.Examples) {
        $number++
        & $line
        & $line "### Example $number"
        & $line
        & $line '```powershell'
        & $line $example.Code
        & $line '```'
        foreach ($paragraph in $example.RemarksMd) { & $line; & $line $paragraph }
    }
    & $line
    & $line '## Parameters'
    foreach ($p in $Help.Parameters) {
        & $line
        & $line "### -$($p.Name)"
        foreach ($paragraph in $p.DescriptionMd) { & $line; & $line $paragraph }
        & $line
        & $line '| | |'
        & $line '| --- | --- |'
        & $line ('| Type | {0} |' -f (Format-Code (Get-ShortTypeName $p.Type)))
        if ($p.Aliases) { & $line ('| Aliases | {0} |' -f (($p.Aliases | ForEach-Object { Format-Code $_ }) -join ', ')) }
        & $line "| Required | $($p.RequiredText) |"
        & $line "| Position | $($p.Position) |"
        & $line "| Default value | $(ConvertTo-MarkdownCell $p.Default) |"
        & $line "| Pipeline input | $($p.Pipeline) |"
        & $line "| Wildcards | $($p.Wildcards) |"
        if ($Help.Syntax.Count -gt 1) { & $line "| Parameter sets | $(($p.Sets | Sort-Object) -join ', ') |" }
    }
    & $line
    & $line 'This cmdlet also takes the common parameters (-Verbose, -ErrorAction, ...): see about_CommonParameters.'
    & $line
    & $line '## Inputs'
    foreach ($item in $Help.Inputs) { & $line; & $line "**$($item.Type)**"; & $line; & $line $item.Description }
    & $line
    & $line '## Outputs'
    foreach ($item in $Help.Outputs) { & $line; & $line "**$($item.Type)**"; if ($item.Description) { & $line; & $line $item.Description } }
    & $line
    & $line '## Notes'
    foreach ($note in $Help.Notes) { & $line; & $line $note }
    & $line
    & $line '## Related links'
    & $line
    & $line '- [about_Heat.PowerShell](../about/about_Heat.PowerShell.help.txt), [about_Heat.PowerShell_Templates](../about/about_Heat.PowerShell_Templates.help.txt)'
    & $line '- [Cmdlet overview](../cmdlets.md)'
    [System.IO.File]::WriteAllText($Path, $md.ToString(), [System.Text.UTF8Encoding]::new($false))
}

# ---- write ----

$helps = @(foreach ($command in $commands) { Get-CmdletHelp $command })
foreach ($help in $helps) {
    if (-not $help.Synopsis) { Write-Warning "$($help.Name): no <summary> (synopsis)." }
    if (-not $help.Description) { Write-Warning "$($help.Name): no <remarks> (description)." }
    if ($help.Examples.Count -lt 2) { Write-Warning "$($help.Name): $($help.Examples.Count) <example>s, want at least 2." }
    foreach ($p in $help.Parameters | Where-Object { -not $_.Description }) { Write-Warning "$($help.Name) -$($p.Name): no <summary> (description)." }
}

$MamlPath = [System.IO.Path]::GetFullPath($MamlPath)
$null = New-Item -ItemType Directory -Path (Split-Path $MamlPath) -Force
Write-Maml $helps $MamlPath

if ($DocsPath) {
    if (Test-Path $DocsPath) { Remove-Item $DocsPath -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $DocsPath -Force
    foreach ($help in $helps) { Write-MarkdownPage $help (Join-Path $DocsPath "$($help.Name).md") }
    $index = [System.Text.StringBuilder]::new()
    $null = $index.Append("<!-- Generated by src/Heat.PowerShell/Help/New-HeatHelp.ps1: run build.ps1 Docs. -->`n# Cmdlets`n`n")
    $null = $index.Append("One page per cmdlet, the same text as ``Get-Help <cmdlet> -Full``. The overview with the shared conventions: [../cmdlets.md](../cmdlets.md).`n`n")
    $null = $index.Append("| Cmdlet | Synopsis |`n| --- | --- |`n")
    foreach ($help in $helps) { $null = $index.Append("| [$($help.Name)]($($help.Name).md) | $(ConvertTo-MarkdownCell $help.Synopsis) |`n") }
    [System.IO.File]::WriteAllText((Join-Path $DocsPath 'README.md'), $index.ToString(), [System.Text.UTF8Encoding]::new($false))
}
