using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.SoftwareConfigs
{
    /// <summary>
    /// The local files <c>openstack software config create</c> reads: the config itself (<c>--config-file</c>, a script
    /// sent as its text) and the definition (<c>--definition-file</c>, YAML or JSON with <c>inputs</c>, <c>outputs</c>
    /// and <c>options</c>). Read as the template loader reads files: a FIFO or device is refused, the size is capped.
    /// </summary>
    public static class SoftwareConfigFiles
    {
        private static readonly string[] DefinitionKeys = { "inputs", "outputs", "options" };

        /// <summary>
        /// A config file's text. It must be UTF-8 (Heat stores text); a byte-order mark is dropped, as the template loader
        /// drops it, since it would sit before a script's <c>#!</c> line and stop the server from running it.
        /// </summary>
        public static string ReadConfig(string path, CancellationToken cancellationToken)
        {
            var bytes = LocalFile.ReadRegular(path, TemplateLimits.MaxFileBytes, "the config file", cancellationToken);
            return TemplateFormat.DecodeText(bytes, path);
        }

        /// <summary>
        /// A definition file: a mapping with any of <c>inputs</c> (a list of maps), <c>outputs</c> (a list of maps) and
        /// <c>options</c> (a map). Anything else in it is refused rather than ignored as heatclient ignores it: a key spelt
        /// <c>input:</c> would otherwise drop every input without a word.
        /// </summary>
        public static SoftwareConfigDefinition ReadDefinition(string path, CancellationToken cancellationToken)
        {
            var bytes = LocalFile.ReadRegular(path, TemplateLimits.MaxTemplateBytes, "the definition file", cancellationToken);
            var text = TemplateFormat.DecodeText(bytes, path);
            // YAML is a superset of JSON: one parser for both, with the loader's depth and alias bounds.
            var root = HeatYaml.Parse(text, path);
            var definition = new SoftwareConfigDefinition();
            if (root == null) return definition;
            if (!(root is JObject map)) throw Invalid(path, "a definition file must be a mapping of inputs, outputs and options");
            foreach (var property in map.Properties())
            {
                if (!DefinitionKeys.Contains(property.Name))
                {
                    throw Invalid(path, $"'{property.Name}' is not a section of a definition file (inputs, outputs, options)");
                }
            }
            definition.Inputs = Schemas(map["inputs"], path, "inputs");
            definition.Outputs = Schemas(map["outputs"], path, "outputs");
            var options = map["options"];
            if (options != null && options.Type != JTokenType.Null)
            {
                if (!(options is JObject)) throw Invalid(path, "'options' must be a mapping");
                definition.Options = Plain((JObject)options);
            }
            return definition;
        }

        private static List<IDictionary<string, object>>? Schemas(JToken? section, string path, string name)
        {
            if (section == null || section.Type == JTokenType.Null) return null;
            var result = new List<IDictionary<string, object>>();
            if (!(section is JArray list)) throw Invalid(path, $"'{name}' must be a list of mappings (each with a name)");
            foreach (var item in list)
            {
                if (!(item is JObject schema)) throw Invalid(path, $"each of '{name}' must be a mapping (name, type, ...), not {item.Type.ToString().ToLowerInvariant()}");
                result.Add(Plain(schema));
            }
            return result;
        }

        private static Dictionary<string, object> Plain(JObject map)
        {
            var result = new Dictionary<string, object>();
            foreach (DictionaryEntry entry in HeatJson.ToHashtable(map)) result[(string)entry.Key] = entry.Value;
            return result;
        }

        private static TemplateException Invalid(string path, string detail) =>
            new TemplateException(TemplateProblem.InvalidStructure, path, null, null, detail);
    }
}
