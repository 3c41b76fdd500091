using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Analysis.Schemas;
using Heat.Client.Templates;
using Heat.PowerShell.Analysis;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Checks Heat templates against rules, as Invoke-ScriptAnalyzer checks scripts; needs no cloud.</summary>
    /// <remarks>
    /// <para>Invoke-HeatTemplateAnalyzer reads each template (files, or every .yaml, .yml, .json and .template file of a
    /// folder; -Recurse for subfolders) with the module's own reader and writes one HeatTemplateDiagnostic per finding:
    /// RuleName, Severity (Error, Warning, Information), File, Line, Column, Message, Target (the resource, parameter or
    /// output) and SuggestedFix. A file that does not parse is one HeatTemplateInvalid finding at the line and column of
    /// the fault; an environment file or a YAML file that is not a template (a CI tool's list, a playbook), met in a
    /// folder, is passed over (-Verbose says so).</para>
    /// <para>Templates are read with the module's loader, as for a create: child templates, get_file and the
    /// resource_registry of -EnvironmentPath resolve, and what the loader refuses (a missing child or file) is a
    /// HeatTemplateInvalid finding.</para>
    /// <para>Rules: HeatMissingReference (get_param, get_resource, get_attr, depends_on, Ref, a condition naming what the
    /// template does not declare), HeatDependencyCycle, HeatFunctionNotInVersion (a function the heat_template_version does
    /// not have), HeatUnusedParameter, HeatSecretParameter (a password, secret, token or key not hidden, or with a
    /// default), HeatOutputExposesHidden, HeatMissingDescription (Information) and HeatHardcodedName (an image, flavor,
    /// network or key pair named in the template; Information; option Properties). A child template is checked by its
    /// parameters and outputs: HeatUnknownProperty, HeatMissingRequiredProperty, HeatUnknownAttribute.</para>
    /// <para>With schemas (-SchemaPath: a file saved with <c>Get-HeatResourceType * -Schema | ConvertTo-Json -Depth 12</c>,
    /// or -Online: the connected cloud's) the same three rules check every resource against its type, nested maps and
    /// lists included, and HeatUnknownResourceType (a type missing from a namespace the cloud offers, or one Heat does not
    /// know), HeatUnavailableResourceType (a warning: a type policy reserves for other users, or whose service the cloud
    /// does not run) and HeatDeprecatedResourceType join them.</para>
    /// <para>-IncludeRule, -ExcludeRule (wildcards) and -Severity choose. -Settings takes a .psd1 file or a hashtable in
    /// PSScriptAnalyzer's shape (IncludeRules, ExcludeRules, Severity, Rules with Enable, Severity and options per rule,
    /// Suppress, CustomRulePath, SchemaPath); it is read as data, and a key or option it does not have is a
    /// HeatAnalyzerSettingsInvalid error. A comment in the template suppresses a rule for its line and the next
    /// (<c># heat-analyzer: disable=HeatUnusedParameter</c>) or for the file
    /// (<c># heat-analyzer: disable-file=HeatHardcodedName</c>).</para>
    /// <para>-CustomRulePath imports scripts or modules whose functions with a parameter typed
    /// [Heat.Client.Analysis.AnalyzedTemplate] are rules: each returns hashtables with Message and a Token of the
    /// template (its line and column are taken), and Target, SuggestedFix and Severity as it likes. A rule that throws is a
    /// HeatCustomRuleFailed error for that template; the modules are removed when the command ends.</para>
    /// <para>-Format Sarif writes SARIF 2.1.0 instead (to -OutFile, or to the pipeline as text) for code scanning in GitHub
    /// and Azure DevOps; paths under the current location are written relative to it.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Invoke-HeatTemplateAnalyzer ./templates -Recurse | Format-Table File, Line, Severity, RuleName, Message
    /// </code>
    /// <para>Checks every template under ./templates and lists the findings.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Invoke-HeatTemplateAnalyzer ./templates -Recurse -Severity Error, Warning -Format Sarif -OutFile heat.sarif
    /// </code>
    /// <para>Writes the errors and warnings as SARIF for a pipeline's code scanning.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatResourceType * -Schema | ConvertTo-Json -Depth 12 | Set-Content schemas.json
    /// Invoke-HeatTemplateAnalyzer ./templates -Recurse -SchemaPath schemas.json -Settings ./heat-analyzer.psd1
    /// </code>
    /// <para>Saves the cloud's resource type schemas once, then checks templates against them offline with the team's
    /// settings.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Invoke-HeatTemplateAnalyzer ./app.yaml -EnvironmentPath ./env/prod.yaml -CustomRulePath ./examples/HeatCustomRules.psm1
    /// </code>
    /// <para>Checks a template with its environment's resource_registry, and with custom rules beside the built-in ones.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "HeatTemplateAnalyzer")]
    [OutputType(typeof(HeatTemplateDiagnostic), typeof(string))]
    public sealed class InvokeHeatTemplateAnalyzer : HeatCmdlet
    {
        private static readonly string[] TemplateExtensions = { ".yaml", ".yml", ".json", ".template" };

        private readonly List<HeatTemplateDiagnostic> _sarif = new List<HeatTemplateDiagnostic>();

        private TemplateAnalyzer _analyzer;
        private CustomRuleLoader _customRules;
        private SessionSchemas _online;
        private ResourceSchemaCatalog _schemas;
        private string[] _environments;

        /// <summary>Template files or folders (wildcards allowed); binds piped files by FullName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; }

        /// <summary>With a folder: its subfolders too.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>Environment files for every template: their resource_registry maps resource types (to types or child
        /// templates) and their parameters count as given, as for a create.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] EnvironmentPath { get; set; }

        /// <summary>A settings file (.psd1) or hashtable in PSScriptAnalyzer's shape: IncludeRules, ExcludeRules, Severity,
        /// Rules (per rule Enable, Severity and options), Suppress, CustomRulePath and SchemaPath. Parameters given with the
        /// command win over it. See about_Heat.PowerShell_Templates.</summary>
        [Parameter]
        [ValidateNotNull]
        public object Settings { get; set; }

        /// <summary>Scripts or modules (or folders of them) whose functions taking a [Heat.Client.Analysis.AnalyzedTemplate]
        /// are rules too.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] CustomRulePath { get; set; }

        /// <summary>A file of resource type schemas saved from a cloud (<c>Get-HeatResourceType * -Schema | ConvertTo-Json
        /// -Depth 12</c>, or Heat's own schema JSON): the resource type rules check against it, with no cloud.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string SchemaPath { get; set; }

        /// <summary>Check resource types against the connected cloud's schemas (Connect-HeatService): its type list once,
        /// then each type's schema the first time a template uses it.</summary>
        [Parameter]
        public SwitchParameter Online { get; set; }

        /// <summary>Only these rules (names, wildcards).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] IncludeRule { get; set; }

        /// <summary>Not these rules (names, wildcards).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] ExcludeRule { get; set; }

        /// <summary>Only findings of these severities.</summary>
        [Parameter]
        public HeatDiagnosticSeverity[] Severity { get; set; }

        /// <summary>Object (the default): a HeatTemplateDiagnostic per finding. Sarif: one SARIF 2.1.0 log of all of them.</summary>
        [Parameter]
        [ValidateSet("Object", "Sarif")]
        public string Format { get; set; } = "Object";

        /// <summary>With -Format Sarif: the file to write (replaced when it exists); left out, the log goes to the
        /// pipeline as text.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Online && SchemaPath != null) ThrowTerminatingError(ErrorCatalog.Usage("HeatAnalyzerSchemaConflict", "Give -SchemaPath or -Online, not both.", null, nameof(Online)));
            try
            {
                var settings = ReadSettings();
                var excluded = new List<string>(ExcludeRule ?? settings?.ExcludeRules ?? Array.Empty<string>());
                _analyzer = new TemplateAnalyzer
                {
                    IncludeRules = IncludeRule ?? settings?.IncludeRules,
                    ExcludeRules = excluded,
                    RuleFailed = (rule, template, e) => WriteError(ErrorCatalog.ToErrorRecord(e is AnalyzerException ? e : new AnalyzerException(AnalyzerProblem.CustomRule, $"Rule {rule.Name} failed on {template.File}: {e.Message}", e), "HeatTemplate", template.File)),
                };
                var severities = Severity ?? settings?.Severity;
                _analyzer.Severities = severities == null ? null : new HashSet<HeatDiagnosticSeverity>(severities);
                _customRules = new CustomRuleLoader(this);
                foreach (var path in (CustomRulePath?.Select(GetUnresolvedProviderPathFromPSPath) ?? Enumerable.Empty<string>()).Concat(settings?.CustomRulePath ?? Array.Empty<string>()))
                {
                    foreach (var rule in _customRules.Load(path)) _analyzer.Add(rule);
                }
                settings?.ApplyTo(_analyzer, excluded);
                _environments = EnvironmentPath?.Select(GetUnresolvedProviderPathFromPSPath).ToArray();
                var schemaPath = SchemaPath == null ? settings?.SchemaPath : GetUnresolvedProviderPathFromPSPath(SchemaPath);
                if (schemaPath != null) _schemas = ReadSchemas(schemaPath);
            }
            catch (AnalyzerException e)
            {
                _customRules?.Unload();
                ThrowTerminatingError(ErrorCatalog.ToErrorRecord(e, "HeatTemplate", null));
            }
            if (Online)
            {
                _online = Await(SessionSchemas.ListAsync(Client, CancellationToken));
                _schemas = _online.Catalog;
            }
        }

        protected override void ProcessRecord()
        {
            ForEachResolvedPath(Path, "HeatTemplate", path =>
            {
                if (!Directory.Exists(path))
                {
                    Analyze(path, fromFolder: false);
                    return;
                }
                var files = Directory.EnumerateFiles(path, "*", Recurse ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                    .Where(f => TemplateExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal);
                foreach (var file in files) TryItem("HeatTemplate", file, () => Analyze(file, fromFolder: true));
            });
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            _customRules?.Unload();
            if (Format != "Sarif") return;
            var log = SarifLog.Create(_sarif, _analyzer.Rules, SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                typeof(InvokeHeatTemplateAnalyzer).Assembly.GetName().Version?.ToString() ?? "0");
            var text = log.ToString(Newtonsoft.Json.Formatting.Indented);
            if (OutFile == null)
            {
                WriteObject(text);
                return;
            }
            File.WriteAllText(GetUnresolvedProviderPathFromPSPath(OutFile), text, new System.Text.UTF8Encoding(false));
        }

        private void Analyze(string file, bool fromFolder)
        {
            IReadOnlyList<HeatTemplateDiagnostic> found;
            try
            {
                var template = AnalyzedTemplate.Load(file, _environments, _schemas);
                if (_online != null) Await(_online.FillAsync(template, CancellationToken));
                found = _analyzer.Analyze(template);
            }
            catch (TemplateException e) when (fromFolder && (e.Problem == TemplateProblem.EnvironmentAsTemplate || e.Problem == TemplateProblem.MissingVersion ||
                                                             e.Problem == TemplateProblem.InvalidStructure))
            {
                WriteVerbose($"{file} is not a template ({e.Problem}); passed over.");
                return;
            }
            catch (TemplateException e) when (e.Problem != TemplateProblem.FileNotFound && e.Problem != TemplateProblem.NotRegularFile)
            {
                found = new[] { TemplateAnalyzer.Invalid(file, e) };
            }
            foreach (var diagnostic in found)
            {
                if (Format == "Sarif") _sarif.Add(diagnostic);
                else WriteObject(diagnostic);
            }
        }

        private AnalyzerSettings ReadSettings()
        {
            switch (Settings is PSObject wrapped ? wrapped.BaseObject : Settings)
            {
                case null: return null;
                case System.Collections.Hashtable table: return AnalyzerSettings.From(table, SessionState.Path.CurrentFileSystemLocation.ProviderPath);
                case string path: return AnalyzerSettings.Read(GetUnresolvedProviderPathFromPSPath(path));
                default: throw new AnalyzerException(AnalyzerProblem.Settings, "-Settings is a .psd1 file's path or a hashtable.");
            }
        }

        private static ResourceSchemaCatalog ReadSchemas(string path)
        {
            try
            {
                return ResourceSchemaCatalog.FromJson(LocalText.Read(path, "the schema file"), path);
            }
            catch (Exception e) when (e is FormatException || e is TemplateException)
            {
                throw new AnalyzerException(AnalyzerProblem.Schema, e.Message, e);
            }
        }
    }
}
