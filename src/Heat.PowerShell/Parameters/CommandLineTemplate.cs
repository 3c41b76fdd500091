using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Language;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// The template named on the command line (-TemplatePath or -Template, a literal or a variable), parsed, and the
    /// parameter names that already have a value there (-Parameter, -ParameterFile, -EnvironmentPath), read when
    /// PowerShell asks for the dynamic parameters. Anything that cannot be read gives no template: the cmdlet then reports
    /// the problem as it always has, when it runs.
    /// </summary>
    internal sealed class CommandLineTemplate
    {
        // Binding the command line statically asks the cmdlet for its dynamic parameters again: that inner call gets the
        // group alone, or each call would parse the command line once more, without end.
        [ThreadStatic]
        private static bool t_reading;

        private CommandLineTemplate(JObject template, string setName)
        {
            Template = template;
            SetName = setName;
        }

        public JObject Template { get; }

        /// <summary>The parameter set of the template's source (-TemplatePath or -Template): its parameters belong there,
        /// so that -AdoptPath or -TemplateUrl never ask for them.</summary>
        public string SetName { get; }

        /// <summary>Names given a value by -Parameter, -ParameterFile or an environment's parameters or parameter_defaults.</summary>
        public HashSet<string> Given { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Some values come from where the command line does not show (a computed -Parameter): none is then mandatory.</summary>
        public bool GivenUnknown { get; private set; }

        public static CommandLineTemplate Read(PSCmdlet cmdlet)
        {
            if (t_reading) return null;
            t_reading = true;
            try
            {
                var command = CommandLineText.Find(cmdlet);
                if (command == null) return null;
                var bound = StaticParameterBinder.BindCommand(command, resolve: true).BoundParameters;
                var template = ParseTemplate(cmdlet, bound);
                if (template == null) return null;
                var setName = bound.ContainsKey("Template") ? TemplateSourceParameters.BodySet : TemplateSourceParameters.PathSet;
                var result = new CommandLineTemplate(template, setName)
                {
                    // Piped records may bring their own -Parameter (a CSV column): nothing is asked of them up front.
                    GivenUnknown = cmdlet.MyInvocation.ExpectingInput ||
                                   command.Parent is PipelineAst pipeline && pipeline.PipelineElements.IndexOf(command) > 0,
                };
                result.AddNames(ValueOf(cmdlet, bound, "Parameter"));
                result.AddNames(ValueOf(cmdlet, bound, "ParameterFile"));
                if (bound.ContainsKey("EnvironmentPath")) result.AddEnvironments(cmdlet, ValueOf(cmdlet, bound, "EnvironmentPath"));
                return result;
            }
            catch (Exception e) when (!(e is OutOfMemoryException || e is StackOverflowException))
            {
                // A template that cannot be read here is reported by the cmdlet when it runs, in its own words.
                return null;
            }
            finally
            {
                t_reading = false;
            }
        }

        private static JObject ParseTemplate(PSCmdlet cmdlet, IDictionary<string, ParameterBindingResult> bound)
        {
            if (ValueOf(cmdlet, bound, "Template") is string text) return ParseText(text);
            var path = PathOf(cmdlet, ValueOf(cmdlet, bound, "TemplatePath"));
            return path == null ? null : ParseFile(path);
        }

        /// <summary>Template text, up to Heat's size; throws as <see cref="TemplateFormat.ParseTemplate"/> does.</summary>
        internal static JObject ParseText(string text) =>
            text.Length > TemplateLimits.MaxTemplateBytes ? null : TemplateFormat.ParseTemplate(text, "(template text)");

        /// <summary>A template file, up to Heat's size; throws as <see cref="TemplateFormat.ParseTemplate"/> does.</summary>
        internal static JObject ParseFile(string path) => TemplateFormat.ParseTemplate(ReadCapped(path), path);

        private static string PathOf(PSCmdlet cmdlet, object value)
        {
            var path = value is FileInfo file ? file.FullName : value as string;
            if (string.IsNullOrEmpty(path) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }

        private static string ReadCapped(string path)
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > TemplateLimits.MaxTemplateBytes) throw new IOException("not read for dynamic parameters");
            return TemplateFormat.DecodeText(File.ReadAllBytes(path), path);
        }

        /// <summary>A literal's value, or a plain variable's (<c>$path</c>, <c>$params</c>): nothing that runs code.</summary>
        private static object ValueOf(PSCmdlet cmdlet, IDictionary<string, ParameterBindingResult> bound, string name)
        {
            if (!bound.TryGetValue(name, out var result)) return null;
            if (result.ConstantValue != null) return Unwrap(result.ConstantValue);
            switch (result.Value)
            {
                case VariableExpressionAst variable when !variable.Splatted && variable.VariablePath.IsVariable:
                    return Unwrap(cmdlet.SessionState.PSVariable.GetValue(variable.VariablePath.UserPath));
                case HashtableAst table:
                    return table;
                case ArrayLiteralAst list:
                    return list;
                default:
                    return Unknown.Value;
            }
        }

        private static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private void AddNames(object value)
        {
            switch (value)
            {
                case null:
                    return;
                case HashtableAst table:
                    foreach (var pair in table.KeyValuePairs)
                    {
                        if (pair.Item1 is StringConstantExpressionAst key) Given.Add(key.Value);
                        else GivenUnknown = true;
                    }
                    return;
                case IDictionary map:
                    foreach (var key in map.Keys) Given.Add(Convert.ToString(Unwrap(key), System.Globalization.CultureInfo.InvariantCulture));
                    return;
                default:
                    // JSON or name=value text, or an expression: the names are not known here.
                    GivenUnknown = true;
                    return;
            }
        }

        private void AddEnvironments(PSCmdlet cmdlet, object value)
        {
            IEnumerable paths = value is ArrayLiteralAst list ? ConstantsOf(list) : value is string one ? new[] { one } : value as IEnumerable;
            if (paths == null || value is Unknown)
            {
                GivenUnknown = true;
                return;
            }
            foreach (var item in paths)
            {
                var path = PathOf(cmdlet, Unwrap(item));
                if (path == null)
                {
                    GivenUnknown = true;
                    continue;
                }
                var environment = TemplateFormat.ParseEnvironment(ReadCapped(path), path);
                foreach (var section in new[] { "parameters", "parameter_defaults" })
                {
                    if (environment[section] is JObject values) foreach (var property in values.Properties()) Given.Add(property.Name);
                }
            }
        }

        private static IEnumerable ConstantsOf(ArrayLiteralAst list)
        {
            var values = new List<object>();
            foreach (var element in list.Elements) values.Add(element is StringConstantExpressionAst s ? s.Value : null);
            return values;
        }

        /// <summary>A value the command line holds but that only running code would give.</summary>
        private sealed class Unknown
        {
            public static readonly Unknown Value = new Unknown();
        }
    }
}
