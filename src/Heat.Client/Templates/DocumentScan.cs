using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Heat.Client.Templates
{
    /// <summary>
    /// Questions about a document answered from its tokens as they stream past, without building its tree: a tree costs
    /// tens of times the text (a 16 MiB get_file target of <c>[0,0,...]</c> would be 8 million nodes).
    /// </summary>
    internal static class DocumentScan
    {
        /// <summary>
        /// The characters Python's json.dumps writes for a JSON document (", " and ": " separators), counted no further
        /// than <paramref name="stopAfter"/>; a document that does not read as JSON is counted as far as it reads (its
        /// parse then reports where it breaks).
        /// </summary>
        public static long JsonChars(string text, long stopAfter)
        {
            long chars = 0;
            var open = new Stack<bool>(); // for each open collection: whether it has an entry yet
            var afterKey = false;
            using (var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
                MaxDepth = null,
            })
            {
                try
                {
                    while (chars <= stopAfter && reader.Read())
                    {
                        var type = reader.TokenType;
                        if (type == JsonToken.Comment)
                        {
                            continue;
                        }
                        if (type == JsonToken.EndObject || type == JsonToken.EndArray)
                        {
                            open.Pop();
                            continue;
                        }
                        if (afterKey)
                        {
                            afterKey = false; // a pair's value: its key came with the separator
                        }
                        else if (open.Count > 0)
                        {
                            chars += open.Pop() ? 2 : 0; // ", " before every entry but the first
                            open.Push(true);
                        }
                        switch (type)
                        {
                            case JsonToken.StartObject:
                            case JsonToken.StartArray:
                                chars += 2;
                                open.Push(false);
                                break;
                            case JsonToken.PropertyName:
                                chars += TextLength(reader) + 4; // quotes and ": "
                                afterKey = true;
                                break;
                            case JsonToken.String:
                                chars += TextLength(reader) + 2;
                                break;
                            default:
                                chars += Math.Max(1, Convert.ToString(reader.Value, CultureInfo.InvariantCulture).Length); // a number, true, false, null
                                break;
                        }
                    }
                }
                catch (JsonReaderException)
                {
                    // Counted as far as it reads.
                }
            }
            return chars;
        }

        // A property name or a string value: the reader's value is its text.
        private static int TextLength(JsonReader reader) => reader.Value is string text ? text.Length : 0;

        /// <summary>
        /// Whether the document is a mapping whose own keys include a template version key (heatclient's is_template asks
        /// the same of the parsed document). A top-level merge key (<c>&lt;&lt;</c>) could bring one in unseen: then the
        /// answer is yes, so that the caller keeps the stricter reading.
        /// </summary>
        public static bool NamesTemplateVersion(string text)
        {
            try
            {
                return IsJson(text) ? JsonNamesVersion(text) : QuotedContinuations.Read(text, YamlNamesVersion);
            }
            catch (Exception ex) when (ex is YamlException || ex is JsonReaderException)
            {
                return false;
            }
        }

        /// <summary>heatclient's rule: JSON when the text, stripped, starts with '{'.</summary>
        public static bool IsJson(string text)
        {
            var first = 0;
            while (first < text.Length && char.IsWhiteSpace(text[first]))
            {
                first++;
            }
            return first < text.Length && text[first] == '{';
        }

        private static bool JsonNamesVersion(string text)
        {
            using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = null })
            {
                if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
                {
                    return false;
                }
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    if (Array.IndexOf(TemplateFormat.VersionKeys, reader.Value as string) >= 0)
                    {
                        return true;
                    }
                    reader.Read();
                    reader.Skip();
                }
                return false;
            }
        }

        private static bool YamlNamesVersion(string text)
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
            {
                return false;
            }
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Current is Scalar key &&
                    (Array.IndexOf(TemplateFormat.VersionKeys, key.Value) >= 0 || (key.Value == "<<" && key.Style == ScalarStyle.Plain)))
                {
                    return true;
                }
                parser.SkipThisAndNestedEvents(); // the key
                parser.SkipThisAndNestedEvents(); // its value
            }
            return false;
        }
    }
}
