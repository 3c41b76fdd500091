using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>
    /// One constraint of a parameter against a value, as heat/engine/constraints.py checks it: the constraint's own
    /// description when it has one, else Heat's message. A constraint that does not apply to the type (Heat refuses the
    /// template for it) or needs the cloud (custom_constraint) is not checked here.
    /// </summary>
    internal static class ParameterConstraintCheck
    {
        /// <param name="type">The parameter's type, lower case (number, string, boolean, comma_delimited_list, json).</param>
        /// <param name="value">The value as sent.</param>
        /// <param name="parsed">The value as Heat reads it for its type: a list of strings for a comma_delimited_list, the
        /// parsed document for json, the value itself otherwise.</param>
        public static string? Refusal(HeatParameterConstraint constraint, string type, JToken value, object parsed)
        {
            bool list = type == "comma_delimited_list" || type == "commadelimitedlist";
            bool valid;
            string message;
            switch (constraint.Kind)
            {
                case "range" when type == "number":
                    var range = constraint["range"] as IDictionary;
                    var number = PythonValues.Number(value) ?? double.NaN;
                    valid = Within(number, range);
                    message = $"{PythonValues.Str(value)} is out of range (min: {PythonValues.Str(range?["min"])}, max: {PythonValues.Str(range?["max"])})";
                    break;
                case "length" when type == "string" || list || type == "json":
                    var length = Length(parsed);
                    if (length == null) return null;
                    var bounds = constraint["length"] as IDictionary;
                    valid = Within(length.Value, bounds);
                    message = $"length ({length}) is out of range (min: {PythonValues.Str(bounds?["min"])}, max: {PythonValues.Str(bounds?["max"])})";
                    break;
                case "modulo" when type == "number":
                    var modulo = constraint["modulo"] as IDictionary;
                    var step = Bound(modulo?["step"]);
                    var offset = Bound(modulo?["offset"]);
                    if (step == null || offset == null || step == 0) return null;
                    var n = PythonValues.Number(value) ?? double.NaN;
                    // Python's % takes the sign of the divisor.
                    valid = n - step.Value * Math.Floor(n / step.Value) == offset.Value;
                    message = $"{PythonValues.Str(value)} is not a multiple of {PythonValues.Str(modulo?["step"])} with an offset of {PythonValues.Str(modulo?["offset"])}";
                    break;
                case "allowed_values" when type != "json":
                    var allowed = (constraint["allowed_values"] as IEnumerable)?.Cast<object>().ToList();
                    if (allowed == null || constraint["allowed_values"] is string) return null;
                    var isAllowed = Allowed(type, list, value, parsed, allowed);
                    if (isAllowed == null) return null;
                    valid = isAllowed.Value;
                    var shown = list ? PythonValues.Dumps(new JArray(((List<string>)parsed).Cast<object>().ToArray())) : PythonValues.Dumps(value);
                    message = $"{shown} is not an allowed value [{string.Join(", ", allowed.Select(PythonValues.Dumps))}]";
                    break;
                case "allowed_pattern" when type == "string":
                    var pattern = constraint["allowed_pattern"] as string;
                    var matched = Match(pattern, (string)parsed);
                    if (matched == null) return null;
                    valid = matched.Value;
                    message = $"\"{parsed}\" does not match pattern \"{pattern}\"";
                    break;
                default:
                    return null;
            }
            return valid ? null : constraint.Description ?? message;
        }

        /// <summary>A bound as Heat reads it (str_to_num of a CloudFormation "MinValue": "1"); null for none.</summary>
        private static double? Bound(object? bound)
        {
            switch (bound)
            {
                case null: return null;
                case string text: return PythonValues.TryNumber(text, out var number) ? number : (double?)null;
                case bool flag: return flag ? 1 : 0;
                default: return Convert.ToDouble(bound, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        private static bool Within(double value, IDictionary? bounds)
        {
            var min = Bound(bounds?["min"]);
            var max = Bound(bounds?["max"]);
            return !(min.HasValue && value < min.Value) && !(max.HasValue && value > max.Value);
        }

        /// <summary>len() of what Heat checks: a str (code points), a list, a map; null for what has no length.</summary>
        private static int? Length(object parsed)
        {
            switch (parsed)
            {
                case string text: return PythonValues.Length(text);
                case List<string> items: return items.Count;
                case JValue json when json.AsText() is string jsonText: return PythonValues.Length(jsonText);
                case JArray array: return array.Count;
                case JObject map: return map.Count;
                default: return null;
            }
        }

        /// <summary>
        /// Whether the value is among the allowed: each item of a list by Python equality (a string never equals a
        /// number); otherwise both sides converted to the parameter's type (str, str_to_num, bool_from_string). Null when
        /// an allowed value does not convert (Heat refuses such a template).
        /// </summary>
        private static bool? Allowed(string type, bool list, JToken value, object parsed, List<object> allowed)
        {
            if (list) return ((List<string>)parsed).All(item => allowed.Any(a => a is string text && text == item));
            switch (type)
            {
                case "number":
                    var number = PythonValues.Number(value);
                    var numbers = allowed.Select(a => a is string text ? (PythonValues.TryNumber(text, out var n) ? n : (double?)null) : Bound(a)).ToList();
                    if (numbers.Any(a => a == null)) return null;
                    return numbers.Contains(number);
                case "boolean":
                    var flag = value.Type == JTokenType.Boolean ? (bool)value : PythonValues.Bool(PythonValues.Str(value));
                    var flags = allowed.Select(a => PythonValues.Bool(PythonValues.Str(a))).ToList();
                    if (flags.Any(a => a == null)) return null;
                    return flags.Contains(flag);
                default:
                    var text2 = PythonValues.Str(value);
                    return allowed.Any(a => PythonValues.Str(a) == text2);
            }
        }

        /// <summary>re.match(pattern, value) that ends at the value's end; null for a pattern .NET cannot read.</summary>
        private static bool? Match(string? pattern, string value)
        {
            if (pattern == null) return null;
            // Python's named groups, in .NET's spelling; the rest of the common syntax is the same.
            var dotnet = Regex.Replace(pattern, @"\(\?P<", "(?<").Replace("(?P=", @"\k<");
            dotnet = Regex.Replace(dotnet, @"\\k<(\w+)\)", @"\k<$1>");
            try
            {
                var match = new Regex(@"\A(?:" + dotnet + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Match(value);
                return match.Success && match.Length == value.Length;
            }
            catch (Exception e) when (e is ArgumentException || e is RegexMatchTimeoutException)
            {
                return null;
            }
        }
    }
}
