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
        private const string YamlTag = YamlScalars.YamlTag;

        // Past this many nodes (counting what aliases expand to) a document is an alias bomb, not a template.
        private const int MaxNodes = 2000000;

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
                        token = YamlScalars.Resolve(scalar, _fileName);
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
        }
    }
}
