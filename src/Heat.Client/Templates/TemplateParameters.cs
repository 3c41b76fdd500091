using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Reflection;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>
    /// Turns the user's parameters into Heat's <c>parameters</c> field.
    /// </summary>
    /// <remarks>
    /// What Heat does with a value depends on the parameter's type (heat/engine/parameters.py): <c>number</c> takes a
    /// number or a numeric string; <c>boolean</c> parses <c>str(value)</c> strictly ("true", "yes", "1"...);
    /// <c>string</c> takes <c>str(value)</c>, so a JSON <c>true</c> would become "True"; <c>comma_delimited_list</c>
    /// takes a list (each item <c>str()</c>'d) or a comma-separated string, but fails on a number
    /// (<c>value.split</c>); <c>json</c> takes a map or list, or a string that it parses as JSON. heatclient itself
    /// only ever sends strings (<c>--parameter key=value</c>). So: scalars become the strings a CLI user would type
    /// (numbers in invariant culture, booleans "true"/"false"), which every type accepts; lists become JSON arrays
    /// and dictionaries JSON objects, their contents kept as JSON values, which <c>comma_delimited_list</c> and
    /// <c>json</c> take; null stays null, which Heat treats as "not given" (the default applies).
    /// </remarks>
    public static class TemplateParameters
    {
        /// <summary>The <c>parameters</c> field for these values (keys are the parameter names).</summary>
        public static JObject Format(IDictionary parameters)
        {
            var result = new JObject();
            if (parameters == null)
            {
                return result;
            }
            foreach (DictionaryEntry entry in parameters)
            {
                result[KeyOf(entry.Key)] = ConvertValue(entry.Value);
            }
            return result;
        }

        /// <summary>
        /// <see cref="Format(IDictionary)"/> plus the contents of parameter files; a name given in both takes the
        /// file's content, as heatclient's <c>format_all_parameters</c> does.
        /// </summary>
        public static JObject Format(IDictionary parameters, IDictionary parameterFiles, string baseDirectory)
        {
            var result = Format(parameters);
            foreach (var file in ReadParameterFiles(parameterFiles, baseDirectory))
            {
                result[file.Key] = file.Value;
            }
            return result;
        }

        /// <summary>One parameter value as Heat should receive it (see the remarks on <see cref="TemplateParameters"/>).</summary>
        public static JToken ConvertValue(object value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null:
                    return JValue.CreateNull();
                case bool flag:
                    return new JValue(flag ? "true" : "false");
                case JToken token:
                    return token.DeepClone();
                case System.Security.SecureString secure:
                    // A secret from a vault (Get-Secret, Read-Host -AsSecureString) is opened only here, into the body.
                    return new JValue(Secrets.Reveal(secure) ?? string.Empty);
                case IDictionary _:
                case IEnumerable _ when !(value is string):
                    return ToJson(value);
            }
            return new JValue(ScalarText(value));
        }

        /// <summary>
        /// Reads <c>-ParameterFile</c> values (name → path): each file's content becomes that parameter's value,
        /// as heatclient's <c>--parameter-file</c>. Relative paths are taken from <paramref name="baseDirectory"/>
        /// (the caller's current location; heatclient itself takes them from the template's folder).
        /// </summary>
        /// <exception cref="TemplateException"><see cref="TemplateProblem.FileNotFound"/> when a file is missing.</exception>
        public static IDictionary<string, string> ReadParameterFiles(IDictionary parameterFiles, string baseDirectory)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (parameterFiles == null)
            {
                return result;
            }
            foreach (DictionaryEntry entry in parameterFiles)
            {
                var name = KeyOf(entry.Key);
                var given = Convert.ToString(Unwrap(entry.Value), CultureInfo.InvariantCulture);
                if (Strings.IsNullOrEmpty(given))
                {
                    throw new TemplateException(TemplateProblem.FileNotFound, given, null, null,
                        "parameter file for '" + name + "' has no path");
                }
                var url = HeatUrl.NormalisePathToUrl(given, baseDirectory);
                if (!HeatUrl.IsFile(url))
                {
                    throw new TemplateException(TemplateProblem.UnsupportedReference, given, null, null,
                        "parameter file for '" + name + "' must be a local file", given);
                }
                var path = HeatUrl.FileUrlToPath(url);
                if (!File.Exists(path))
                {
                    throw new TemplateException(TemplateProblem.FileNotFound, path, null, null,
                        "parameter file for '" + name + "' does not exist", path);
                }
                // Read as safely as a template's files (no FIFO or device, capped): see LocalFile.ReadRegular.
                var bytes = LocalFile.ReadRegular(path, TemplateLimits.MaxFileBytes, "parameter file for '" + name + "'", System.Threading.CancellationToken.None);
                string text;
                try
                {
                    text = new System.Text.UTF8Encoding(false, true).GetString(bytes);
                }
                catch (System.Text.DecoderFallbackException)
                {
                    // heatclient sends a file that is not UTF-8 as base64.
                    text = Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n") + "\n";
                }
                result[name] = text;
            }
            return result;
        }

        private static string KeyOf(object key)
        {
            var text = Convert.ToString(Unwrap(key), CultureInfo.InvariantCulture);
            if (Strings.IsNullOrEmpty(text))
            {
                throw new ArgumentException("A parameter name is empty.");
            }
            return text;
        }

        /// <summary>How deep a parameter value may nest: far beyond any real value, and far below a stack overflow (a
        /// hashtable that holds itself would otherwise recurse for ever).</summary>
        public const int MaxValueDepth = 64;

        /// <summary>JSON for the inside of lists and maps: numbers stay numbers, booleans stay booleans. Also what a
        /// software config's inputs and options, a deployment's values and a resource signal's body are sent as (typed,
        /// not as strings).</summary>
        internal static JToken ToJson(object value, int depth = 0)
        {
            if (depth > MaxValueDepth)
            {
                throw new ArgumentException($"A parameter value nests more than {MaxValueDepth} levels deep (does a list or map hold itself?).");
            }
            value = Unwrap(value);
            switch (value)
            {
                case null:
                    return JValue.CreateNull();
                case JToken token:
                    return token.DeepClone();
                case string text:
                    return new JValue(text);
                case char c:
                    return new JValue(c.ToString());
                case bool flag:
                    return new JValue(flag);
                case sbyte _:
                case byte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                    return new JValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                case ulong big:
                    return new JValue(big);
                case BigInteger huge:
                    return new JValue(huge);
                case float single:
                    return new JValue((double)single);
                case double number:
                    return new JValue(number);
                case decimal exact:
                    return new JValue(exact);
                case IDictionary map:
                    var obj = new JObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        obj[KeyOf(entry.Key)] = ToJson(entry.Value, depth + 1);
                    }
                    return obj;
                case IEnumerable list:
                    var array = new JArray();
                    foreach (var item in list)
                    {
                        array.Add(ToJson(item, depth + 1));
                    }
                    return array;
            }
            return new JValue(ScalarText(value));
        }

        private static string ScalarText(object value)
        {
            switch (value)
            {
                case double number:
                    return number.ToString("R", CultureInfo.InvariantCulture);
                case float single:
                    return single.ToString("R", CultureInfo.InvariantCulture);
                case DateTime time:
                    return time.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset moment:
                    return moment.ToString("o", CultureInfo.InvariantCulture);
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
            }
            return value.ToString();
        }

        /// <summary>PowerShell wraps values in PSObject; take the object inside without referencing PowerShell.</summary>
        [return: NotNullIfNotNull("value")]
        private static object? Unwrap(object? value)
        {
            for (var depth = 0; value != null && depth < 8; depth++)
            {
                var type = value.GetType();
                if (type.FullName != "System.Management.Automation.PSObject")
                {
                    return value;
                }
                var inner = type.GetProperty("BaseObject", BindingFlags.Public | BindingFlags.Instance)?.GetValue(value);
                if (inner == null || ReferenceEquals(inner, value) || inner.GetType().FullName == "System.Management.Automation.PSCustomObject")
                {
                    return value;
                }
                value = inner;
            }
            return value;
        }
    }
}
