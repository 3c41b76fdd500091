using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Heat.Client
{
    /// <summary>The one place that knows Heat's URLs, relative to the endpoint (<c>.../v1/{project}</c>).</summary>
    internal static class HeatRoutes
    {
        public static string Stacks() => "stacks";

        /// <summary><c>stacks/{name}/{id}</c> when both are known, else <c>stacks/{name-or-id}</c> (Heat redirects).</summary>
        public static string Stack(StackRef stack) =>
            stack.StackName != null && stack.StackId != null
                ? $"stacks/{Escape(stack.StackName)}/{Escape(stack.StackId)}"
                : $"stacks/{Escape(stack.StackId ?? stack.StackName)}";

        public static string Events(StackRef stack) => Stack(stack) + "/events";

        public static string ResourceEvents(StackRef stack, string resourceName) => Resource(stack, resourceName) + "/events";

        public static string Event(StackRef stack, string resourceName, string eventId) =>
            ResourceEvents(stack, resourceName) + "/" + Escape(eventId);

        public static string Resources(StackRef stack) => Stack(stack) + "/resources";

        public static string Resource(StackRef stack, string resourceName) => Resources(stack) + "/" + Escape(resourceName);

        public static string ResourceMetadata(StackRef stack, string resourceName) => Resource(stack, resourceName) + "/metadata";

        public static string Validate() => "validate";

        public static string Escape(string segment) => Uri.EscapeDataString(segment);

        /// <summary>Appends a query; a key may repeat (Heat takes <c>status=A&amp;status=B</c>).</summary>
        public static string WithQuery(string path, IEnumerable<KeyValuePair<string, string>> query)
        {
            var pairs = query.Where(p => p.Value != null).ToList();
            if (pairs.Count == 0) return path;
            var builder = new StringBuilder(path).Append('?');
            for (int i = 0; i < pairs.Count; i++)
            {
                if (i > 0) builder.Append('&');
                builder.Append(Uri.EscapeDataString(pairs[i].Key)).Append('=').Append(Uri.EscapeDataString(pairs[i].Value));
            }
            return builder.ToString();
        }
    }

    /// <summary>A stack by name, id or both. With both, no lookup redirect is needed.</summary>
    public sealed class StackRef
    {
        public StackRef(string stackName, string stackId)
        {
            if (string.IsNullOrEmpty(stackName) && string.IsNullOrEmpty(stackId))
            {
                throw new ArgumentException("A stack needs a name or an id.");
            }
            StackName = string.IsNullOrEmpty(stackName) ? null : stackName;
            StackId = string.IsNullOrEmpty(stackId) ? null : stackId;
        }

        public static StackRef FromNameOrId(string nameOrId) => new StackRef(nameOrId, null);

        public string StackName { get; }

        public string StackId { get; }

        public override string ToString() => StackName ?? StackId;
    }
}
