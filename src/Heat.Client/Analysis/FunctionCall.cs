using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis
{
    /// <summary>One intrinsic function call: <c>{get_param: x}</c> is the one-key object, its function and argument.</summary>
    public sealed class FunctionCall
    {
        private static readonly HashSet<string> Functions = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "get_param", "get_resource", "get_attr", "get_file", "list_join", "str_replace", "str_replace_strict", "str_replace_vstrict",
            "str_split", "repeat", "digest", "resource_facade", "map_merge", "map_replace", "yaql", "equals", "if", "not", "and", "or",
            "contains", "filter", "make_url", "list_concat", "list_concat_unique", "get_input",
            "Ref", "Fn::GetAtt", "Fn::FindInMap", "Fn::Join", "Fn::Base64", "Fn::Select", "Fn::Split", "Fn::Replace", "Fn::GetAZs", "Fn::MemberListToMap",
            "Fn::ResourceFacade", "Fn::Equals", "Fn::If", "Fn::Not", "Fn::And", "Fn::Or",
        };

        /// <summary>Whether a map key is a function of some template version.</summary>
        public static bool IsFunctionName(string name) => Functions.Contains(name);

        /// <summary>How deep the walk goes: far beyond any template (Heat nests at most a few levels of functions).</summary>
        private const int MaxDepth = 256;

        private FunctionCall(string function, JToken argument, JObject call, string section)
        {
            Function = function;
            Argument = argument;
            Call = call;
            Section = section;
        }

        public string Function { get; }

        public JToken Argument { get; }

        /// <summary>The one-key object of the call.</summary>
        public JObject Call { get; }

        /// <summary>The template section it is in (resources, outputs, conditions ...).</summary>
        public string Section { get; }

        /// <summary>The first name the call refers to: get_param x, get_resource x, get_attr [x, ...], Ref x.</summary>
        public JToken? Target => Argument is JArray list ? list.FirstOrDefault() : Argument;

        public string? TargetName => Target?.Type == JTokenType.String ? (string?)Target : null;

        internal static IEnumerable<FunctionCall> FindAll(JObject root)
        {
            foreach (var section in root.Properties())
            {
                if (section.Name == "parameters" || section.Name == "Parameters") continue;
                var stack = new Stack<(JToken Token, int Depth)>();
                stack.Push((section.Value, 0));
                while (stack.Count > 0)
                {
                    var (token, depth) = stack.Pop();
                    if (depth > MaxDepth) continue;
                    if (token is JObject obj)
                    {
                        if (obj.Count == 1 && obj.Properties().First() is JProperty only && Functions.Contains(only.Name))
                        {
                            yield return new FunctionCall(only.Name, only.Value, obj, section.Name);
                        }
                        foreach (var property in obj.Properties().Reverse()) stack.Push((property.Value, depth + 1));
                    }
                    else if (token is JArray array)
                    {
                        for (int i = array.Count - 1; i >= 0; i--) stack.Push((array[i], depth + 1));
                    }
                }
            }
        }
    }
}
