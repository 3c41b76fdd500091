using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>Parsing of template and environment text, with Heat's rules and the checks Heat would make.</summary>
    internal static class TemplateFormat
    {
        /// <summary>Heat's default <c>max_template_size</c>.</summary>
        public const int MaxTemplateSize = TemplateLimits.MaxTemplateBytes;

        public static readonly string[] VersionKeys = { "heat_template_version", "AWSTemplateFormatVersion", "HeatTemplateFormatVersion" };

        public static readonly string[] EnvironmentSections =
        {
            "parameters", "parameter_defaults", "resource_registry", "event_sinks", "encrypted_param_names",
            "parameter_merge_strategies",
        };

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Decodes file bytes as UTF-8 (what heatclient does), failing with the file's name when they are not.</summary>
        public static string DecodeText(byte[] bytes, string fileName)
        {
            try
            {
                var text = StrictUtf8.GetString(bytes);
                return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
            }
            catch (DecoderFallbackException ex)
            {
                throw new TemplateException(TemplateProblem.Syntax, fileName, null, null,
                    "the file is not UTF-8 text (byte " + ex.Index + ")", innerException: ex);
            }
        }

        public static void CheckSize(long size, string fileName, string what)
        {
            if (size > MaxTemplateSize)
            {
                throw new TemplateException(TemplateProblem.TooLarge, fileName, null, null,
                    what + " is " + size + " bytes, over Heat's max_template_size of " + MaxTemplateSize + " bytes");
            }
        }

        /// <summary>A template: JSON when it starts with '{' (as heatclient decides), YAML otherwise; must carry a version key.</summary>
        public static JObject ParseTemplate(string text, string fileName)
        {
            var document = ParseDocument(text, fileName);
            if (document == null)
            {
                throw new TemplateException(TemplateProblem.MissingVersion, fileName, null, null,
                    "the template is empty; it needs heat_template_version (HOT) or AWSTemplateFormatVersion (CFN)");
            }
            if (!(document is JObject template))
            {
                var at = SourcePosition.Of(document);
                throw new TemplateException(TemplateProblem.InvalidStructure, fileName, at?.Line, at?.Column,
                    "the template is not a JSON object or YAML mapping (found a " + document.Type.ToString().ToLowerInvariant() + ")");
            }
            if (!HasVersion(template))
            {
                if (LooksLikeEnvironment(template))
                {
                    // The most common way to get here: an environment file given where a template goes.
                    throw new TemplateException(TemplateProblem.EnvironmentAsTemplate, fileName, null, null,
                        "this is a Heat environment file (it has " + string.Join(", ", template.Properties().Select(p => p.Name)) +
                        " and no heat_template_version), not a template: it goes beside a template, as its environment");
                }
                throw new TemplateException(TemplateProblem.MissingVersion, fileName, null, null,
                    "template format version not found: the template needs heat_template_version (HOT) or AWSTemplateFormatVersion (CFN) at its top level");
            }
            return template;
        }

        /// <summary>
        /// A mapping whose every top-level key is an environment section, with one that only an environment has, or
        /// parameters given values (name: value) rather than declared (name: {type: ...}) as a template would.
        /// </summary>
        private static bool LooksLikeEnvironment(JObject document) =>
            document.Count > 0 && document.Properties().All(p => EnvironmentSections.Contains(p.Name)) &&
            (document.Properties().Any(p => p.Name != "parameters") ||
             (document["parameters"] is JObject parameters && parameters.Properties().All(p => !(p.Value is JObject))));

        /// <summary>
        /// heatclient's <c>is_template</c>: whether a get_file target is itself a template (then it is processed as one);
        /// null when it is not. A template too large for Heat is an error; any other file too large to be one is text.
        /// </summary>
        /// <exception cref="TemplateException">A template over Heat's max_template_size, aliases expanded.</exception>
        public static JObject? TryParseTemplate(string text, string fileName)
        {
            try
            {
                return ParseDocument(text, fileName) is JObject template && HasVersion(template) ? template : null;
            }
            catch (TemplateException ex) when (ex.Problem == TemplateProblem.TooLarge && DocumentScan.NamesTemplateVersion(text))
            {
                throw;
            }
            catch (TemplateException)
            {
                return null;
            }
        }

        public static bool HasVersion(JObject template)
        {
            foreach (var key in VersionKeys)
            {
                if (template.ContainsKey(key))
                {
                    return true;
                }
            }
            return false;
        }

        public static bool IsCloudFormation(JObject template)
        {
            return template.ContainsKey("AWSTemplateFormatVersion") || template.ContainsKey("HeatTemplateFormatVersion");
        }

        /// <summary>An environment: a mapping of the known sections only, none of them empty (Heat refuses both).</summary>
        public static JObject ParseEnvironment(string text, string fileName)
        {
            var document = ParseDocument(text, fileName);
            if (document == null)
            {
                return new JObject();
            }
            if (!(document is JObject environment))
            {
                var at = SourcePosition.Of(document);
                throw new TemplateException(TemplateProblem.InvalidStructure, fileName, at?.Line, at?.Column,
                    "the environment is not a valid YAML mapping data type");
            }
            foreach (var section in environment.Properties())
            {
                var at = SourcePosition.Of(section.Value) ?? SourcePosition.Of(section);
                if (Array.IndexOf(EnvironmentSections, section.Name) < 0)
                {
                    throw new TemplateException(TemplateProblem.InvalidStructure, fileName, at?.Line, at?.Column,
                        "environment has wrong section \"" + section.Name + "\" (known sections: " +
                        string.Join(", ", EnvironmentSections) + ")");
                }
                if (section.Value.Type == JTokenType.Null)
                {
                    throw new TemplateException(TemplateProblem.InvalidStructure, fileName, at?.Line, at?.Column,
                        "environment has empty section \"" + section.Name + "\" (Heat refuses it; remove the section or give it content)");
                }
            }
            return environment;
        }

        private static JToken? ParseDocument(string text, string fileName)
        {
            return DocumentScan.IsJson(text) ? ParseJson(text, fileName) : HeatYaml.Parse(text, fileName);
        }

        private static JToken ParseJson(string text, string fileName)
        {
            // JSON has no aliases, but a get_file target may be 16 MiB of small items: measured as HeatYaml measures YAML
            // (what json.dumps would write, against Heat's max_template_size) before any tree is built.
            var chars = DocumentScan.JsonChars(text, MaxTemplateSize);
            if (chars > MaxTemplateSize)
            {
                throw new TemplateException(TemplateProblem.TooLarge, fileName, null, null, "the document is over " + MaxTemplateSize +
                    " characters as JSON, more than Heat's max_template_size (" + MaxTemplateSize + " bytes) allows");
            }
            var settings = new JsonLoadSettings
            {
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
                LineInfoHandling = LineInfoHandling.Load,
                CommentHandling = CommentHandling.Ignore,
            };
            using (var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
                MaxDepth = TemplateLimits.MaxDocumentDepth,
            })
            {
                try
                {
                    var token = JToken.ReadFrom(reader, settings);
                    while (reader.Read())
                    {
                        if (reader.TokenType != JsonToken.Comment)
                        {
                            throw new TemplateException(TemplateProblem.Syntax, fileName, reader.LineNumber, reader.LinePosition,
                                "extra data after the JSON document");
                        }
                    }
                    return token;
                }
                // Json.NET reports its MaxDepth as any other reader error; only the (unlocalised) message tells it apart.
                catch (JsonReaderException ex) when (ex.Message.StartsWith("The reader's MaxDepth", StringComparison.Ordinal))
                {
                    throw new TemplateException(TemplateProblem.TooDeep, fileName, ex.LineNumber, ex.LinePosition,
                        "the document nests deeper than the limit of " + TemplateLimits.MaxDocumentDepth + " levels of objects and arrays",
                        innerException: ex);
                }
                catch (JsonReaderException ex)
                {
                    var detail = ex.Message;
                    var cut = detail.IndexOf(" Path '", StringComparison.Ordinal);
                    if (cut > 0)
                    {
                        detail = detail.Substring(0, cut);
                    }
                    throw new TemplateException(TemplateProblem.Syntax, fileName, ex.LineNumber == 0 ? (int?)null : ex.LineNumber,
                        ex.LineNumber == 0 ? (int?)null : ex.LinePosition, detail, innerException: ex);
                }
            }
        }
    }
}
