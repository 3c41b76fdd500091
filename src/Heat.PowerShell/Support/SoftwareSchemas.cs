using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// -Input and -Output of New-HeatSoftwareConfig as Heat's schema maps. Each item may be a name (<c>'greeting'</c>), a
    /// name and type (<c>'port=Number'</c>), a hashtable or object with Heat's keys in either spelling (<c>replace_on_change</c>
    /// or <c>ReplaceOnChange</c>), or an input or output of another config (Get-HeatSoftwareConfig). Keys are passed on as
    /// they are otherwise: Heat checks them, and its message names a key it does not know.
    /// </summary>
    internal static class SoftwareSchemas
    {
        private static readonly Regex WordStart = new Regex("(?<=[a-z0-9])(?=[A-Z])", RegexOptions.CultureInvariant);

        public static List<IDictionary<string, object>> From(object[] items, string parameter)
        {
            if (items == null) return null;
            var result = new List<IDictionary<string, object>>();
            foreach (var item in items) result.Add(One(item, parameter));
            return result;
        }

        /// <summary>A hashtable's values as plain values (PowerShell's wrappers taken off), keys as text.</summary>
        public static Dictionary<string, object> Values(IDictionary values)
        {
            if (values == null) return null;
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in values)
            {
                result[Convert.ToString(ParameterValues.Plain(entry.Key), CultureInfo.InvariantCulture)] = ParameterValues.Plain(entry.Value);
            }
            return result;
        }

        private static IDictionary<string, object> One(object item, string parameter)
        {
            var plain = ParameterValues.Plain(item);
            switch (plain)
            {
                case null:
                    throw new PSArgumentException($"-{parameter} holds a null item: each one needs at least a name.", parameter);
                case string text:
                    return FromText(text, parameter);
                case IDictionary map:
                    return FromMap(map.Keys.Cast<object>().Select(k => new KeyValuePair<string, object>(Convert.ToString(k, CultureInfo.InvariantCulture), map[k])));
                default:
                    // A config's own input or output object (HeatSoftwareConfigInput, HeatSoftwareConfigOutput): its properties.
                    return FromMap(PSObject.AsPSObject(plain).Properties.Select(p => new KeyValuePair<string, object>(p.Name, ParameterValues.Plain(p.Value))));
            }
        }

        /// <summary>"name" or "name=Type", as a command line would write it.</summary>
        private static IDictionary<string, object> FromText(string text, string parameter)
        {
            var cut = text.IndexOf('=');
            var name = (cut < 0 ? text : text.Substring(0, cut)).Trim();
            if (name.Length == 0) throw new PSArgumentException($"-{parameter} '{text}' has no name: write name or name=Type.", parameter);
            var schema = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = name };
            if (cut >= 0) schema["type"] = text.Substring(cut + 1).Trim();
            return schema;
        }

        /// <summary>Heat's snake_case keys from either spelling; a key with no value is left out (Heat fills in its default).</summary>
        private static IDictionary<string, object> FromMap(IEnumerable<KeyValuePair<string, object>> pairs)
        {
            var schema = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var pair in pairs)
            {
                if (pair.Value == null) continue;
                schema[WordStart.Replace(pair.Key, "_").ToLowerInvariant()] = pair.Value;
            }
            return schema;
        }
    }
}
