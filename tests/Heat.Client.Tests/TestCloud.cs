using System.Security;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Tests
{
    /// <summary>
    /// What Hostile/ builds its fake servers' answers from (that folder is maintained on its own, so it keeps these
    /// names); the JSON comes from <see cref="HeatFixtures"/>. New tests use <see cref="FakeHeat"/> directly.
    /// </summary>
    internal static class TestCloud
    {
        public static SecureString Secure(string text) => FakeHeat.Secure(text);

        public static JObject V3TokenBody(string expiresAt = HeatFixtures.FarFuture) => HeatFixtures.KeystoneV3Token(expiresAt);

        public static string StackJson(string name, string id, string status = "CREATE_COMPLETE") => HeatFixtures.Stack(name, id, status).ToString();
    }
}
