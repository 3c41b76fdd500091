using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Analysis.Schemas;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis
{
    /// <summary>
    /// A template as the rules see it: parsed by the module's own reader (YAML scalars as Heat reads them, aliases
    /// counted, size bounded), every token keeping its line and column, with its sections and the intrinsic function
    /// calls found in it.
    /// </summary>
    public sealed class AnalyzedTemplate
    {
        internal AnalyzedTemplate(string file, string text, JObject root)
        {
            File = file;
            Text = text;
            Root = root;
            IsHot = root["heat_template_version"] != null;
            Calls = FunctionCall.FindAll(root).ToList();
        }

        /// <summary>Parses <paramref name="text"/> as a template (HOT or CloudFormation).</summary>
        /// <exception cref="TemplateException">It does not parse, or is not a template.</exception>
        public static AnalyzedTemplate Parse(string file, string text) => new AnalyzedTemplate(file, text, TemplateFormat.ParseTemplate(text, file));

        /// <summary>
        /// Reads and parses a template file, then runs the module's loader over it without any network, so that its
        /// child templates, get_file and the environments' resource_registry resolve exactly as for a create. A
        /// problem the loader finds (a missing child or file) is kept in <see cref="LoadProblem"/>, not thrown: the
        /// rules still run on what parsed.
        /// </summary>
        /// <exception cref="TemplateException">The file cannot be read, or does not parse as a template.</exception>
        public static AnalyzedTemplate Load(string file, IEnumerable<string>? environmentPaths, ResourceSchemaCatalog? schemas)
        {
            var template = Parse(file, LocalText.Read(file, "the template"));
            template.Schemas = schemas;
            var request = new TemplateRequest { TemplatePath = file };
            foreach (var environment in environmentPaths ?? Enumerable.Empty<string>()) request.EnvironmentPaths.Add(environment);
            try
            {
                var bundle = TemplateLoader.CheckLocal(request);
                template.Types = TypeResolver.Resolve(bundle);
                foreach (var section in new[] { "parameters", "parameter_defaults" })
                {
                    foreach (var given in (bundle.Environment?[section] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>()) template.EnvironmentDefaults.Add(given.Name);
                }
            }
            catch (TemplateException e)
            {
                template.LoadProblem = e;
            }
            return template;
        }

        public string File { get; }

        /// <summary>The file's text, for suppression comments.</summary>
        public string Text { get; }

        public JObject Root { get; }

        /// <summary>HOT (heat_template_version); otherwise CloudFormation.</summary>
        public bool IsHot { get; }

        public JObject Parameters => Section("parameters", "Parameters");

        public JObject Resources => Section("resources", "Resources");

        public JObject Outputs => Section("outputs", "Outputs");

        public JObject Conditions => Section("conditions", "Conditions");

        /// <summary>The resource types and schemas to check against (from a saved file or a session); null when none were given.</summary>
        public ResourceSchemaCatalog? Schemas { get; set; }

        /// <summary>Each resource's type as the environment and the loader resolve it; empty when the template was only parsed.</summary>
        public IReadOnlyDictionary<string, ResolvedType> Types { get; private set; } = new Dictionary<string, ResolvedType>();

        /// <summary>Parameter names the environments give values for (parameters, parameter_defaults): a child
        /// template's parameter given there is not missing.</summary>
        public ISet<string> EnvironmentDefaults { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>What the loader refused (a child template or file that is missing or invalid); null when it loaded.</summary>
        public TemplateException? LoadProblem { get; private set; }

        /// <summary>The names of the resources, in the template's order.</summary>
        public IEnumerable<string> ResourceNames => Resources.Properties().Select(p => p.Name);

        /// <summary>A resource's type: as resolved, or as written when the template was only parsed; null when it has none.</summary>
        public ResolvedType? TypeOf(string resource)
        {
            if (Types.TryGetValue(resource, out var resolved)) return resolved;
            var definition = Resources[resource] as JObject;
            return (definition?["type"] ?? definition?["Type"]) is JValue value && value.Type == JTokenType.String ? new ResolvedType((string)value!, null) : null;
        }

        /// <summary>Every intrinsic function call in the template (get_param, get_resource, get_attr, Ref, Fn::GetAtt ...).</summary>
        public IReadOnlyList<FunctionCall> Calls { get; }

        /// <summary>A parameter Heat gives without a declaration: HOT's OS::stack_name and the like, CloudFormation's AWS::*.</summary>
        public static bool IsPseudoParameter(string name) => TemplateLint.PseudoParameters.Contains(name) || name.StartsWith("AWS::", StringComparison.Ordinal);

        /// <summary>Whether a declared parameter is hidden (hidden: true, or NoEcho).</summary>
        public bool IsHidden(string parameter) => ParameterSchemata.IsHidden(Parameters[parameter] as JObject);

        /// <summary>The names a resource's depends_on (DependsOn) gives, one name or a list, as their tokens.</summary>
        public static IEnumerable<JToken> DependsOn(JObject definition)
        {
            var value = definition["depends_on"] ?? definition["DependsOn"];
            return value is JArray list ? list.Where(t => t.Type == JTokenType.String)
                : value?.Type == JTokenType.String ? new[] { value } : Enumerable.Empty<JToken>();
        }

        /// <summary>Line and column of a token (the key's for a property), or the nearest position above it.</summary>
        public static SourcePositionInfo? PositionOf(JToken? token)
        {
            for (var at = token; at != null; at = at.Parent)
            {
                var position = SourcePosition.Of(at);
                if (position != null) return new SourcePositionInfo(position.Line, position.Column);
            }
            return null;
        }

        private JObject Section(string hot, string cfn) => (Root[IsHot ? hot : cfn] ?? Root[hot] ?? Root[cfn]) as JObject ?? new JObject();
    }

    /// <summary>A 1-based line and column in a file.</summary>
    public sealed class SourcePositionInfo
    {
        public SourcePositionInfo(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }
    }
}
