using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>
    /// The parameter values a create would send, checked as Heat's engine checks them (heat/engine/parameters.py), which
    /// its /validate does not do: the type (number, boolean, comma_delimited_list, json), the constraints (range, length,
    /// modulo, allowed_values, allowed_pattern; custom constraints need the cloud and are left to it), and a value for
    /// every parameter without a default. Each problem in Heat's words, one per parameter (Heat stops at its first).
    /// </summary>
    public static class ParameterCheck
    {
        /// <param name="template">The template (HOT or CloudFormation) as it is sent.</param>
        /// <param name="environment">The merged environment: its <c>parameters</c> are values, its <c>parameter_defaults</c> defaults.</param>
        /// <param name="values">The <c>parameters</c> field as it is sent (<see cref="TemplateParameters.Format(System.Collections.IDictionary)"/>); they win
        /// over the environment's.</param>
        public static IReadOnlyList<ParameterProblem> Check(JToken template, JObject? environment, JObject? values)
        {
            var problems = new List<ParameterProblem>();
            var declared = HeatTemplateValidation.FromTemplate(template, null).Parameters;
            var given = environment?["parameters"] as JObject;
            var defaults = environment?["parameter_defaults"] as JObject;
            foreach (var parameter in declared)
            {
                // Read from the template's own keys: every parameter has a name.
                var name = parameter.Name;
                if (name == null) continue;
                var value = Given(values, name) ?? Given(given, name);
                if (value == null)
                {
                    // Heat checks the default when no value is given; a template's own default is /validate's business.
                    value = Given(defaults, name);
                    if (value == null && parameter.Default == null)
                    {
                        problems.Add(new ParameterProblem(name, $"The Parameter ({name}) was not provided."));
                    }
                    if (value == null) continue;
                }
                var refusal = Refusal(parameter, value);
                if (refusal != null) problems.Add(new ParameterProblem(name, $"Parameter '{name}' is invalid: {refusal}"));
            }
            return problems;
        }

        /// <summary>A value by name; JSON null is "not given", as Heat takes it.</summary>
        private static JToken? Given(JObject? values, string name)
        {
            var value = values?[name];
            return value == null || value.Type == JTokenType.Null ? null : value;
        }

        /// <summary>Why Heat would refuse <paramref name="value"/>, or null.</summary>
        internal static string? Refusal(HeatTemplateParameter parameter, JToken value)
        {
            var type = (parameter.Type ?? string.Empty).ToLowerInvariant();
            object parsed;
            switch (type)
            {
                case "number":
                    if (value.Type == JTokenType.Object || value.Type == JTokenType.Array)
                    {
                        return $"int() argument must be a string, a bytes-like object or a real number, not '{PythonValues.TypeName(value)}'";
                    }
                    if (PythonValues.Number(value) == null) return $"could not convert string to float: {PythonValues.Repr(PythonValues.Str(value))}";
                    parsed = value;
                    break;
                case "boolean":
                    if (value.Type != JTokenType.Boolean && PythonValues.Bool(PythonValues.Str(value)) == null)
                    {
                        return PythonValues.BoolRefusal(PythonValues.Str(value));
                    }
                    parsed = value;
                    break;
                case "comma_delimited_list":
                case "commadelimitedlist":
                    if (value.Type == JTokenType.Array)
                    {
                        parsed = value.Select(v => PythonValues.Str(v)).ToList();
                    }
                    else if (value.AsText() is string text)
                    {
                        parsed = text.Length == 0 ? new List<string>() : text.Split(',').ToList();
                    }
                    else
                    {
                        return $"Value must be a comma-delimited list string: '{PythonValues.TypeName(value)}' object has no attribute 'split'";
                    }
                    break;
                case "json":
                    if (value.AsText() is string json && json.Length > 0)
                    {
                        var error = PythonJsonErrors.Of(json);
                        if (error != null) return "Value must be valid JSON: " + error;
                        parsed = JToken.Parse(json);
                    }
                    else
                    {
                        parsed = value;
                    }
                    break;
                default:
                    parsed = value.AsText() ?? PythonValues.Str(value);
                    break;
            }
            foreach (var constraint in parameter.Constraints)
            {
                var refused = ParameterConstraintCheck.Refusal(constraint, type, value, parsed);
                if (refused != null) return refused;
            }
            return null;
        }
    }
}
