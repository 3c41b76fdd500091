using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Keystone
{
    /// <summary>
    /// OpenStack's own client configuration, read as openstacksdk reads it (<c>openstack/config/loader.py</c>):
    /// <c>clouds.yaml</c> (or <c>.yml</c>, <c>.json</c>) from the current folder, the user's config folder
    /// (<c>~/.config/openstack</c>), the site's (<c>/etc/openstack</c>), with <c>OS_CLIENT_CONFIG_FILE</c> in front of
    /// them all; the first file found wins; <c>secure.yaml</c> is found the same way (<c>OS_CLIENT_SECURE_FILE</c>) and
    /// merged over it. Without a cloud name: <c>OS_CLOUD</c>, else the <c>OS_*</c> variables of an openrc, else the only
    /// cloud in the file. Not read: vendor profiles (<c>profile:</c>, <c>clouds-public.yaml</c>).
    /// </summary>
    public static class CloudConfig
    {
        /// <summary>A clouds.yaml is a few kilobytes; a bigger one is not read.</summary>
        public const int MaxFileBytes = 1024 * 1024;

        private static readonly string[] Suffixes = { ".yaml", ".yml", ".json" };

        // OS_* variables that choose a cloud or a file rather than describe one (openstacksdk's "selectors").
        private static readonly HashSet<string> Selectors = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "OS_CLOUD", "OS_REGION_NAME", "OS_CLIENT_CONFIG_FILE", "OS_CLIENT_SECURE_FILE", "OS_CLOUD_NAME",
        };

        /// <summary>The folders searched, in order (duplicates removed).</summary>
        public static IReadOnlyList<string> SearchDirectories(CloudConfigLocations where)
        {
            var home = where.HomeDirectory ?? string.Empty;
            var unixConfig = Path.Combine(home, ".config", "openstack");
            var list = new List<string> { where.CurrentDirectory };
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                // appdirs: user_config_dir and site_config_dir for appname 'openstack', author 'OpenStack'.
                var local = where.Variable("LOCALAPPDATA") ?? Path.Combine(home, "AppData", "Local");
                var programData = where.Variable("PROGRAMDATA") ?? @"C:\ProgramData";
                list.Add(Path.Combine(local, "OpenStack", "openstack"));
                list.Add(unixConfig);
                list.Add(Path.Combine(programData, "OpenStack", "openstack"));
            }
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                list.Add(Path.Combine(home, "Library", "Application Support", "openstack"));
                list.Add(unixConfig);
                list.Add("/Library/Application Support/openstack");
                list.Add("/etc/openstack");
            }
            else
            {
                var xdgHome = where.Variable("XDG_CONFIG_HOME");
                list.Add(xdgHome != null ? Path.Combine(xdgHome, "openstack") : unixConfig);
                list.Add(unixConfig);
                var xdgDirs = where.Variable("XDG_CONFIG_DIRS")?.Split(':').FirstOrDefault(d => d.Length > 0) ?? "/etc/xdg";
                list.Add(Path.Combine(xdgDirs, "openstack"));
                list.Add("/etc/openstack");
            }
            return list.Where(d => !Strings.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>The clouds files tried, in order: OS_CLIENT_CONFIG_FILE first, then clouds.yaml|yml|json in each folder.</summary>
        public static IReadOnlyList<string> ConfigFiles(CloudConfigLocations where) => Candidates(where, "clouds", "OS_CLIENT_CONFIG_FILE");

        /// <summary>The secure files tried, in order: OS_CLIENT_SECURE_FILE first, then secure.yaml|yml|json in each folder.</summary>
        public static IReadOnlyList<string> SecureFiles(CloudConfigLocations where) => Candidates(where, "secure", "OS_CLIENT_SECURE_FILE");

        private static IReadOnlyList<string> Candidates(CloudConfigLocations where, string stem, string overrideVariable)
        {
            var list = new List<string>();
            var chosen = where.Variable(overrideVariable);
            if (chosen != null) list.Add(Expand(chosen, where));
            foreach (var directory in SearchDirectories(where))
            {
                foreach (var suffix in Suffixes) list.Add(Path.Combine(directory, stem + suffix));
            }
            return list;
        }

        /// <summary>The cloud names in the first clouds file found (and its secure file), sorted; empty when there is
        /// none or it cannot be read. Never throws: it serves tab completion.</summary>
        public static IReadOnlyList<string> CloudNames(CloudConfigLocations where)
        {
            try
            {
                var files = Load(where);
                return files.Clouds.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>
        /// The settings of cloud <paramref name="cloudName"/> from the files, or with no name, the default one:
        /// OS_CLOUD, else the OS_* variables, else the only cloud in the file.
        /// </summary>
        /// <exception cref="CloudConfigException">No such cloud, nothing to connect to, or a file that cannot be used.</exception>
        public static CloudSettings Resolve(string cloudName, CloudConfigLocations where)
        {
            if (!Strings.IsNullOrEmpty(cloudName)) return FromFiles(cloudName, where, namedByVariable: false);
            var named = where.Variable("OS_CLOUD");
            if (named != null) return FromFiles(named, where, namedByVariable: true);
            var fromEnvironment = FromEnvironment(where);
            if (fromEnvironment != null) return fromEnvironment;
            var files = Load(where);
            var names = files.Clouds.Properties().Select(p => p.Name).ToList();
            if (names.Count == 1) return FromFiles(names[0], where, namedByVariable: false, files);
            var choice = names.Count == 0
                ? "no clouds file was found (" + string.Join(", ", SearchDirectories(where)) + " were searched)"
                : files.ConfigPath + " has " + names.Count + " clouds (" + string.Join(", ", names) + ")";
            throw new CloudConfigException(CloudConfigProblem.NotFound,
                "Nothing says which cloud to connect to: OS_CLOUD and OS_AUTH_URL are not set and " + choice + ".")
            {
                NoCloudChosen = true,
            };
        }

        /// <summary>A cloud made of the OS_* variables (openstacksdk's "envvars"); null when only selectors are set.</summary>
        internal static CloudSettings? FromEnvironment(CloudConfigLocations where)
        {
            var cloud = new JObject();
            bool describes = false;
            foreach (var pair in where.Environment)
            {
                var name = pair.Key;
                if (!name.StartsWith("OS_", StringComparison.OrdinalIgnoreCase) || Strings.IsNullOrEmpty(pair.Value)) continue;
                // Variables of test harnesses, not clouds (openstacksdk skips them too).
                if (name.StartsWith("OS_TEST", StringComparison.OrdinalIgnoreCase) || name.StartsWith("OS_STD", StringComparison.OrdinalIgnoreCase) ||
                    name.StartsWith("OS_LOG", StringComparison.OrdinalIgnoreCase)) continue;
                cloud[name.Substring(3).ToLowerInvariant()] = pair.Value;
                describes |= !Selectors.Contains(name);
            }
            if (!describes) return null;
            return CloudSettings.Read(cloud, CloudOrigin.Environment(), where);
        }

        private static CloudSettings FromFiles(string cloudName, CloudConfigLocations where, bool namedByVariable, CloudFiles? files = null)
        {
            files = files ?? Load(where);
            if (!(files.Clouds[cloudName] is JObject cloud))
            {
                var by = namedByVariable ? " (named by OS_CLOUD)" : string.Empty;
                var detail = files.ConfigPath == null
                    ? "no clouds file was found (" + string.Join(", ", SearchDirectories(where)) + " were searched)"
                    : files.ConfigPath + " has " + (files.Clouds.Count == 0 ? "no clouds" : "only " + string.Join(", ", files.Clouds.Properties().Select(p => p.Name)));
                if (files.Clouds[cloudName] != null) detail = files.ConfigPath + " has it, but not as a mapping of settings";
                throw new CloudConfigException(CloudConfigProblem.NotFound, $"There is no cloud '{cloudName}'{by}: {detail}.");
            }
            var settings = CloudSettings.Read(cloud, CloudOrigin.File(cloudName, files), where);
            // openstacksdk treats OS_REGION_NAME as a selector among a named cloud's regions.
            var region = where.Variable("OS_REGION_NAME");
            if (region != null) settings.Region = region;
            return settings;
        }

        internal sealed class CloudFiles
        {
            public string? ConfigPath;
            public string? SecurePath;
            public bool ConfigFromCurrentFolder;
            public bool SecureFromCurrentFolder;
            public JObject Clouds = new JObject();
            public JObject? SecureClouds; // the secure file's own clouds, before the merge; null without one
        }

        internal static CloudFiles Load(CloudConfigLocations where)
        {
            var files = new CloudFiles();
            var config = ReadFirst(ConfigFiles(where), out files.ConfigPath);
            var secure = ReadFirst(SecureFiles(where), out files.SecurePath);
            files.ConfigFromCurrentFolder = FoundInCurrentFolder(files.ConfigPath, "OS_CLIENT_CONFIG_FILE", where);
            files.SecureFromCurrentFolder = FoundInCurrentFolder(files.SecurePath, "OS_CLIENT_SECURE_FILE", where);
            var clouds = CloudsOf(config, files.ConfigPath);
            files.SecureClouds = CloudsOf(secure, files.SecurePath);
            if (files.SecureClouds != null) clouds = Merge(clouds ?? new JObject(), files.SecureClouds);
            files.Clouds = clouds ?? new JObject();
            return files;
        }

        /// <summary>Whether a file was found by looking in the current folder, not named by the variable that overrides the search.</summary>
        private static bool FoundInCurrentFolder(string? path, string overrideVariable, CloudConfigLocations where)
        {
            if (path == null || Strings.IsNullOrEmpty(where.CurrentDirectory)) return false;
            var chosen = where.Variable(overrideVariable);
            if (chosen != null && SamePath(path, Expand(chosen, where))) return false;
            return SamePath(Path.GetDirectoryName(path), where.CurrentDirectory);
        }

        private static bool SamePath(string a, string b) => string.Equals(
            Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
            Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        private static JObject? CloudsOf(JObject? document, string? path)
        {
            if (document == null) return null;
            var clouds = document["clouds"];
            if (clouds == null || clouds.Type == JTokenType.Null) return new JObject();
            if (!(clouds is JObject map)) throw new CloudConfigException(CloudConfigProblem.Invalid, $"{path}: 'clouds' is not a mapping of cloud names.");
            // Cloud names stay as written; the settings inside each get '_' for '-' (openstacksdk normalizes a cloud's config).
            var result = new JObject();
            foreach (var cloud in map.Properties())
            {
                result[cloud.Name] = cloud.Value is JObject settings ? NormalizeKeys(settings) : cloud.Value;
            }
            return result;
        }

        /// <summary>openstacksdk's merge_clouds: like dict.update, nested mappings merged.</summary>
        private static JObject Merge(JObject under, JObject over)
        {
            var result = (JObject)under.DeepClone();
            foreach (var property in over.Properties())
            {
                if (property.Value is JObject overChild && result[property.Name] is JObject underChild)
                {
                    result[property.Name] = Merge(underChild, overChild);
                }
                else
                {
                    result[property.Name] = property.Value.DeepClone();
                }
            }
            return result;
        }

        /// <summary>The first file of the list that exists and can be read, parsed; a file that may not be read is
        /// skipped (as openstacksdk skips EACCES).</summary>
        private static JObject? ReadFirst(IEnumerable<string> candidates, out string? found)
        {
            foreach (var path in candidates)
            {
                byte[] bytes;
                try
                {
                    bytes = LocalFile.ReadRegular(path, MaxFileBytes, "the clouds file " + path, CancellationToken.None);
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }
                catch (TemplateException e) when (e.Problem == TemplateProblem.FileNotFound)
                {
                    continue;
                }
                catch (TemplateException e)
                {
                    throw new CloudConfigException(CloudConfigProblem.Invalid, e.Message, e);
                }
                catch (IOException e)
                {
                    throw new CloudConfigException(CloudConfigProblem.Invalid, $"{path} cannot be read: {e.Message}", e);
                }
                found = path;
                return Parse(bytes, path);
            }
            found = null;
            return null;
        }

        internal static JObject Parse(byte[] bytes, string path)
        {
            JToken? document;
            try
            {
                // PyYAML's safe_load, as openstacksdk uses: YAML 1.1 scalars, anchors and merge keys, with the template
                // reader's bounds on depth and alias expansion. JSON is read as the YAML it also is.
                document = HeatYaml.Parse(TemplateFormat.DecodeText(bytes, path), path);
            }
            catch (TemplateException e)
            {
                var where = e.Line.HasValue ? $" (line {e.Line}, column {e.Column})" : string.Empty;
                throw new CloudConfigException(CloudConfigProblem.Invalid, $"{path} is not valid YAML or JSON{where}: {e.Detail}", e);
            }
            if (document == null || document.Type == JTokenType.Null) return new JObject();
            if (!(document is JObject root)) throw new CloudConfigException(CloudConfigProblem.Invalid, $"{path} is not a mapping (it should hold 'clouds:').");
            return root;
        }

        /// <summary>openstacksdk's normalize_keys: '-' in a key is '_'.</summary>
        private static JObject NormalizeKeys(JObject source)
        {
            var result = new JObject();
            foreach (var property in source.Properties())
            {
                var value = property.Value is JObject child ? NormalizeKeys(child) : property.Value;
                result[property.Name.Replace('-', '_')] = value;
            }
            return result;
        }

        internal static string Expand(string path, CloudConfigLocations where)
        {
            if (Strings.IsNullOrEmpty(path)) return path;
            if ((path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)) && where.HomeDirectory != null)
            {
                path = Path.Combine(where.HomeDirectory, path.Length > 2 ? path.Substring(2) : string.Empty);
            }
            return Path.IsPathRooted(path) || where.CurrentDirectory == null ? path : Path.Combine(where.CurrentDirectory, path);
        }
    }
}
