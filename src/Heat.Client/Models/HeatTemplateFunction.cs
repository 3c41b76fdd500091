using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>An intrinsic function a template of one version may use.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatTemplateFunction
    {
        /// <summary>The function's name (<c>get_param</c>, <c>Fn::Join</c>): Heat calls this field "functions".</summary>
        [JsonProperty("functions")]
        public string? Function { get; set; }

        /// <summary>The first line of the function's documentation.</summary>
        [JsonProperty("description")]
        public string? Description { get; set; }

        /// <summary>The template version it was listed for, as asked.</summary>
        public string? TemplateVersion { get; set; }

        public override string ToString() => Function ?? string.Empty;

        internal HeatTemplateFunction Of(string version)
        {
            TemplateVersion = version;
            return this;
        }
    }
}
