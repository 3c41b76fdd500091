using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client.Templates;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// -Parameter and -ParameterFile as the client takes them: plain values by name. PowerShell's wrappers are
    /// taken off here and files are read here, so the client knows nothing of PowerShell or of the caller's disk.
    /// </summary>
    internal static class ParameterValues
    {
        /// <summary>A name given in both takes the file's content, as heatclient's format_all_parameters does.</summary>
        public static Dictionary<string, object> Build(IDictionary values, IDictionary files, string baseDirectory)
        {
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            if (values != null)
            {
                foreach (DictionaryEntry entry in values)
                {
                    result[Convert.ToString(Plain(entry.Key), System.Globalization.CultureInfo.InvariantCulture)] = Plain(entry.Value);
                }
            }
            if (files != null && files.Count > 0)
            {
                foreach (var file in TemplateParameters.ReadParameterFiles(files, baseDirectory)) result[file.Key] = file.Value;
            }
            return result;
        }

        /// <summary>
        /// A PSObject's base object, recursively through lists and maps; a PSCustomObject (what ConvertFrom-Json and
        /// [pscustomobject] make) becomes a map of its properties, not its "@{a=1}" text. A value that holds itself is
        /// refused at <see cref="TemplateParameters.MaxValueDepth"/> levels instead of overflowing the stack.
        /// </summary>
        internal static object Plain(object value, int depth = 0)
        {
            if (depth > TemplateParameters.MaxValueDepth)
            {
                throw new ArgumentException($"A parameter value nests more than {TemplateParameters.MaxValueDepth} levels deep (does a list or map hold itself?).");
            }
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    var properties = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in wrapped.Properties) properties[property.Name] = Plain(property.Value, depth + 1);
                    return properties;
                }
                value = wrapped.BaseObject;
            }
            switch (value)
            {
                case IDictionary map:
                    var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in map) table[Plain(entry.Key, depth + 1)] = Plain(entry.Value, depth + 1);
                    return table;
                case string text:
                    return text;
                case IEnumerable list:
                    var items = new List<object>();
                    foreach (var item in list) items.Add(Plain(item, depth + 1));
                    return items.ToArray();
                default:
                    return value;
            }
        }
    }
}
