namespace Heat.Client.Models
{
    /// <summary>Splits Heat's joined status ("CREATE_IN_PROGRESS") into action and state.</summary>
    internal static class HeatStatus
    {
        public static string Action(string status)
        {
            if (string.IsNullOrEmpty(status)) return null;
            int i = status.IndexOf('_');
            return i > 0 ? status.Substring(0, i) : null;
        }

        public static string State(string status)
        {
            if (string.IsNullOrEmpty(status)) return null;
            int i = status.IndexOf('_');
            return i > 0 ? status.Substring(i + 1) : status;
        }
    }
}
