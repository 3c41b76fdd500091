#requires -Version 7.0
<#
.SYNOPSIS
    The fuzzer behind LabFuzz.Tests.ps1: runs cases FirstCase..Cases-1 in THIS process (a child pwsh of the test,
    so that a crash takes down only this process) and writes one JSON line per operation to ResultPath.
.DESCRIPTION
    Case n is made from its own Random(seed, n): the same seed and case number always give the same inputs, whatever
    ran before, so a crash can be resumed after and any case re-run alone (-FirstCase n -Cases n+1).
    Before each operation a "begin" line is written and flushed: if the process dies, the last "begin" without its
    "end" names the input that killed it.
    Stack names given to New-HeatStack and Remove-HeatStack always contain -Token, so that no other stack can be
    touched; Get-HeatStack (a read) also gets names without it.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $LabJson,
    [Parameter(Mandatory)] [int] $Seed,
    [Parameter(Mandatory)] [int] $Cases,
    [int] $FirstCase = 0,
    # Resume inside FirstCase: skip its operations up to and including this one.
    [string] $SkipThrough,
    [Parameter(Mandatory)] [string] $Token,
    [Parameter(Mandatory)] [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Off
Import-Module (Resolve-Path $ModuleManifest).ProviderPath
$lab = Get-Content $LabJson -Raw | ConvertFrom-Json
$cred = [pscredential]::new($lab.username, (ConvertTo-SecureString $lab.password -AsPlainText -Force))
$session = Connect-HeatService -AuthUrl $lab.auth_url -Credential $cred -ProjectName $lab.project_name -PassThru
$ErrorActionPreference = 'Continue'

$writer = [IO.StreamWriter]::new($ResultPath, $true, [Text.UTF8Encoding]::new($false))
$writer.AutoFlush = $true
function Write-Line($record) { $writer.WriteLine(($record | ConvertTo-Json -Compress -Depth 5)) }

# ---- inputs ----------------------------------------------------------------------------------------------------

$stringKinds = 'printable', 'quotes', 'spaces', 'control', 'nonascii', 'lonesurrogate', 'bytes', 'long', 'emptyish',
    'urlish', 'wildcard', 'validname'

function Get-Pick([Random] $r, [object[]] $from) { $from[$r.Next($from.Count)] }

function New-FuzzString([Random] $r, [string] $kind) {
    switch ($kind) {
        'printable' { -join (1..$r.Next(1, 40) | ForEach-Object { [char]$r.Next(0x20, 0x7f) }) }
        'quotes' {
            $set = "'`"``\$;|&<>(){}%#@!^~,=+ :"
            -join (1..$r.Next(1, 30) | ForEach-Object { $set[$r.Next($set.Length)] })
        }
        'spaces' {
            $ws = " `t`n`r" + [char]0x0B + [char]0x0C + [char]0xA0 + [char]0x2028 + [char]0x3000 + [char]0x85
            $core = if ($r.Next(2)) { 'a' } else { '' }
            (-join (1..$r.Next(1, 6) | ForEach-Object { $ws[$r.Next($ws.Length)] })) + $core + (-join (1..$r.Next(0, 6) | ForEach-Object { $ws[$r.Next($ws.Length)] }))
        }
        'control' {
            -join (1..$r.Next(1, 20) | ForEach-Object {
                    $c = $r.Next(0, 66)
                    if ($c -lt 32) { [char]$c } elseif ($c -eq 32) { [char]0x7f } else { [char](0x80 + $c - 33) }
                })
        }
        'nonascii' {
            $bits = 'é', 'ß', '日本語', 'Ωμέγα', 'עברית', 'مرحبا', [string][char]0x200B, [string][char]0xFEFF, '😀', "e$([char]0x301)",
                [string][char]0xFFFD, [string][char]0xFFFF, [string][char]0x202E, 'ﬁ', 'İ', 'ǅ', '𝔘𝔫𝔦'
            -join (1..$r.Next(1, 8) | ForEach-Object { Get-Pick $r $bits })
        }
        'lonesurrogate' {
            $s = -join (1..$r.Next(0, 10) | ForEach-Object { [char]$r.Next(0x61, 0x7b) })
            $lone = [string][char]$(if ($r.Next(2)) { 0xD800 + $r.Next(0x400) } else { 0xDC00 + $r.Next(0x400) })
            $s.Insert($r.Next($s.Length + 1), $lone)
        }
        'bytes' { -join (1..$r.Next(1, 64) | ForEach-Object { [char]$r.Next(0, 256) }) }
        'long' {
            $unit = New-FuzzString $r (Get-Pick $r @('printable', 'nonascii', 'quotes', 'validname'))
            if (-not $unit) { $unit = 'x' }
            $length = $r.Next(10000, 70001)
            ($unit * ([int][math]::Ceiling($length / $unit.Length))).Substring(0, $length)
        }
        'emptyish' { Get-Pick $r @('', ' ', "`t", "`0", [string][char]0x200B, "`n", '""', "''", 'null', '~', '   ', "`r`n") }
        'urlish' { Get-Pick $r @('../', '..', '/', '%2F', '%00', '?x=1', '#frag', 'a/b', '\', '%', '%%', '%zz', '.', 'stacks', ';x=1', '../../v3/auth/tokens', '%2e%2e', 'a?b#c', 'http://127.0.0.1:9/') }
        'wildcard' { Get-Pick $r @('*', '?', '[', ']', '[a-', '`', '*[', '[]', 'a*b', '[!a]', '[a-z]*', '``[', '*`*') }
        'validname' {
            $first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
            $rest = $first + '0123456789_.-'
            [string]$first[$r.Next($first.Length)] + (-join (1..$r.Next(0, 30) | ForEach-Object { $rest[$r.Next($rest.Length)] }))
        }
    }
}

# A parameter value: mostly strings, sometimes the other things a script passes.
function New-FuzzValue([Random] $r) {
    if ($r.Next(10) -lt 7) {
        $kind = Get-Pick $r $stringKinds
        return [pscustomobject]@{ Kind = "string:$kind"; Value = (New-FuzzString $r $kind) }
    }
    $typed = @(
        @{ Kind = 'null'; Value = $null }
        @{ Kind = 'int'; Value = (Get-Pick $r @(0, -1, [int]::MaxValue, [int]::MinValue)) }
        @{ Kind = 'long'; Value = [long]::MinValue }
        @{ Kind = 'bigint'; Value = [bigint]::Pow(10, 40) }
        @{ Kind = 'decimal'; Value = [decimal]::MaxValue }
        @{ Kind = 'double'; Value = (Get-Pick $r @([double]::NaN, [double]::PositiveInfinity, [double]::NegativeInfinity, -0.0, 1e-300, 1.7976931348623157e308)) }
        @{ Kind = 'bool'; Value = ($r.Next(2) -eq 1) }
        @{ Kind = 'empty-array'; Value = @() }
        @{ Kind = 'array'; Value = @(1, 'a', $null, @(2, [double]::NaN), @{ k = 'v' }) }
        @{ Kind = 'hashtable'; Value = @{ a = @{ b = @{ c = 1 } }; 'wéird key' = "`0" } }
        @{ Kind = 'empty-hashtable'; Value = @{} }
        @{ Kind = 'pscustomobject'; Value = [pscustomobject]@{ a = 1; b = 'x' } }
        @{ Kind = 'datetime'; Value = [datetime]::new(2018, 8, 31, 0, 0, 0, [DateTimeKind]::Utc) }
        @{ Kind = 'guid'; Value = [guid]::Empty }
        @{ Kind = 'char'; Value = [char]0 }
        @{ Kind = 'bytes'; Value = [byte[]](0, 1, 255) }
        @{ Kind = 'scriptblock'; Value = { 'x' } }
        @{ Kind = 'nested-array-200'; Value = $(1..200 | ForEach-Object -Begin { $a = 'leaf' } -Process { $a = , $a } -End { , $a }) }
        @{ Kind = 'cyclic-hashtable'; Value = $(& { $h = @{ name = 'loop' }; $h.self = $h; $h }) }
    )
    $pick = Get-Pick $r $typed
    # A value that contains itself is rare in real scripts: a third as often as the others.
    if ($pick.Kind -eq 'cyclic-hashtable' -and $r.Next(3) -ne 0) { $pick = Get-Pick $r $typed[0..($typed.Count - 2)] }
    [pscustomobject]@{ Kind = $pick.Kind; Value = $pick.Value }
}

$baseYaml = @'
heat_template_version: 2018-08-31
description: fuzz base
parameters:
  p:
    type: string
    default: base
resources:
  none:
    type: OS::Heat::None
outputs:
  p:
    value: {get_param: p}
'@

$yamlTricks = @(
    "heat_template_version: 2018-08-31`nresources:`n  a: &a {type: OS::Heat::None}`n  b: *a"
    "x: &a [*a]"
    "heat_template_version: 2018-08-31`n<<: {description: merged}`nresources: {}"
    "heat_template_version: 2018-08-31`ndescription: !!python/object/apply:os.system ['true']"
    "heat_template_version: 2018-08-31`ndescription: !!binary aGVsbG8="
    "heat_template_version: 2018-08-31`nheat_template_version: 2016-10-14"
    "heat_template_version: 2018-08-31`nresources:`n`tnone: {type: OS::Heat::None}"
    ([string][char]0xFEFF + "heat_template_version: 2018-08-31`nresources: {}")
    "heat_template_version: 2018-08-31`n---`nheat_template_version: 2018-08-31"
    "%YAML 1.2`n---`nheat_template_version: 2018-08-31"
    "heat_template_version: 2018-08-31`r`nresources: {}`r`n"
    "heat_template_version: 2018-08-31`ndescription: a`0b"
    "? [a, b]`n: c"
    "{a: 1}: b"
    "heat_template_version: 2099-01-01"
    "heat_template_version: 2018-08-31`nresources: null"
    "heat_template_version: 2018-08-31`n1: x`n.inf: y`n0x1F: z`n2018-08-31: d"
    "heat_template_version: 2018-08-31`nresources:`n  r:`n    type: OS::Heat::None`n    depends_on: [r]"
    "heat_template_version: 2018-08-31`nresources:`n  r: {type: 'OS::Nova::Server'}"
    "heat_template_version: 2018-08-31`nparameters: {p: {type: number, default: 'not a number'}}"
    "heat_template_version: 2018-08-31`nresources: {r: {type: child.yaml}}"
    "heat_template_version: 2018-08-31`ndescription: {get_file: /etc/shadow}"
    "heat_template_version: 2018-08-31`ndescription: {get_file: 'file:///etc/passwd'}"
    "{`"heat_template_version`": `"2018-08-31`", `"a`": 1, `"a`": 2}"
    "{`"heat_template_version`": `"2018-08-31`", `"description`": `"\ud800`"}"
    "{`"heat_template_version`": `"2018-08-31`", `"description`": NaN}"
    "{`"heat_template_version`": `"2018-08-31`"} trailing"
    "{'heat_template_version': '2018-08-31'}"
    "a: b: c"
    "- [ ] { }"
    "&a a: *a"
    "*undefined"
    "!!map"
    "heat_template_version: 2018-08-31`nlaughs:`n  a: &a [x,x,x,x,x,x,x,x,x]`n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]`n  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]`n  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]`n  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]`n  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]`n  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]`n  h: [*g,*g,*g,*g,*g,*g,*g,*g,*g]"
)

$templateKinds = 'base', 'description', 'json', 'insert', 'truncate', 'flip', 'random', 'nested', 'huge', 'trick'

function New-FuzzTemplate([Random] $r) {
    $kind = Get-Pick $r $templateKinds
    $text = switch ($kind) {
        'base' { $baseYaml }
        'description' {
            # the fuzz string as a proper YAML double-quoted scalar (JSON's escapes are YAML's)
            $s = New-FuzzString $r (Get-Pick $r $stringKinds)
            $baseYaml -replace 'description: fuzz base', "description: $($s | ConvertTo-Json -Compress)"
        }
        'json' {
            $s = New-FuzzString $r (Get-Pick $r $stringKinds)
            [ordered]@{
                heat_template_version = '2018-08-31'; description = $s
                parameters = @{ p = @{ type = 'string'; default = $s } }
                resources = @{ none = @{ type = 'OS::Heat::None' } }
            } | ConvertTo-Json -Depth 5 -Compress
        }
        'insert' { $baseYaml.Insert($r.Next($baseYaml.Length + 1), (New-FuzzString $r (Get-Pick $r $stringKinds))) }
        'truncate' { $baseYaml.Substring(0, $r.Next(1, $baseYaml.Length)) }
        'flip' {
            $chars = $baseYaml.ToCharArray()
            foreach ($n in 1..$r.Next(1, 6)) { $chars[$r.Next($chars.Length)] = [char]$r.Next(0, 0x10000) }
            -join $chars
        }
        'random' { New-FuzzString $r (Get-Pick $r $stringKinds) }
        'nested' {
            # 30000 nested flow collections (60 KB) is where YamlDotNet's recursion overflows the stack here
            $depth = Get-Pick $r @(10, 100, 1000, 3000, 30000)
            switch ($r.Next(4)) {
                0 { ('[' * $depth) + (']' * $depth) }
                1 { ('{"a":' * $depth) + '1' + ('}' * $depth) }
                2 { "heat_template_version: 2018-08-31`ndescription: " + ('[' * $depth) + (']' * $depth) }
                3 { -join (0..([math]::Min($depth, 2000) - 1) | ForEach-Object { (' ' * $_) + "k${_}:`n" }) }
            }
        }
        'huge' { $baseYaml -replace 'fuzz base', ('x' * 600000) }
        'trick' { Get-Pick $r $yamlTricks }
    }
    [pscustomobject]@{ Kind = $kind; Text = $text }
}

# A stack name that holds the token somewhere (so only this run's stacks can ever match it).
function New-FuzzStackName([Random] $r, [string] $fuzz) {
    switch ($r.Next(4)) {
        0 { "$Token-$fuzz" }
        1 { "$Token$fuzz" }
        2 { "$fuzz$Token" }
        3 { $fuzz.Insert($r.Next($fuzz.Length + 1), $Token) }
    }
}

# A readable, bounded picture of an input for the report: escapes, length, head.
function Get-Preview($value) {
    if ($null -eq $value) { return '$null' }
    if ($value -isnot [string]) { return "[$($value.GetType().Name)]" }
    $escaped = -join ($value.ToCharArray() | Select-Object -First 60 | ForEach-Object {
            $c = [int]$_
            if ($c -lt 0x20 -or ($c -ge 0x7f -and $c -lt 0xa0) -or ($c -ge 0xD800 -and $c -le 0xDFFF) -or $c -in 0x2028, 0xFEFF, 0x200B, 0x202E) { '\u{0:x4}' -f $c } else { [string]$_ }
        })
    if ($value.Length -gt 60) { "$escaped... ($($value.Length) chars)" } else { $escaped }
}

# 'same', or what differs. UTF-8 has no way to carry a lone surrogate: the encoder sends U+FFFD in its place.
function Compare-Sent([string] $Sent, $Got) {
    $expected = [regex]::Replace($Sent, '[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]', [string][char]0xFFFD)
    if ($Got -is [string] -and $Got -ceq $expected) { 'same' } else { "sent $(Get-Preview $Sent), got $(Get-Preview $Got)" }
}

# ---- one operation ----------------------------------------------------------------------------------------------

function Invoke-FuzzOp {
    param([int] $Case, [string] $Op, [hashtable] $Inputs, [scriptblock] $Body, [scriptblock] $Check)
    if ($script:skipping -and $opOrder.IndexOf($Op) -le $opOrder.IndexOf($SkipThrough)) { return , @() }
    Write-Line ([ordered]@{ case = $Case; op = $Op; phase = 'begin'; inputs = $Inputs })
    $opErrors = $null; $terminating = $null; $out = @()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    try {
        $out = @(. $Body)
    }
    catch {
        $terminating = $_
    }
    $records = @(@($opErrors) | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    $describe = {
        param($e)
        $types = @(); $x = $e.Exception
        while ($x) { $types += $x.GetType().FullName; $x = $x.InnerException }
        [ordered]@{
            id = $e.FullyQualifiedErrorId; category = "$($e.CategoryInfo.Category)"; types = $types
            hasTarget = $null -ne $e.TargetObject
            target = Get-Preview $(if ($e.TargetObject -is [string]) { $e.TargetObject } elseif ($e.TargetObject.StackName) { $e.TargetObject.StackName } else { $null })
            message = Get-Preview "$($e.Exception.Message)"
        }
    }
    Write-Line ([ordered]@{
            case = $Case; op = $Op; phase = 'end'; inputs = $Inputs
            seconds = [math]::Round($watch.Elapsed.TotalSeconds, 3)
            outputs = $out.Count
            outputStatus = @($out | ForEach-Object { if ($_.PSObject.Properties['StackStatus']) { "$($_.StackName)|$($_.StackStatus)" } })
            errors = @($records | ForEach-Object { & $describe $_ })
            terminating = if ($terminating) { & $describe $terminating } else { $null }
            check = if ($Check -and $out.Count) { & $Check $out } else { $null }
        })
    , $out
}

# ---- the cases --------------------------------------------------------------------------------------------------

# The operations of a case, in order (a resumed case skips those up to -SkipThrough).
$opOrder = [Collections.Generic.List[string]]@('New-HeatStack', 'Get-HeatStack(raw)', 'Get-HeatStack', 'Test-HeatTemplate',
    'Test-HeatTemplate -Offline', 'Remove-HeatStack -Force')
if ($SkipThrough -and -not $opOrder.Contains($SkipThrough)) { throw "-SkipThrough '$SkipThrough' is none of: $($opOrder -join ', ')" }
$script:skipping = [bool]$SkipThrough
for ($case = $FirstCase; $case -lt $Cases; $case++) {
    if ($case -gt $FirstCase) { $script:skipping = $false }
    $r = [Random]::new(($Seed * 7919 + $case) -band 0x7fffffff)
    $nameKind = Get-Pick $r $stringKinds
    $fuzzName = New-FuzzString $r $nameKind
    $stackName = New-FuzzStackName $r $fuzzName
    $value = New-FuzzValue $r
    $template = New-FuzzTemplate $r
    # Half the creations use the base template, so that a name or a value that Heat accepts makes a real stack.
    $createText = if ($r.Next(2)) { $baseYaml } else { $template.Text }
    $createKind = if ($createText -eq $baseYaml) { 'base' } else { $template.Kind }
    $parameters = @{ p = $value.Value }
    if ($r.Next(8) -eq 0) {
        # a fuzzed parameter name as well
        $parameters[(New-FuzzString $r (Get-Pick $r $stringKinds)) + 'k'] = 'x'
    }

    $common = @{ Session = $session; ErrorAction = 'SilentlyContinue'; ErrorVariable = 'opErrors' }
    $nameIn = @{ nameKind = $nameKind; name = Get-Preview $stackName; nameLength = $stackName.Length }
    $valueIn = @{ valueKind = $value.Kind; value = Get-Preview $value.Value }

    $created = Invoke-FuzzOp $case 'New-HeatStack' ($nameIn + $valueIn + @{ templateKind = $createKind; template = Get-Preview $createText }) {
        New-HeatStack @common -Name $stackName -Template $createText -Parameter $parameters
    }
    $null = Invoke-FuzzOp $case 'Get-HeatStack(raw)' @{ nameKind = $nameKind; name = Get-Preview $fuzzName; nameLength = $fuzzName.Length } {
        Get-HeatStack @common -Name $fuzzName
    }
    # A string value must come back as it was sent: from the stack Heat made, and from Heat's /validate.
    $sameValue = if ($value.Kind -like 'string:*') { { param($out) Compare-Sent $value.Value $out[0].Parameters.p } }
    $sameValidated = if ($value.Kind -like 'string:*') {
        {
            param($out)
            $p = @($out[0].Parameters) | Where-Object Name -eq 'p'
            # Heat leaves Value out for an empty or missing value
            if ($p -and $null -ne $p.Value) { Compare-Sent $value.Value $p.Value }
        }
    }
    if (@($created).Count -gt 0) {
        # Only for a stack that was made (the raw name above already takes the fuzzed name to Heat's URL).
        $null = Invoke-FuzzOp $case 'Get-HeatStack' $nameIn {
            Get-HeatStack @common -Name $stackName
        } $sameValue
    }
    $null = Invoke-FuzzOp $case 'Test-HeatTemplate' ($valueIn + @{ templateKind = $template.Kind; template = Get-Preview $template.Text; templateLength = "$($template.Text)".Length }) {
        Test-HeatTemplate @common -Template $template.Text -Parameter $parameters
    } $sameValidated
    $null = Invoke-FuzzOp $case 'Test-HeatTemplate -Offline' @{ templateKind = $template.Kind; template = Get-Preview $template.Text; templateLength = "$($template.Text)".Length } {
        Test-HeatTemplate -ErrorAction SilentlyContinue -ErrorVariable opErrors -Template $template.Text -Offline
    }
    $null = Invoke-FuzzOp $case 'Remove-HeatStack -Force' $nameIn {
        Remove-HeatStack @common -Name $stackName -Force
    }
}
Write-Line ([ordered]@{ phase = 'done'; first = $FirstCase; cases = $Cases })
$writer.Dispose()
