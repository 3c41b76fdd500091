using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client.Templates;

namespace Heat.PowerShell
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

        /// <summary>A PSObject's base object, recursively through lists and maps.</summary>
        private static object Plain(object value)
        {
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            switch (value)
            {
                case IDictionary map:
                    var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in map) table[Plain(entry.Key)] = Plain(entry.Value);
                    return table;
                case string text:
                    return text;
                case IEnumerable list:
                    var items = new List<object>();
                    foreach (var item in list) items.Add(Plain(item));
                    return items.ToArray();
                default:
                    return value;
            }
        }
    }
}
