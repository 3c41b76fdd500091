using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Plans
{
    /// <summary>
    /// A stack as Heat held it when a plan was made: its id, status and times, and SHA-256 hashes of the template, the
    /// environment and the parameters Heat shows (hidden values as Heat masks them). A plan applies only to a stack that
    /// still matches, so an update made elsewhere since (another pipeline, <c>openstack stack update</c>) is never
    /// overwritten by a plan reviewed before it.
    /// </summary>
    public sealed class HeatStackFingerprint
    {
        [JsonProperty("stackId")]
        public string? StackId { get; set; }

        [JsonProperty("stackStatus")]
        public string? StackStatus { get; set; }

        [JsonProperty("creationTime")]
        public DateTime? CreationTime { get; set; }

        [JsonProperty("updatedTime")]
        public DateTime? UpdatedTime { get; set; }

        [JsonProperty("templateHash")]
        public string? TemplateHash { get; set; }

        [JsonProperty("environmentHash")]
        public string? EnvironmentHash { get; set; }

        [JsonProperty("parametersHash")]
        public string? ParametersHash { get; set; }

        /// <summary>The stack's fingerprint now: one read of the stack, its template and its environment.</summary>
        public static async Task<HeatStackFingerprint> ReadAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            stack = await client.Stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var shownTask = client.Stacks.GetAsync(stack, cancellationToken, resolveOutputs: false);
            var templateTask = client.StackData.GetTemplateObjectAsync(stack, cancellationToken);
            var environmentTask = client.StackData.GetEnvironmentObjectAsync(stack, cancellationToken);
            await Task.WhenAll(shownTask, templateTask, environmentTask).ConfigureAwait(false);
            var shown = shownTask.Result;
            var parameters = shown.Parameters == null ? new JObject() : JObject.FromObject(shown.Parameters);
            return new HeatStackFingerprint
            {
                StackId = shown.Id,
                StackStatus = shown.StackStatus,
                CreationTime = shown.CreationTime,
                UpdatedTime = shown.UpdatedTime,
                TemplateHash = Hash(templateTask.Result),
                EnvironmentHash = Hash(environmentTask.Result),
                ParametersHash = Hash(parameters),
            };
        }

        /// <summary>What differs in <paramref name="now"/> from this fingerprint, in words; empty when nothing moved.</summary>
        public IReadOnlyList<string> Moved(HeatStackFingerprint now)
        {
            if (now == null) throw new ArgumentNullException(nameof(now));
            var moved = new List<string>();
            if (now.StackId != StackId) moved.Add($"the stack is another one now (id {now.StackId}, planned {StackId})");
            if (now.StackStatus != StackStatus) moved.Add($"its status is {now.StackStatus} (planned {StackStatus})");
            if (now.UpdatedTime != UpdatedTime) moved.Add($"it was updated at {TerminalText.Time(now.UpdatedTime)} (planned {TerminalText.Time(UpdatedTime) ?? "never"})");
            if (now.TemplateHash != TemplateHash) moved.Add("its template changed");
            if (now.EnvironmentHash != EnvironmentHash) moved.Add("its environment changed");
            if (now.ParametersHash != ParametersHash) moved.Add("its parameters changed");
            return moved;
        }

        /// <summary>SHA-256 of the JSON with every object's keys in order: the same data hashes the same, however listed.</summary>
        internal static string Hash(JToken token)
        {
            var text = Canonical(token).ToString(Formatting.None);
            using (var sha = SHA256.Create())
            {
                return "sha256:" + string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        private static JToken Canonical(JToken token)
        {
            switch (token)
            {
                case JObject obj:
                    return new JObject(obj.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Canonical(p.Value))));
                case JArray array:
                    return new JArray(array.Select(Canonical));
                default:
                    return token.DeepClone();
            }
        }
    }
}
