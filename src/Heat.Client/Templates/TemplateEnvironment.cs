using System.Collections.Generic;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>Environments for <see cref="LoadSession"/>: their registry files, and merging them as heatclient does.</summary>
    internal sealed partial class LoadSession
    {
        private async Task<JObject?> LoadEnvironmentAsync(string path, string? baseDirectory)
        {
            var url = HeatUrl.NormalisePathToUrl(path, baseDirectory);
            var name = HeatUrl.Display(url);
            if (_offline && HeatUrl.IsHttp(url))
            {
                AddUnchecked(url);
                return null;
            }
            var content = await ReadAsync(url, null, "the environment").ConfigureAwait(false);
            var environment = TemplateFormat.ParseEnvironment(content.Text ?? TemplateFormat.DecodeText(content.Bytes, name), name);

            var registryToken = environment["resource_registry"];
            if (registryToken != null)
            {
                if (!(registryToken is JObject registry))
                {
                    var at = SourcePosition.Of(registryToken);
                    throw new TemplateException(TemplateProblem.InvalidStructure, name, at?.Line, at?.Column,
                        "resource_registry must be a mapping");
                }
                var parent = Parent.Of(url, null);
                var registryBase = BaseUrlOf(registry, HeatUrl.BaseUrlFor(url), url, parent);
                await ResolveRegistryAsync(registry, registryBase, parent).ConfigureAwait(false);
                if (registry["resources"] is JObject resources)
                {
                    foreach (var resource in resources.Properties())
                    {
                        if (resource.Value is JObject perResource)
                        {
                            await ResolveRegistryAsync(perResource, BaseUrlOf(perResource, registryBase, url, parent), parent).ConfigureAwait(false);
                        }
                    }
                }
            }

            var json = PythonJson.Dumps(environment);
            CountAsJson(url, null, content.Size, json.Length);
            _bundle.Files[url] = json;
            _bundle.EnvironmentFiles.Add(url);
            return environment;
        }

        private static string BaseUrlOf(JObject registry, string inherited, string environmentUrl, Parent environment)
        {
            if (registry["base_url"] is JValue value && value.AsText() is string baseUrl)
            {
                // heatclient needs a URL here; a plain path is taken relative to the environment's folder.
                var resolved = HeatUrl.HasScheme(baseUrl) ? baseUrl : HeatUrl.Resolve(HeatUrl.BaseUrlFor(environmentUrl), baseUrl);
                if (environment.Remote && !HeatUrl.IsHttp(resolved))
                {
                    var referrer = new Referrer(environment.Name, value, "base_url '" + baseUrl + "'");
                    throw Fail(TemplateProblem.ForbiddenReference, referrer, referrer.How + " is refused: " + RemoteRule, resolved);
                }
                return resolved;
            }
            return inherited;
        }

        /// <summary>heatclient's resolve_environment_urls: string values that are not type names (no "::") are files.</summary>
        private async Task ResolveRegistryAsync(JObject registry, string baseUrl, Parent parent)
        {
            foreach (var entry in new List<JProperty>(registry.Properties()))
            {
                if (entry.Name == "base_url" || entry.Name == "hooks" || entry.Name == "restricted_actions" ||
                    !(entry.Value.AsText() is string value) || value.Contains("::"))
                {
                    continue;
                }
                await ResolveReferenceAsync(entry, ReferenceKind.Registry, baseUrl, parent).ConfigureAwait(false);
            }
        }

        /// <summary>heatclient's deep_update: mappings merge key by key, anything else is replaced; null never erases a mapping.</summary>
        internal static JObject DeepUpdate(JObject old, JObject update)
        {
            foreach (var property in update.Properties())
            {
                var current = old[property.Name];
                if (property.Value is JObject nested)
                {
                    old[property.Name] = DeepUpdate(current as JObject ?? new JObject(), nested);
                }
                else if (property.Value.Type == JTokenType.Null && current is JObject)
                {
                    // heatclient keeps the mapping: "key:" with nothing after it is a common YAML slip.
                }
                else
                {
                    old[property.Name] = JsonTree.Clone(property.Value);
                }
            }
            return old;
        }
    }
}
