using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text.RegularExpressions;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Heat.Client.Templates
{
    /// <summary>
    /// Reads YAML into JSON the way Heat (and heatclient) load it: PyYAML's SafeLoader, YAML 1.1 implicit types
    /// (ints incl. 0o/0x/0b/sexagesimal, floats that need a dot, yes/no/on/off booleans, ~/null/empty nulls),
    /// with timestamps kept as strings. Quoted and block scalars are strings. Anchors, aliases and merge keys
    /// (<c>&lt;&lt;</c>) are expanded. YamlDotNet's deserializer turns every scalar into a string, so this walks
    /// the parser's events and resolves scalars itself.
    /// </summary>
    /// <remarks>
    /// An alias costs a few bytes of text and can stand for a 400 KB string or a whole tree: ten thousand of them made a
    /// 440 KB file worth 4 GB. So the document's size is counted while it is read, as the characters Python's
    /// json.dumps (and str(), which Heat measures) would write for it, an alias counted as all it stands for, and the
    /// reading stops before an alias is copied past <see cref="TemplateLimits.MaxTemplateBytes"/>, Heat's
    /// max_template_size: Heat refuses a bigger template (it measures the template it receives, aliases expanded), so no
    /// document read here grows past it, and nothing built from it later (the JSON sent, a child in the files map) can.
    /// The count is a little below what Python writes (escapes are not counted) except for merge keys: every pair a
    /// merge brings counts, also one that a key of the mapping itself then replaces.
    /// </remarks>
    internal static partial class HeatYaml
    {
        private const string YamlTag = YamlScalars.YamlTag;

        // Each item of a list or pair of a mapping after the first is preceded by ", ", each key followed by ": ".
        private const int SeparatorChars = 2;

        private static readonly Regex YamlMessagePrefix = new Regex(
            @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

        /// <summary>Parses one YAML document; null for an empty stream or an empty document.</summary>
        public static JToken? Parse(string text, string fileName)
        {
            try
            {
                return QuotedContinuations.Read(text, yaml => ReadDocument(yaml, fileName));
            }
            catch (YamlException ex)
            {
                var detail = YamlMessagePrefix.Replace(ex.Message, string.Empty);
                throw new TemplateException(TemplateProblem.Syntax, fileName, (int)ex.Start.Line, (int)ex.Start.Column,
                    detail, innerException: ex);
            }
        }

        private static JToken? ReadDocument(string text, string fileName)
        {
            var reader = new Reader(fileName);
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

        private static void Expect<T>(IParser parser, Reader reader) where T : ParsingEvent
        {
            if (!(parser.Current is T))
            {
                throw reader.Error(parser.Current, "unexpected " + (parser.Current?.GetType().Name ?? "end of stream"));
            }
        }

        private sealed class Anchored
        {
            public JToken? Token; // null while the anchored node is still being read
            public long Chars; // what the node is as JSON, aliases expanded
            public int Height; // levels of collections the node spans once expanded: 0 for a scalar
        }

        private sealed class Reader
        {
            private readonly string _fileName;
            private readonly Dictionary<string, Anchored> _anchors = new Dictionary<string, Anchored>(StringComparer.Ordinal);
            private long _chars;

            // Collections open around the current node, and the deepest level reached (aliases expanded) since the
            // innermost of them opened. Bounding them keeps every later recursive walk of the tree (json.dumps,
            // Json.NET's writer, the cmdlets' conversions) within the stack.
            private int _depth;
            private int _deepest;

            public Reader(string fileName)
            {
                _fileName = fileName;
            }

            public TemplateException Error(ParsingEvent? at, string detail)
            {
                return new TemplateException(TemplateProblem.Syntax, _fileName, at == null ? (int?)null : (int)at.Start.Line,
                    at == null ? (int?)null : (int)at.Start.Column, detail);
            }

            /// <summary>
            /// Reads the node at the parser's current event; leaves the parser on the node's last event. Open collections
            /// are kept on a stack of our own, not the thread's: reading costs the same stack at any depth.
            /// </summary>
            public JToken ReadNode(IParser parser)
            {
                var open = new Stack<Frame>();
                while (true)
                {
                    var current = parser.Current;
                    JToken done;
                    ParsingEvent doneAt;
                    // A collection that opens has nothing to add yet: on to its first item.
                    switch (current)
                    {
                        case AnchorAlias alias:
                            done = Expand(alias);
                            doneAt = alias;
                            break;
                        case Scalar scalar:
                            var charsBefore = _chars;
                            done = YamlScalars.Resolve(scalar, _fileName);
                            Grow(JsonChars(done, scalar), scalar, null);
                            Register(scalar.Anchor, done, charsBefore, 0);
                            done.AddAnnotation(new SourcePosition((int)scalar.Start.Line, (int)scalar.Start.Column));
                            doneAt = scalar;
                            break;
                        case SequenceStart sequence:
                            open.Push(Open(sequence, sequence.Anchor, sequence.Tag, "seq"));
                            Advance(parser);
                            continue;
                        case MappingStart mapping:
                            open.Push(Open(mapping, mapping.Anchor, mapping.Tag, "map"));
                            Advance(parser);
                            continue;
                        case SequenceEnd _:
                        case MappingEnd _:
                            var frame = open.Pop();
                            done = frame.Array ?? (JToken)frame.BuildMapping();
                            Register(frame.Anchor, done, frame.CharsBefore, Leave(frame.OuterDeepest));
                            done.AddAnnotation(new SourcePosition((int)frame.Start.Start.Line, (int)frame.Start.Start.Column));
                            doneAt = frame.Start;
                            break;
                        default:
                            throw Error(current, "unexpected " + (current?.GetType().Name ?? "end of stream"));
                    }
                    if (open.Count == 0)
                    {
                        return done;
                    }
                    Add(open.Peek(), done, doneAt);
                    Advance(parser);
                }
            }

            private void Advance(IParser parser)
            {
                if (!parser.MoveNext())
                {
                    throw Error(null, "unexpected end of stream");
                }
            }

            private JToken Expand(AnchorAlias alias)
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw Error(alias, "found undefined alias '" + alias.Value.Value + "'");
                }
                if (anchored.Token == null)
                {
                    throw Error(alias, "found recursive alias '" + alias.Value.Value + "', which JSON cannot represent");
                }
                // Counted before the copy is made: the copy of an alias that does not fit is never built.
                Grow(anchored.Chars, alias, alias.Value.Value);
                var reach = _depth + anchored.Height;
                if (reach > TemplateLimits.MaxDocumentDepth)
                {
                    throw new TemplateException(TemplateProblem.TooDeep, _fileName, (int)alias.Start.Line, (int)alias.Start.Column,
                        "the alias '*" + alias.Value.Value + "' expands to " + reach + " levels of nesting here, deeper than the limit of " +
                        TemplateLimits.MaxDocumentDepth);
                }
                _deepest = Math.Max(_deepest, reach);
                // The copy keeps the anchored node's positions: a later error points at what the alias stands for.
                return JsonTree.Clone(anchored.Token);
            }

            private Frame Open(ParsingEvent start, AnchorName anchor, TagName tag, string expected)
            {
                var charsBefore = _chars;
                Grow(2, start, null); // the brackets
                Reserve(anchor);
                CheckCollectionTag(start, tag, expected);
                return new Frame(start, anchor, charsBefore, Enter(start), expected == "seq" ? new JArray() : null);
            }

            /// <summary>Adds a finished node to the collection that holds it: an item, a mapping key or a mapping value.</summary>
            private void Add(Frame frame, JToken node, ParsingEvent at)
            {
                if (frame.Array != null)
                {
                    Grow(frame.Entries++ == 0 ? 0 : SeparatorChars, at, null);
                    frame.Array.Add(node);
                    return;
                }
                if (!(frame.Key is var (key, keyAt)))
                {
                    Grow(frame.Entries++ == 0 ? SeparatorChars : 2 * SeparatorChars, at, null);
                    frame.Key = (node, at);
                    return;
                }
                frame.Key = null;
                if (keyAt is Scalar keyScalar && keyScalar.Style == ScalarStyle.Plain && keyScalar.Tag.IsEmpty && keyScalar.Value == "<<")
                {
                    AddMerge(frame.Merged, node, at);
                    return;
                }
                frame.Own.Add(new KeyValuePair<string, JToken>(KeyText(key, keyAt), node));
                frame.OwnKeysAt.Add(keyAt);
            }

            /// <summary>Opens a collection; returns the deepest level reached outside it, for <see cref="Leave"/>.</summary>
            private int Enter(ParsingEvent at)
            {
                if (++_depth > TemplateLimits.MaxDocumentDepth)
                {
                    throw new TemplateException(TemplateProblem.TooDeep, _fileName, (int)at.Start.Line, (int)at.Start.Column,
                        "the document nests deeper than the limit of " + TemplateLimits.MaxDocumentDepth + " levels of mappings and lists");
                }
                var outerDeepest = _deepest;
                _deepest = _depth;
                return outerDeepest;
            }

            /// <summary>Closes a collection; returns its height (its levels and the deepest below it).</summary>
            private int Leave(int outerDeepest)
            {
                var height = _deepest - _depth + 1;
                _depth--;
                _deepest = Math.Max(outerDeepest, _deepest);
                return height;
            }

            /// <summary>Counts <paramref name="chars"/> more of the document as JSON; fails once past Heat's max_template_size.</summary>
            private void Grow(long chars, ParsingEvent at, string? alias)
            {
                _chars += chars;
                if (_chars <= TemplateLimits.MaxTemplateBytes)
                {
                    return;
                }
                var what = alias == null ? "the document" : "the alias '*" + alias + "' (" + chars + " characters as JSON) brings the document";
                throw new TemplateException(TemplateProblem.TooLarge, _fileName, (int)at.Start.Line, (int)at.Start.Column,
                    what + " to over " + TemplateLimits.MaxTemplateBytes + " characters as JSON, more than Heat's max_template_size (" +
                    TemplateLimits.MaxTemplateBytes + " bytes) allows: Heat measures the template with every alias expanded");
            }

            /// <summary>About what json.dumps writes for a scalar: a string with its quotes, anything else as written.</summary>
            private static long JsonChars(JToken value, Scalar scalar) =>
                value.AsText() is string text ? text.Length + 2 : Math.Max(1, scalar.Value.Length);

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

            private void Register(AnchorName anchor, JToken token, long charsBefore, int height)
            {
                if (!anchor.IsEmpty)
                {
                    _anchors[anchor.Value] = new Anchored { Token = token, Chars = _chars - charsBefore, Height = height };
                }
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
                if (key.AsText() is string text) return text;
                switch (key.Type)
                {
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
