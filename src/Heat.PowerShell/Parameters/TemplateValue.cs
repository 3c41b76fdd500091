using System;

namespace Heat.PowerShell.Parameters
{
    /// <summary>A template parameter's value as it is sent.</summary>
    internal static class TemplateValue
    {
        /// <summary>
        /// A number parameter binds as a double; a whole one is sent as a whole number ("3", not "3.0"), which a
        /// count or a port takes.
        /// </summary>
        public static object Of(object value) =>
            value is double number && Math.Floor(number) == number && Math.Abs(number) < 9e15 ? (object)(long)number : value;
    }
}
