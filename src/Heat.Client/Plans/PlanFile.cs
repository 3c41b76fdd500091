using System;
using System.IO;
using System.Text;
using Heat.Client.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Plans
{
    /// <summary>
    /// A plan as a file: indented JSON in UTF-8 (docs/plan-format.md), so that a pull request shows it line by line.
    /// Reading checks the format and version and bounds the file (a plan holds at most Heat's template and files).
    /// </summary>
    public static class PlanFile
    {
        /// <summary>Far above a plan of Heat's largest template with its files (Heat refuses a request over 1 MiB by
        /// default), far below what would exhaust the host.</summary>
        public const long MaxBytes = 64L * 1024 * 1024;

        private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.DateTime,
            DateTimeZoneHandling = DateTimeZoneHandling.Utc,
            MaxDepth = 256,
            NullValueHandling = NullValueHandling.Include,
        });

        public static void Write(HeatStackPlan plan, string path)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            using (var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented })
            {
                Serializer.Serialize(json, plan);
            }
            plan.Path = path;
        }

        /// <exception cref="HeatPlanRefusedException">Not a plan this module reads (format, version, shape, size).</exception>
        public static HeatStackPlan Read(string path)
        {
            var size = new FileInfo(path).Length;
            if (size > MaxBytes) throw Invalid(path, $"it is {size} bytes, over {MaxBytes}");
            JObject json;
            try
            {
                using (var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None, MaxDepth = 256 })
                {
                    json = JObject.Load(reader);
                }
            }
            catch (JsonException e)
            {
                throw Invalid(path, "it is not JSON: " + e.Message);
            }
            if ((string?)json["format"] != HeatStackPlan.FormatName) throw Invalid(path, $"its format is not {HeatStackPlan.FormatName}");
            if (json["version"]?.Type != JTokenType.Integer || (int)json["version"]! != HeatStackPlan.CurrentVersion)
            {
                throw Invalid(path, $"it is version {json["version"]}; this module reads version {HeatStackPlan.CurrentVersion}");
            }
            HeatStackPlan plan;
            try
            {
                plan = json.ToObject<HeatStackPlan>(Serializer) ?? throw Invalid(path, "it is empty");
            }
            catch (JsonException e)
            {
                throw Invalid(path, e.Message);
            }
            if (plan.Target?.StackName == null || plan.Request == null || plan.Operation == null) throw Invalid(path, "it names no stack, operation or request");
            plan.Path = path;
            return plan;
        }

        private static HeatPlanRefusedException Invalid(string path, string why) =>
            new HeatPlanRefusedException(HeatPlanProblem.Invalid, $"{path} is not a plan this module can read: {why}.");
    }
}
