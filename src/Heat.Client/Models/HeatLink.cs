using System;
using System.Diagnostics.CodeAnalysis;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>One of Heat's <c>links</c>: where an object lives (<c>self</c>) and what it belongs to (<c>stack</c>, <c>resource</c>, <c>nested</c>).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatLink
    {
        private static readonly char[] PathSeparator = { '/' };

        [JsonProperty("href")]
        public string? Href { get; set; }

        [JsonProperty("rel")]
        public string? Rel { get; set; }

        public override string ToString() => $"{Rel}: {Href}";

        internal static HeatLink? Find(System.Collections.Generic.IEnumerable<HeatLink> links, string rel)
        {
            foreach (var link in links)
            {
                if (string.Equals(link.Rel, rel, StringComparison.OrdinalIgnoreCase)) return link;
            }
            return null;
        }

        /// <summary>The stack named by the link with relation <paramref name="rel"/>, or the fallback when there is none.</summary>
        internal static (string? Name, string? Id) StackOf(System.Collections.Generic.IEnumerable<HeatLink> links, string rel, string? fallbackName, string? fallbackId)
        {
            var link = Find(links, rel);
            return link != null && TryParseStack(link.Href, out var name, out var id) ? (name, id) : (fallbackName, fallbackId);
        }

        /// <summary>Reads the stack's name and id out of a link such as <c>.../v1/{project}/stacks/{name}/{id}[/...]</c>.</summary>
        internal static bool TryParseStack(string? href, [NotNullWhen(true)] out string? stackName, [NotNullWhen(true)] out string? stackId)
        {
            stackName = null;
            stackId = null;
            if (Strings.IsNullOrEmpty(href) || !Uri.TryCreate(href, UriKind.Absolute, out var uri)) return false;
            var segments = uri.AbsolutePath.Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < segments.Length - 2; i++)
            {
                if (segments[i] == "stacks")
                {
                    stackName = Uri.UnescapeDataString(segments[i + 1]);
                    stackId = Uri.UnescapeDataString(segments[i + 2]);
                    return true;
                }
            }
            return false;
        }
    }
}
