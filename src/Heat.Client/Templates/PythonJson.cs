using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>
    /// JSON text as heatclient's <c>jsonutils.dumps</c> (Python's json.dumps) writes it: <c>", "</c> and
    /// <c>": "</c> separators, every non-ASCII character escaped as <c>\uXXXX</c>, floats as Python's repr. Child
    /// templates and environments go into Heat's <c>files</c> map in this form, so the map matches the reference
    /// client's byte for byte.
    /// </summary>
    internal static class PythonJson
    {
        private static readonly char[] Exponent = { 'E', 'e' };

        public static string Dumps(JToken token)
        {
            var text = new StringBuilder();
            Write(text, token);
            return text.ToString();
        }

        private static void Write(StringBuilder text, JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Object:
                    text.Append('{');
                    var firstProperty = true;
                    foreach (var property in ((JObject)token).Properties())
                    {
                        if (!firstProperty)
                        {
                            text.Append(", ");
                        }
                        firstProperty = false;
                        WriteString(text, property.Name);
                        text.Append(": ");
                        Write(text, property.Value);
                    }
                    text.Append('}');
                    break;
                case JTokenType.Array:
                    text.Append('[');
                    var firstItem = true;
                    foreach (var item in (JArray)token)
                    {
                        if (!firstItem)
                        {
                            text.Append(", ");
                        }
                        firstItem = false;
                        Write(text, item);
                    }
                    text.Append(']');
                    break;
                case JTokenType.Integer:
                    var integer = ((JValue)token).Value;
                    text.Append(integer is BigInteger big
                        ? big.ToString(CultureInfo.InvariantCulture)
                        : Convert.ToString(integer, CultureInfo.InvariantCulture));
                    break;
                case JTokenType.Float:
                    text.Append(FloatRepr(Convert.ToDouble(((JValue)token).Value, CultureInfo.InvariantCulture)));
                    break;
                case JTokenType.Boolean:
                    text.Append((bool)token ? "true" : "false");
                    break;
                case JTokenType.Null:
                case JTokenType.Undefined:
                    text.Append("null");
                    break;
                default:
                    WriteString(text, Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        private static void WriteString(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        text.Append("\\\"");
                        break;
                    case '\\':
                        text.Append("\\\\");
                        break;
                    case '\n':
                        text.Append("\\n");
                        break;
                    case '\r':
                        text.Append("\\r");
                        break;
                    case '\t':
                        text.Append("\\t");
                        break;
                    case '\b':
                        text.Append("\\b");
                        break;
                    case '\f':
                        text.Append("\\f");
                        break;
                    default:
                        if (c < ' ' || c > '~')
                        {
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }
                        break;
                }
            }
            text.Append('"');
        }

        /// <summary>Python's repr() of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16.</summary>
        public static string FloatRepr(double value)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }
            if (double.IsPositiveInfinity(value))
            {
                return "Infinity";
            }
            if (double.IsNegativeInfinity(value))
            {
                return "-Infinity";
            }
            var negative = value < 0 || (value == 0 && 1 / value < 0);
            var round = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
            // round is like "123.45", "1E+16", "1.5E-05": split into digits and a decimal exponent.
            var exponent = 0;
            var e = round.IndexOfAny(Exponent);
            if (e >= 0)
            {
                exponent = int.Parse(round.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                round = round.Substring(0, e);
            }
            var dot = round.IndexOf('.');
            var digits = dot < 0 ? round : round.Remove(dot, 1);
            var pointAt = (dot < 0 ? round.Length : dot) + exponent; // value = 0.digits * 10^pointAt
            var leading = 0;
            while (leading < digits.Length - 1 && digits[leading] == '0')
            {
                leading++;
            }
            digits = digits.Substring(leading);
            pointAt -= leading;
            digits = digits.TrimEnd('0');
            if (digits.Length == 0)
            {
                return negative ? "-0.0" : "0.0";
            }

            var text = new StringBuilder();
            if (negative)
            {
                text.Append('-');
            }
            if (pointAt > 16 || pointAt < -3)
            {
                text.Append(digits[0]);
                if (digits.Length > 1)
                {
                    text.Append('.').Append(digits, 1, digits.Length - 1);
                }
                var power = pointAt - 1;
                text.Append('e').Append(power < 0 ? '-' : '+').Append(Math.Abs(power).ToString("00", CultureInfo.InvariantCulture));
            }
            else if (pointAt <= 0)
            {
                text.Append("0.").Append('0', -pointAt).Append(digits);
            }
            else if (pointAt >= digits.Length)
            {
                text.Append(digits).Append('0', pointAt - digits.Length).Append(".0");
            }
            else
            {
                text.Append(digits, 0, pointAt).Append('.').Append(digits, pointAt, digits.Length - pointAt);
            }
            return text.ToString();
        }
    }
}
