using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Fleet
{
    /// <summary>
    /// A stack set: one template for many targets (clouds, regions, projects), as a YAML file kept in the repository
    /// (docs/stack-set-format.md). Read with the module's own YAML reader (aliases counted, size bounded), then checked
    /// whole: a key the format does not have, a name Heat would refuse, or two targets that are one stack is an error at
    /// its line and column, before anything is sent anywhere.
    /// </summary>
    public sealed class StackSetDefinition
    {
        /// <summary>Heat's rule for a stack name (heat/engine/stack.py): a letter, then letters, digits, _ . - ; 255 at most.</summary>
        private static readonly Regex StackName = new Regex("^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$", RegexOptions.CultureInvariant);

        /// <summary>Far beyond any fleet, and small enough that a hostile file cannot make a run that never ends.</summary>
        public const int MaxTargets = 1000;

        private static readonly string[] Keys = { "name", "description", "template", "environment", "parameters", "tags", "targets" };
        private static readonly string[] TargetKeys = { "cloud", "region", "project", "stack_name", "parameters" };

        private StackSetDefinition(string file)
        {
            File = file;
        }

        public string File { get; }

        public string Name { get; private set; } = string.Empty;

        public string? Description { get; private set; }

        /// <summary>The template's full path (relative paths are taken from the definition's folder).</summary>
        public string TemplatePath { get; private set; } = string.Empty;

        /// <summary>Environment files' full paths, in order (later ones win).</summary>
        public IReadOnlyList<string> EnvironmentPaths { get; private set; } = Array.Empty<string>();

        public IReadOnlyList<string> Tags { get; private set; } = Array.Empty<string>();

        public IReadOnlyList<StackSetTarget> Targets { get; private set; } = Array.Empty<StackSetTarget>();

        /// <summary>Reads and checks a definition file.</summary>
        /// <exception cref="StackSetException">It cannot be read, does not parse, or breaks the format.</exception>
        public static StackSetDefinition Read(string path)
        {
            var full = Path.GetFullPath(path);
            JToken? root;
            try
            {
                root = HeatYaml.Parse(LocalText.Read(full, "the stack set"), full);
            }
            catch (TemplateException e)
            {
                throw new StackSetException(full, e.Line, e.Column, e.Detail, e);
            }
            var definition = new StackSetDefinition(full);
            definition.Load(root as JObject ?? throw Error(full, root, "a stack set is a mapping (name:, template:, targets: ...)"));
            return definition;
        }

        private void Load(JObject root)
        {
            CheckKeys(root, Keys, "a stack set");
            var folder = Path.GetDirectoryName(File)!;
            Name = StackNameOf(root["name"], "name", required: true)!;
            Description = Text(root["description"], "description", required: false);
            TemplatePath = Path.GetFullPath(Path.Combine(folder, Text(root["template"], "template", required: true)!));
            EnvironmentPaths = Strings(root["environment"], "environment").Select(e => Path.GetFullPath(Path.Combine(folder, e))).ToList();
            Tags = Strings(root["tags"], "tags");
            var parameters = Map(root["parameters"], "parameters");
            if (!(root["targets"] is JArray targets) || targets.Count == 0) throw Error(File, root["targets"] ?? root, "targets is a list of at least one target (- cloud: name)");
            if (targets.Count > MaxTargets) throw Error(File, targets, $"a stack set has at most {MaxTargets} targets, not {targets.Count}");
            var list = new List<StackSetTarget>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < targets.Count; i++)
            {
                if (!(targets[i] is JObject target)) throw Error(File, targets[i], $"target {i + 1} is a mapping (cloud:, region:, project:, stack_name:, parameters:)");
                CheckKeys(target, TargetKeys, $"target {i + 1}");
                var merged = (JObject)parameters.DeepClone();
                merged.Merge(Map(target["parameters"], $"target {i + 1}'s parameters"), new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
                var made = new StackSetTarget(i, Text(target["cloud"], $"target {i + 1}'s cloud", required: true)!,
                    Text(target["region"], $"target {i + 1}'s region", required: false), Text(target["project"], $"target {i + 1}'s project", required: false),
                    StackNameOf(target["stack_name"], $"target {i + 1}'s stack_name", required: false) ?? Name, merged);
                if (seen.TryGetValue(made.Key, out var earlier))
                {
                    throw Error(File, target, $"target {i + 1} is the same stack as target {earlier + 1} ({made}): give one a stack_name of its own");
                }
                seen[made.Key] = i;
                list.Add(made);
            }
            Targets = list;
        }

        private void CheckKeys(JObject map, string[] allowed, string what)
        {
            foreach (var property in map.Properties().Where(p => !allowed.Contains(p.Name, StringComparer.Ordinal)))
            {
                throw Error(File, property, $"{what} has no key '{TerminalText.Line(property.Name)}'; it has {string.Join(", ", allowed)}");
            }
        }

        private string? Text(JToken? token, string what, bool required)
        {
            if (token == null || token.Type == JTokenType.Null)
            {
                return required ? throw Error(File, token, $"{what} is missing") : null;
            }
            if (token.Type != JTokenType.String || ((string)token!).Length == 0) throw Error(File, token, $"{what} is a text, not empty");
            return (string)token!;
        }

        private string? StackNameOf(JToken? token, string what, bool required)
        {
            var name = Text(token, what, required);
            if (name != null && !StackName.IsMatch(name))
            {
                throw Error(File, token, $"{what} '{TerminalText.Line(name)}' is not a name Heat takes (a letter, then letters, digits, _ . -; 255 at most)");
            }
            return name;
        }

        private IReadOnlyList<string> Strings(JToken? token, string what)
        {
            if (token == null || token.Type == JTokenType.Null) return Array.Empty<string>();
            var items = token is JArray list ? list.ToList() : new List<JToken> { token };
            return items.Select(i => Text(i, what, required: true)!).ToList();
        }

        private JObject Map(JToken? token, string what)
        {
            if (token == null || token.Type == JTokenType.Null) return new JObject();
            return token as JObject ?? throw Error(File, token, $"{what} is a mapping of name to value");
        }

        private static StackSetException Error(string file, JToken? at, string detail)
        {
            var position = Analysis.AnalyzedTemplate.PositionOf(at);
            return new StackSetException(file, position?.Line, position?.Column, detail);
        }
    }
}
