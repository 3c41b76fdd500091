using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Heat.Client.Templates
{
    internal static partial class HeatYaml
    {
        /// <summary>A collection being read.</summary>
        private sealed class Frame
        {
            public Frame(ParsingEvent start, AnchorName anchor, long charsBefore, int outerDeepest, JArray? array)
            {
                Start = start;
                Anchor = anchor;
                CharsBefore = charsBefore;
                OuterDeepest = outerDeepest;
                Array = array;
            }

            public readonly ParsingEvent Start;
            public readonly AnchorName Anchor;
            public readonly long CharsBefore;
            public readonly int OuterDeepest;
            public readonly JArray? Array; // null for a mapping
            public int Entries; // items or pairs added so far
            public (JToken Node, ParsingEvent At)? Key; // a mapping's pending key, read but still without its value
            public readonly List<KeyValuePair<string, JToken>> Merged = new List<KeyValuePair<string, JToken>>();
            public readonly List<KeyValuePair<string, JToken>> Own = new List<KeyValuePair<string, JToken>>();
            public readonly List<ParsingEvent> OwnKeysAt = new List<ParsingEvent>(); // where each of Own's keys is, for the analyzer's positions

            /// <summary>
            /// PyYAML's flatten_mapping: pairs from merge keys come first, in order, then the mapping's own pairs; a later
            /// pair wins but a key keeps the place where it first appeared (a Python dict).
            /// </summary>
            public JObject BuildMapping()
            {
                var result = new JObject();
                foreach (var pair in Merged)
                {
                    result[pair.Key] = pair.Value.Parent == null ? pair.Value : JsonTree.Clone(pair.Value);
                }
                for (int i = 0; i < Own.Count; i++)
                {
                    result[Own[i].Key] = Own[i].Value;
                    var property = result.Property(Own[i].Key)!;
                    property.RemoveAnnotations<SourcePosition>();
                    property.AddAnnotation(new SourcePosition((int)OwnKeysAt[i].Start.Line, (int)OwnKeysAt[i].Start.Column));
                }
                return result;
            }
        }
    }
}
