using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Heat.Client.Internal
{
    /// <summary>Builds query strings: from an options object's <see cref="QueryAttribute"/> properties, in one place.</summary>
    internal static class Query
    {
        private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, QueryAttribute Query)[]> Cache =
            new ConcurrentDictionary<Type, (PropertyInfo, QueryAttribute)[]>();

        public static List<KeyValuePair<string, string>> From(object options)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (options == null) return pairs;
            foreach (var (property, query) in Cache.GetOrAdd(options.GetType(), Describe))
            {
                var value = property.GetValue(options);
                switch (value)
                {
                    case null:
                        break;
                    case bool flag:
                        if (flag) pairs.Add(Pair(query.Name, "True"));
                        break;
                    case string text:
                        pairs.Add(Pair(query.Name, text));
                        break;
                    case IEnumerable list:
                        var items = list.Cast<object>().Where(i => i != null).Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).ToList();
                        if (items.Count == 0) break;
                        if (query.Joined) pairs.Add(Pair(query.Name, string.Join(",", items)));
                        else pairs.AddRange(items.Select(i => Pair(query.Name, i)));
                        break;
                    default:
                        pairs.Add(Pair(query.Name, Convert.ToString(value, CultureInfo.InvariantCulture)));
                        break;
                }
            }
            return pairs;
        }

        public static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);

        /// <summary>Appends a query; a key may repeat (Heat takes <c>status=A&amp;status=B</c>).</summary>
        public static string Append(string path, IEnumerable<KeyValuePair<string, string>> query)
        {
            var pairs = query.Where(p => p.Value != null).ToList();
            if (pairs.Count == 0) return path;
            var builder = new StringBuilder(path).Append(path.IndexOf('?') >= 0 ? '&' : '?');
            for (int i = 0; i < pairs.Count; i++)
            {
                if (i > 0) builder.Append('&');
                builder.Append(Uri.EscapeDataString(pairs[i].Key)).Append('=').Append(Uri.EscapeDataString(pairs[i].Value));
            }
            return builder.ToString();
        }

        private static (PropertyInfo, QueryAttribute)[] Describe(Type type) =>
            type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (p, p.GetCustomAttribute<QueryAttribute>()))
                .Where(x => x.Item2 != null)
                .ToArray();
    }
}
