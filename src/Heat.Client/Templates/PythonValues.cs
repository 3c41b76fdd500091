using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>
    /// What Python (and so Heat's engine) makes of a value, where a message or a check depends on it: int() and float()
    /// of a string, str() and repr(), oslo's bool_from_string, len() in code points.
    /// </summary>
    internal static class PythonValues
    {
        // int("1_000"), int(" 3 "): digits with single underscores between them, blanks around.
        private static readonly Regex Int = new Regex(@"^\s*[+-]?\d+(?:_\d+)*\s*$", RegexOptions.CultureInvariant);

        private static readonly Regex Float = new Regex(
            @"^\s*[+-]?(?:(?:\d+(?:_\d+)*)?\.\d+(?:_\d+)*|\d+(?:_\d+)*\.?)(?:[eE][+-]?\d+(?:_\d+)*)?\s*$|^\s*[+-]?(?:inf|infinity|nan)\s*$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly string[] TrueStrings = { "1", "t", "true", "on", "y", "yes" };

        private static readonly string[] FalseStrings = { "0", "f", "false", "off", "n", "no" };

        /// <summary>Heat's Schema.str_to_num: int(text), else float(text); false where Python raises ValueError.</summary>
        public static bool TryNumber(string text, out double number)
        {
            number = 0;
            if (Int.IsMatch(text) || Float.IsMatch(text))
            {
                var clean = text.Trim().Replace("_", string.Empty).ToLowerInvariant();
                if (clean.EndsWith("inf", StringComparison.Ordinal) || clean.EndsWith("infinity", StringComparison.Ordinal))
                {
                    number = clean.StartsWith("-", StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;
                    return true;
                }
                if (clean.EndsWith("nan", StringComparison.Ordinal))
                {
                    number = double.NaN;
                    return true;
                }
                return double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            }
            return false;
        }

        /// <summary>A JSON value as a number the way str_to_num takes it; null when Python would refuse it.</summary>
        public static double? Number(JToken? value)
        {
            switch (value?.Type)
            {
                case JTokenType.Integer:
                case JTokenType.Float:
                    return value.Value<double>();
                case JTokenType.Boolean:
                    return value.Value<bool>() ? 1 : 0;
                case JTokenType.String:
                    return value.AsText() is string text && TryNumber(text, out var number) ? number : (double?)null;
                default:
                    return null;
            }
        }

        /// <summary>The name Python gives a JSON value's type, for its TypeError messages.</summary>
        public static string TypeName(JToken? value)
        {
            switch (value?.Type)
            {
                case JTokenType.Object: return "dict";
                case JTokenType.Array: return "list";
                case JTokenType.Null: return "NoneType";
                case JTokenType.Boolean: return "bool";
                case JTokenType.Integer: return "int";
                case JTokenType.Float: return "float";
                default: return "str";
            }
        }

        /// <summary>oslo_utils' bool_from_string(value, strict=True); null where it raises.</summary>
        public static bool? Bool(string text)
        {
            var lowered = text.Trim().ToLowerInvariant();
            if (TrueStrings.Contains(lowered)) return true;
            if (FalseStrings.Contains(lowered)) return false;
            return null;
        }

        /// <summary>The message bool_from_string raises for <paramref name="text"/>.</summary>
        public static string BoolRefusal(string text) =>
            $"Unrecognized value '{text}', acceptable values are: " +
            string.Join(", ", TrueStrings.Concat(FalseStrings).OrderBy(s => s, StringComparer.Ordinal).Select(s => $"'{s}'"));

        /// <summary>Python's str() of a JSON value or of a plain one (a template's constraint bounds).</summary>
        public static string Str(object? value)
        {
            switch (value)
            {
                case null: return "None";
                case JValue json: return Str(json.Value);
                case string text: return text;
                case bool flag: return flag ? "True" : "False";
                case double d: return FloatStr(d);
                case float f: return FloatStr(f);
                case decimal m: return FloatStr((double)m);
                case IFormattable number: return number.ToString(null, CultureInfo.InvariantCulture);
                case JToken token: return PythonJson.Dumps(token);
                case IEnumerable _: return PythonJson.Dumps(JToken.FromObject(value));
                default: return value.ToString();
            }
        }

        private static string FloatStr(double value)
        {
            if (double.IsNaN(value)) return "nan";
            if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
            return PythonJson.FloatRepr(value);
        }

        /// <summary>Python's repr() of a str: single quotes unless it holds one and no double quote.</summary>
        public static string Repr(string text)
        {
            var quote = text.IndexOf('\'') >= 0 && text.IndexOf('"') < 0 ? '"' : '\'';
            var repr = new StringBuilder().Append(quote);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '\\': repr.Append("\\\\"); break;
                    case '\n': repr.Append("\\n"); break;
                    case '\r': repr.Append("\\r"); break;
                    case '\t': repr.Append("\\t"); break;
                    default:
                        if (c == quote) repr.Append('\\').Append(c);
                        else if (c < ' ' || c == 0x7F) repr.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                        else repr.Append(c);
                        break;
                }
            }
            return repr.Append(quote).ToString();
        }

        /// <summary>len() of a Python str: code points, not UTF-16 units.</summary>
        public static int Length(string text) => text.Length - text.Count(char.IsLowSurrogate);

        /// <summary>json.dumps of a plain value (a template's allowed value) or a JSON one.</summary>
        public static string Dumps(object value) => PythonJson.Dumps(value as JToken ?? (value == null ? JValue.CreateNull() : JToken.FromObject(value)));
    }
}
