using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Reflection;
using System.Security;
using System.Text.RegularExpressions;
using Heat.Client;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// A template's parameters as cmdlet parameters, as New-AzResourceGroupDeployment offers an ARM template's: typed,
    /// with the template's constraints as validation, mandatory when nothing gives a value. Templates are hostile, so what
    /// is built is bounded: at most <see cref="MaxParameters"/>, only names PowerShell can take, no help text or allowed
    /// value that could drive a terminal. A parameter left out stays reachable through -Parameter.
    /// </summary>
    internal static class TemplateParameterSet
    {
        /// <summary>At most this many template parameters become cmdlet parameters.</summary>
        public const int MaxParameters = 200;

        /// <summary>A list of allowed values longer than this is checked, but not offered for completion.</summary>
        public const int MaxAllowedValues = 1000;

        /// <summary>What a template parameter whose name is taken (-Verbose, -Tag, -Name) is called instead.</summary>
        public const string ClashSuffix = "FromTemplate";

        private const int MaxNameLength = 128;
        private const int MaxHelpLength = 500;

        private static readonly Regex ParameterName = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        private static readonly string[] CommonNames = NamesOf(typeof(CommonParameters), typeof(ShouldProcessParameters), typeof(PagingParameters))
            .ToArray();

        /// <summary>The cmdlet parameters, each with the template parameter it stands for.</summary>
        /// <param name="taken">Names and aliases the cmdlet already has (its own and its dynamic group's).</param>
        /// <param name="valuesRequired">Whether the command needs a value for each parameter without a default (a create
        /// does; a validation or a patch does not).</param>
        public static List<KeyValuePair<RuntimeDefinedParameter, string>> Build(CommandLineTemplate template, ISet<string> taken, bool valuesRequired)
        {
            var built = new List<KeyValuePair<RuntimeDefinedParameter, string>>();
            var used = new HashSet<string>(taken.Concat(CommonNames), StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in HeatTemplateValidation.FromTemplate(template.Template, null).Parameters)
            {
                if (built.Count >= MaxParameters) break;
                var name = parameter.Name;
                if (name == null || name.Length > MaxNameLength || !ParameterName.IsMatch(name)) continue;
                var cmdletName = used.Contains(name) ? name + ClashSuffix : name;
                if (!used.Add(cmdletName)) continue;
                var mandatory = valuesRequired && parameter.Default == null && !template.GivenUnknown && !template.Given.Contains(name);
                built.Add(new KeyValuePair<RuntimeDefinedParameter, string>(
                    new RuntimeDefinedParameter(cmdletName, TypeOf(parameter), Attributes(parameter, mandatory, template.SetName)), name));
            }
            return built;
        }

        /// <summary>The names and aliases of a parameter class or a cmdlet.</summary>
        public static IEnumerable<string> NamesOf(params Type[] types) =>
            types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                .Where(p => p.GetCustomAttributes<ParameterAttribute>(true).Any())
                .SelectMany(p => new[] { p.Name }.Concat(p.GetCustomAttributes<AliasAttribute>(true).SelectMany(a => a.AliasNames)));

        private static Type TypeOf(HeatTemplateParameter parameter)
        {
            if (parameter.NoEcho) return typeof(SecureString);
            switch ((parameter.Type ?? string.Empty).ToLowerInvariant())
            {
                case "number": return typeof(double);
                case "boolean": return typeof(bool);
                case "comma_delimited_list":
                case "commadelimitedlist": return typeof(string[]);
                case "json": return typeof(Hashtable);
                default: return typeof(string);
            }
        }

        private static Collection<Attribute> Attributes(HeatTemplateParameter parameter, bool mandatory, string setName)
        {
            var declared = new ParameterAttribute { Mandatory = mandatory, ParameterSetName = setName };
            var help = Shorten(TerminalText.Line(parameter.Description));
            if (!string.IsNullOrWhiteSpace(help)) declared.HelpMessage = help;
            var attributes = new Collection<Attribute> { declared };
            // A secret is opened only into the request: Heat checks its constraints, not the binding.
            if (parameter.NoEcho) return attributes;
            // First, so that a refusal is in Heat's words; the attributes after it show the constraints (Get-Command,
            // completion) and never refuse what Heat takes.
            attributes.Add(new TemplateConstraintAttribute(parameter));
            var type = (parameter.Type ?? string.Empty).ToLowerInvariant();
            bool list = type == "comma_delimited_list" || type == "commadelimitedlist";
            foreach (var constraint in parameter.Constraints)
            {
                var shown = Shown(constraint, type, list);
                if (shown != null) attributes.Add(shown);
            }
            return attributes;
        }

        /// <summary>The PowerShell attribute that shows a constraint, or null. allowed_pattern has none: ValidatePattern
        /// has no time limit, and a hostile pattern would hang the binding (Heat's check runs with one).</summary>
        private static Attribute Shown(HeatParameterConstraint constraint, string type, bool list)
        {
            try
            {
                switch (constraint.Kind)
                {
                    case "allowed_values" when type != "boolean" && type != "json":
                        var values = (constraint["allowed_values"] as IEnumerable)?.Cast<object>().Select(v => v is JToken t ? t.ToString() : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                        if (values == null || constraint["allowed_values"] is string || values.Length == 0 || values.Length > MaxAllowedValues ||
                            values.Any(v => string.IsNullOrEmpty(v) || v.Length > MaxNameLength || !TerminalText.IsClean(v) || v.Contains('\n')))
                        {
                            return null;
                        }
                        return new ValidateSetAttribute(values) { IgnoreCase = false };
                    case "range" when type == "number":
                        var range = constraint["range"] as IDictionary;
                        double low = Bound(range?["min"], double.MinValue), high = Bound(range?["max"], double.MaxValue);
                        return low <= high ? new ValidateRangeAttribute(low, high) : null;
                    case "length" when type == "string" || list:
                        var length = constraint["length"] as IDictionary;
                        int min = (int)Math.Max(0, Math.Min(int.MaxValue, Bound(length?["min"], 0)));
                        int max = (int)Math.Max(0, Math.Min(int.MaxValue, Bound(length?["max"], int.MaxValue)));
                        if (min > max || max == 0) return null;
                        return list ? new ValidateCountAttribute(min, max) : (Attribute)new ValidateLengthAttribute(min, max);
                    default:
                        return null;
                }
            }
            catch (Exception e) when (e is ArgumentException || e is FormatException || e is InvalidCastException || e is OverflowException ||
                                      e is MetadataException)
            {
                // A bound Heat would refuse the template for: Heat's check reports it when the command runs.
                return null;
            }
        }

        private static double Bound(object value, double none) =>
            value == null ? none : Convert.ToDouble(value is JValue json ? json.Value : value, System.Globalization.CultureInfo.InvariantCulture);

        private static string Shorten(string text) => text == null || text.Length <= MaxHelpLength ? text : text.Substring(0, MaxHelpLength) + "...";
    }
}
