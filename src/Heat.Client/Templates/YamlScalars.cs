using System;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Heat.Client.Templates
{
    /// <summary>PyYAML's SafeLoader scalar rules (YAML 1.1 implicit types), with timestamps kept as strings as Heat does.</summary>
    internal static class YamlScalars
    {
        public const string YamlTag = "tag:yaml.org,2002:";

        // PyYAML's implicit resolvers (resolver.py), tried in its order for a plain scalar.
        private static readonly Regex BoolPattern = new Regex(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$", RegexOptions.CultureInvariant);

        private static readonly Regex FloatPattern = new Regex(
            @"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
            RegexOptions.CultureInvariant);

        private static readonly Regex IntPattern = new Regex(
            @"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
            RegexOptions.CultureInvariant);

        private static readonly Regex NullPattern = new Regex("^(?:~|null|Null|NULL|)$", RegexOptions.CultureInvariant);

        public static JToken Resolve(Scalar scalar, string fileName)
        {
            var value = scalar.Value;
            string tag;
            if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
            {
                tag = scalar.Tag.Value;
            }
            else if (scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty)
            {
                tag = ImplicitTag(value);
            }
            else
            {
                tag = YamlTag + "str";
            }

            switch (tag)
            {
                case YamlTag + "str":
                case YamlTag + "timestamp": // Heat's loader keeps dates such as 2018-08-31 as strings
                    return new JValue(value);
                case YamlTag + "null":
                    return JValue.CreateNull();
                case YamlTag + "bool":
                    switch (value.ToLowerInvariant())
                    {
                        case "yes":
                        case "true":
                        case "on":
                            return new JValue(true);
                        case "no":
                        case "false":
                        case "off":
                            return new JValue(false);
                    }
                    break;
                case YamlTag + "int":
                    var integer = ConstructInt(value);
                    if (integer != null)
                    {
                        return integer;
                    }
                    break;
                case YamlTag + "float":
                    var number = ConstructFloat(value);
                    if (number != null)
                    {
                        return number;
                    }
                    break;
                default:
                    throw Error(scalar, fileName, "could not determine a constructor for the tag '" + tag + "'");
            }
            throw Error(scalar, fileName, "invalid value '" + value + "' for the tag '" + tag + "'");
        }

        private static string ImplicitTag(string value)
        {
            if (value.Length == 0)
            {
                return YamlTag + "null";
            }
            // PyYAML resolves only when the first character can start that type, in this order.
            var first = value[0];
            if ("yYnNtTfFoO".IndexOf(first) >= 0 && BoolPattern.IsMatch(value))
            {
                return YamlTag + "bool";
            }
            if ("-+0123456789.".IndexOf(first) >= 0 && FloatPattern.IsMatch(value))
            {
                return YamlTag + "float";
            }
            if ("-+0123456789".IndexOf(first) >= 0 && IntPattern.IsMatch(value))
            {
                return YamlTag + "int";
            }
            if ("~nN".IndexOf(first) >= 0 && NullPattern.IsMatch(value))
            {
                return YamlTag + "null";
            }
            if (value == "=")
            {
                return YamlTag + "value"; // PyYAML's SafeLoader has no constructor for it: an error, as in Heat
            }
            // Timestamps resolve to their own tag in PyYAML, and Heat constructs them as strings: same result.
            return YamlTag + "str";
        }

        private static JToken? ConstructInt(string text)
        {
            var value = text.Replace("_", string.Empty);
            var sign = BigInteger.One;
            if (value.Length > 0 && (value[0] == '-' || value[0] == '+'))
            {
                if (value[0] == '-')
                {
                    sign = BigInteger.MinusOne;
                }
                value = value.Substring(1);
            }
            BigInteger result;
            try
            {
                if (value == "0")
                {
                    result = BigInteger.Zero;
                }
                else if (value.StartsWith("0b", StringComparison.Ordinal))
                {
                    result = ParseDigits(value.Substring(2), 2);
                }
                else if (value.StartsWith("0x", StringComparison.Ordinal))
                {
                    result = ParseDigits(value.Substring(2), 16);
                }
                else if (value.Length > 1 && value[0] == '0')
                {
                    result = ParseDigits(value.Substring(1), 8);
                }
                else if (value.IndexOf(':') >= 0)
                {
                    // YAML 1.1 sexagesimal: 1:30 is 90.
                    result = BigInteger.Zero;
                    foreach (var part in value.Split(':'))
                    {
                        result = result * 60 + BigInteger.Parse(part, CultureInfo.InvariantCulture);
                    }
                }
                else
                {
                    result = BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
            catch (FormatException)
            {
                return null;
            }
            result *= sign;
            if (result >= long.MinValue && result <= long.MaxValue)
            {
                return new JValue((long)result);
            }
            return new JValue(result);
        }

        private static BigInteger ParseDigits(string digits, int radix)
        {
            if (digits.Length == 0)
            {
                throw new FormatException();
            }
            var result = BigInteger.Zero;
            foreach (var c in digits)
            {
                var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
                if (digit >= radix)
                {
                    throw new FormatException();
                }
                result = result * radix + digit;
            }
            return result;
        }

        private static JToken? ConstructFloat(string text)
        {
            var value = text.Replace("_", string.Empty).ToLowerInvariant();
            var sign = 1.0;
            if (value.Length > 0 && (value[0] == '-' || value[0] == '+'))
            {
                if (value[0] == '-')
                {
                    sign = -1.0;
                }
                value = value.Substring(1);
            }
            if (value == ".inf")
            {
                return new JValue(sign * double.PositiveInfinity);
            }
            if (value == ".nan")
            {
                return new JValue(double.NaN);
            }
            if (value.IndexOf(':') >= 0)
            {
                var result = 0.0;
                foreach (var part in value.Split(':'))
                {
                    if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var digit))
                    {
                        return null;
                    }
                    result = result * 60 + digit;
                }
                return new JValue(sign * result);
            }
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }
            return new JValue(sign * number);
        }

        private static TemplateException Error(ParsingEvent at, string fileName, string detail)
        {
            return new TemplateException(TemplateProblem.Syntax, fileName, (int)at.Start.Line, (int)at.Start.Column, detail);
        }
    }
}
