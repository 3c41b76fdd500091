using System;
using System.Linq;

namespace Heat.ModuleLoad
{
    /// <summary>What the program saw, one line each (a name, then its values), separated by tabs, for the Pester test.</summary>
    internal sealed class Report
    {
        public void Add(string name, params string[] values) =>
            Console.Out.WriteLine(string.Join("\t", new[] { name }.Concat(values).Select(OneLine)));

        private static string OneLine(string text) => (text ?? string.Empty).Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
    }
}
