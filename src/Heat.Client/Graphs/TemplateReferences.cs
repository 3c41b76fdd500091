using System;
using System.Collections.Generic;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Graphs
{
    /// <summary>
    /// The resources one resource definition depends on, as Heat finds them (rsrc_defn.dependencies): the explicit
    /// <c>depends_on</c> / <c>DependsOn</c>, and the functions in its properties and metadata. Names are returned as
    /// written; the caller keeps those that name a resource of the same template.
    /// </summary>
    internal static class TemplateReferences
    {
        /// <summary>Each referenced name with how it is referenced (depends_on, get_resource, get_attr, DependsOn, Ref, Fn::GetAtt).</summary>
        public static IEnumerable<KeyValuePair<string, string>> Of(JObject definition, bool cfn, ISet<string> parameters)
        {
            var found = new List<KeyValuePair<string, string>>();
            var explicitKey = cfn ? "DependsOn" : "depends_on";
            foreach (var name in Names(definition[explicitKey])) found.Add(Pair(name, explicitKey));
            foreach (var section in cfn ? new[] { "Properties", "Metadata" } : new[] { "properties", "metadata" })
            {
                var root = definition[section];
                if (root != null) Walk(root, cfn, parameters, found);
            }
            return found;
        }

        /// <summary>A string or a list of strings (anything else names nothing).</summary>
        private static IEnumerable<string> Names(JToken? token)
        {
            if (token.AsText() is string single) yield return single;
            if (token is JArray list)
            {
                foreach (var item in list)
                {
                    if (item.AsText() is string name) yield return name;
                }
            }
        }

        /// <summary>
        /// Every function call under <paramref name="root"/>, walked with a stack of our own (a template handed in by
        /// code need not have passed the loader's depth bound). A function is a mapping of one key, as in Heat.
        /// </summary>
        private static void Walk(JToken root, bool cfn, ISet<string> parameters, List<KeyValuePair<string, string>> found)
        {
            var open = new Stack<JToken>();
            open.Push(root);
            while (open.Count > 0)
            {
                var token = open.Pop();
                if (token is JObject mapping)
                {
                    if (mapping.Count == 1)
                    {
                        var call = mapping.Properties().GetEnumerator();
                        call.MoveNext();
                        var name = Target(call.Current, cfn, parameters);
                        if (name != null) found.Add(Pair(name, call.Current.Name));
                    }
                    // Pushed in reverse so that references come out in the order they are written.
                    var values = new List<JToken>(mapping.PropertyValues());
                    for (int i = values.Count - 1; i >= 0; i--) open.Push(values[i]);
                }
                else if (token is JArray list)
                {
                    for (int i = list.Count - 1; i >= 0; i--) open.Push(list[i]);
                }
            }
        }

        /// <summary>The resource a function names, or null when it is not one that makes a dependency.</summary>
        private static string? Target(JProperty call, bool cfn, ISet<string> parameters)
        {
            var argument = call.Value;
            switch (call.Name)
            {
                case "get_resource" when !cfn:
                    return argument.AsText();
                case "get_attr" when !cfn:
                case "Fn::GetAtt" when cfn:
                    return argument is JArray list && list.Count > 0 ? list[0].AsText() : null;
                case "Ref" when cfn:
                    // Heat reads a Ref as a parameter first (pseudo-parameters such as AWS::StackName included), then as a resource.
                    if (!(argument.AsText() is string name)) return null;
                    return parameters.Contains(name) || name.StartsWith("AWS::", StringComparison.Ordinal) ? null : name;
                default:
                    return null;
            }
        }

        private static KeyValuePair<string, string> Pair(string name, string via) => new KeyValuePair<string, string>(name, via);
    }
}
