using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Heat.Client.Internal;

namespace Heat.Client.Models
{
    /// <summary>
    /// Where a resource sits, as people name it: the top stack's name and the resource names down to it, joined by dots
    /// (web.workers.0.server), the form of Get-HeatStackFailure's ResourcePath and of <c>openstack stack failures list</c>.
    /// A nested stack's own name is Heat's physical name, <c>{parent}-{resource}-{short id}</c> at every level
    /// (Resource.physical_resource_name), so with the top stack's name the path reads back out of it.
    /// </summary>
    internal static class HeatResourcePath
    {
        // One level below a known prefix: "-{resource}-{short id}", the short id 12 characters of lower-case base32.
        private static readonly Regex Level = new Regex(@"\G-(?<resource>.+?)-[a-z2-7]{12}(?=-|$)", RegexOptions.CultureInvariant);

        /// <summary>The path of <paramref name="resourceName"/> in stack <paramref name="stackName"/>, below
        /// <paramref name="rootStackName"/>; a stack's own event (its resource name is the stack's) names the stack alone.</summary>
        public static string? Of(string? rootStackName, string? stackName, string? resourceName)
        {
            var stack = StackPath(rootStackName, stackName);
            if (Strings.IsNullOrEmpty(resourceName) || resourceName == stackName) return stack ?? resourceName;
            return Strings.IsNullOrEmpty(stack) ? resourceName : stack + "." + resourceName;
        }

        /// <summary>
        /// web.mid.group.0 for web-mid-s6g4smm5bdro-group-unho23yzv4qy-0-u2sqshz3agkh below web. A name that does not read
        /// back that way (another top stack, a name Heat shortened past 255 characters) stays as it is.
        /// </summary>
        [return: NotNullIfNotNull("stackName")]
        internal static string? StackPath(string? rootStackName, string? stackName)
        {
            if (Strings.IsNullOrEmpty(rootStackName) || stackName == null || stackName == rootStackName) return stackName;
            if (!stackName.StartsWith(rootStackName + "-", StringComparison.Ordinal)) return stackName;
            var parts = new List<string> { rootStackName };
            for (int at = rootStackName.Length; at < stackName.Length;)
            {
                var level = Level.Match(stackName, at);
                if (!level.Success) return stackName;
                parts.Add(level.Groups["resource"].Value);
                at += level.Length;
            }
            return string.Join(".", parts);
        }
    }
}
