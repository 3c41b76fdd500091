using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Heat.Client.Templates
{
    /// <summary>Where a token came from in its file (1-based), kept as a JToken annotation.</summary>
    internal sealed class SourcePosition
    {
        public SourcePosition(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }

        public static SourcePosition Of(JToken token)
        {
            if (token == null)
            {
                return null;
            }
            var annotated = token.Annotation<SourcePosition>();
            if (annotated != null)
            {
                return annotated;
            }
            var info = (Newtonsoft.Json.IJsonLineInfo)token;
            return info.HasLineInfo() ? new SourcePosition(info.LineNumber, info.LinePosition) : null;
        }
    }

    /// <summary>
    /// Reads YAML into JSON the way Heat (and heatclient) load it: PyYAML's SafeLoader, YAML 1.1 implicit types
    /// (ints incl. 0o/0x/0b/sexagesimal, floats that need a dot, yes/no/on/off booleans, ~/null/empty nulls),
    /// with timestamps kept as strings. Quoted and block scalars are strings. Anchors, aliases and merge keys
    /// (<c>&lt;&lt;</c>) are expanded. YamlDotNet's deserializer turns every scalar into a string, so this walks
    /// the parser's events and resolves scalars itself.
    /// </summary>
    internal static class HeatYaml
    {
        private const string YamlTag = "tag:yaml.org,2002:";

        // Past this many nodes (counting what aliases expand to) a document is an alias bomb, not a template.
        private const int MaxNodes = 2000000;

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

        private static readonly Regex YamlMessagePrefix = new Regex(
            @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

        /// <summary>Parses one YAML document; null for an empty stream or an empty document.</summary>
        public static JToken Parse(string text, string fileName)
        {
            var reader = new Reader(fileName);
            try
            {
                var parser = new Parser(new StringReader(text));
                parser.MoveNext();
                Expect<StreamStart>(parser, reader);
                parser.MoveNext();
                if (parser.Current is StreamEnd)
                {
                    return null;
                }
                Expect<DocumentStart>(parser, reader);
                parser.MoveNext();
                var root = reader.ReadNode(parser);
                parser.MoveNext();
                Expect<DocumentEnd>(parser, reader);
                parser.MoveNext();
                if (!(parser.Current is StreamEnd))
                {
                    throw reader.Error(parser.Current, "expected a single document in the stream, but found another document");
                }
                return root;
            }
            catch (YamlException ex)
            {
                var detail = YamlMessagePrefix.Replace(ex.Message, string.Empty);
                throw new TemplateException(TemplateProblem.Syntax, fileName, (int)ex.Start.Line, (int)ex.Start.Column,
                    detail, innerException: ex);
            }
        }

        private static void Expect<T>(IParser parser, Reader reader) where T : ParsingEvent
        {
            if (!(parser.Current is T))
            {
                throw reader.Error(parser.Current, "unexpected " + (parser.Current?.GetType().Name ?? "end of stream"));
            }
        }

        private sealed class Anchored
        {
            public JToken Token;
            public int Nodes;
        }

        private sealed class Reader
        {
            private readonly string _fileName;
            private readonly Dictionary<string, Anchored> _anchors = new Dictionary<string, Anchored>(StringComparer.Ordinal);
            private int _nodes;

            public Reader(string fileName)
            {
                _fileName = fileName;
            }

            public TemplateException Error(ParsingEvent at, string detail)
            {
                return new TemplateException(TemplateProblem.Syntax, _fileName, at == null ? (int?)null : (int)at.Start.Line,
                    at == null ? (int?)null : (int)at.Start.Column, detail);
            }

            /// <summary>Reads the node at the parser's current event; leaves the parser on the node's last event.</summary>
            public JToken ReadNode(IParser parser)
            {
                var start = parser.Current;
                var nodesBefore = _nodes;
                Count(start);
                JToken token;
                switch (start)
                {
                    case AnchorAlias alias:
                        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                        {
                            throw Error(alias, "found undefined alias '" + alias.Value.Value + "'");
                        }
                        if (anchored.Token == null)
                        {
                            throw Error(alias, "found recursive alias '" + alias.Value.Value + "', which JSON cannot represent");
                        }
                        _nodes += anchored.Nodes;
                        if (_nodes > MaxNodes)
                        {
                            throw new TemplateException(TemplateProblem.TooLarge, _fileName, (int)alias.Start.Line,
                                (int)alias.Start.Column, "aliases expand to more than " + MaxNodes + " nodes");
                        }
                        return anchored.Token.DeepClone();
                    case Scalar scalar:
                        token = Resolve(scalar);
                        Register(scalar.Anchor, token, nodesBefore);
                        break;
                    case SequenceStart sequence:
                        Reserve(sequence.Anchor);
                        CheckCollectionTag(sequence, sequence.Tag, "seq");
                        var array = new JArray();
                        while (parser.MoveNext() && !(parser.Current is SequenceEnd))
                        {
                            array.Add(ReadNode(parser));
                        }
                        token = array;
                        Register(sequence.Anchor, token, nodesBefore);
                        break;
                    case MappingStart mapping:
                        Reserve(mapping.Anchor);
                        CheckCollectionTag(mapping, mapping.Tag, "map");
                        token = ReadMapping(parser);
                        Register(mapping.Anchor, token, nodesBefore);
                        break;
                    default:
                        throw Error(start, "unexpected " + (start?.GetType().Name ?? "end of stream"));
                }
                token.AddAnnotation(new SourcePosition((int)start.Start.Line, (int)start.Start.Column));
                return token;
            }

            private void Count(ParsingEvent at)
            {
                if (++_nodes > MaxNodes)
                {
                    throw new TemplateException(TemplateProblem.TooLarge, _fileName, (int)at.Start.Line, (int)at.Start.Column,
                        "the document has more than " + MaxNodes + " nodes");
                }
            }

            private void CheckCollectionTag(ParsingEvent at, TagName tag, string expected)
            {
                if (tag.IsEmpty || tag.IsNonSpecific || tag.Value == YamlTag + expected ||
                    (expected == "map" && (tag.Value == YamlTag + "omap" || tag.Value == YamlTag + "set")))
                {
                    return;
                }
                throw Error(at, "could not determine a constructor for the tag '" + tag.Value + "'");
            }

            private void Reserve(AnchorName anchor)
            {
                if (!anchor.IsEmpty)
                {
                    _anchors[anchor.Value] = new Anchored();
                }
            }

            private void Register(AnchorName anchor, JToken token, int nodesBefore)
            {
                if (!anchor.IsEmpty)
                {
                    _anchors[anchor.Value] = new Anchored { Token = token, Nodes = _nodes - nodesBefore };
                }
            }

            private JObject ReadMapping(IParser parser)
            {
                // PyYAML's flatten_mapping: pairs from merge keys come first, in order, then the mapping's own pairs;
                // a later pair wins but a key keeps the place where it first appeared (a Python dict).
                var merged = new List<KeyValuePair<string, JToken>>();
                var own = new List<KeyValuePair<string, JToken>>();
                while (parser.MoveNext() && !(parser.Current is MappingEnd))
                {
                    var keyEvent = parser.Current;
                    var isMergeKey = keyEvent is Scalar keyScalar && keyScalar.Style == ScalarStyle.Plain &&
                                     keyScalar.Tag.IsEmpty && keyScalar.Value == "<<";
                    var key = ReadNode(parser);
                    parser.MoveNext();
                    var valueEvent = parser.Current;
                    var value = ReadNode(parser);
                    if (isMergeKey)
                    {
                        AddMerge(merged, value, valueEvent);
                        continue;
                    }
                    own.Add(new KeyValuePair<string, JToken>(KeyText(key, keyEvent), value));
                }
                var result = new JObject();
                foreach (var pair in merged)
                {
                    result[pair.Key] = pair.Value.Parent == null ? pair.Value : pair.Value.DeepClone();
                }
                foreach (var pair in own)
                {
                    result[pair.Key] = pair.Value;
                }
                return result;
            }

            private void AddMerge(List<KeyValuePair<string, JToken>> merged, JToken value, ParsingEvent at)
            {
                if (value is JObject single)
                {
                    foreach (var property in single.Properties())
                    {
                        merged.Add(new KeyValuePair<string, JToken>(property.Name, property.Value));
                    }
                    return;
                }
                if (value is JArray list)
                {
                    // The first mapping in the list wins, so PyYAML adds them last to first.
                    for (var i = list.Count - 1; i >= 0; i--)
                    {
                        if (!(list[i] is JObject item))
                        {
                            throw Error(at, "expected a mapping for merging, but found " + list[i].Type.ToString().ToLowerInvariant());
                        }
                        foreach (var property in item.Properties())
                        {
                            merged.Add(new KeyValuePair<string, JToken>(property.Name, property.Value));
                        }
                    }
                    return;
                }
                throw Error(at, "expected a mapping or list of mappings for merging, but found " + value.Type.ToString().ToLowerInvariant());
            }

            /// <summary>A mapping key as Python's json.dumps writes a dict key.</summary>
            private string KeyText(JToken key, ParsingEvent at)
            {
                switch (key.Type)
                {
                    case JTokenType.String:
                        return (string)key;
                    case JTokenType.Integer:
                        return ((JValue)key).Value is BigInteger big
                            ? big.ToString(CultureInfo.InvariantCulture)
                            : Convert.ToString(((JValue)key).Value, CultureInfo.InvariantCulture);
                    case JTokenType.Float:
                        return PythonJson.FloatRepr((double)key);
                    case JTokenType.Boolean:
                        return (bool)key ? "true" : "false";
                    case JTokenType.Null:
                        return "null";
                    default:
                        throw Error(at, "found unhashable key (a " + key.Type.ToString().ToLowerInvariant() + " cannot be a mapping key)");
                }
            }

            private JToken Resolve(Scalar scalar)
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
                        throw Error(scalar, "could not determine a constructor for the tag '" + tag + "'");
                }
                throw Error(scalar, "invalid value '" + value + "' for the tag '" + tag + "'");
            }
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

        private static JToken ConstructInt(string text)
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

        private static JToken ConstructFloat(string text)
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
    }
}
