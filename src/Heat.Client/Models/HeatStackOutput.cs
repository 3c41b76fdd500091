using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>One output of a stack: its value, description and, when Heat could not compute it, the error.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatStackOutput
    {
        [JsonProperty("output_key")]
        public string? OutputKey { get; set; }

        [JsonProperty("output_value"), JsonConverter(typeof(PlainConverter))]
        public object? OutputValue { get; set; }

        [JsonProperty("description")]
        public string? Description { get; set; }

        [JsonProperty("output_error")]
        public string? OutputError { get; set; }

        public string? StackName { get; set; }

        public string? StackId { get; set; }

        public override string ToString() => OutputKey ?? string.Empty;

        internal HeatStackOutput Of(StackRef stack)
        {
            StackName = stack.StackName;
            StackId = stack.StackId;
            return this;
        }
    }
}
