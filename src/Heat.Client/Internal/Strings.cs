using System.Diagnostics.CodeAnalysis;

namespace Heat.Client.Internal
{
    /// <summary>
    /// string.IsNullOrEmpty and string.IsNullOrWhiteSpace as .NET Core 3.0 and later declare them: netstandard2.0's
    /// copies do not tell the nullable analysis that the text is not null when they return false, so a check made with
    /// them would not count. Use these in this assembly.
    /// </summary>
    internal static class Strings
    {
        public static bool IsNullOrEmpty([NotNullWhen(false)] string? value) => string.IsNullOrEmpty(value);

        public static bool IsNullOrWhiteSpace([NotNullWhen(false)] string? value) => string.IsNullOrWhiteSpace(value);
    }
}
