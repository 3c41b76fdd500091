using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using Heat.Client;
using Heat.Client.Models;
using Heat.PowerShell.Parameters;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Completes -Parameter's name=value text with the names of the template already named on the command line
    /// (<c>-Parameter co</c> Tab gives <c>count=</c>). PowerShell does not ask a parameter's completer for a key of a
    /// hashtable literal (<c>-Parameter @{ co</c>), so that position gets nothing from here; the template's parameters
    /// are offered as cmdlet parameters instead (<c>-co</c> Tab). Never throws; reads only a local file or the text given.
    /// </summary>
    public sealed class TemplateParameterNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var word = (wordToComplete ?? string.Empty).TrimStart('\'', '"');
                if (word.Contains('=') || word.Contains(';')) return Array.Empty<CompletionResult>();
                var template = Template(fakeBoundParameters);
                if (template == null) return Array.Empty<CompletionResult>();
                return HeatTemplateValidation.FromTemplate(template, null).Parameters
                    .Where(p => p.Name != null && p.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    .Take(CompletionLists.MaxItems)
                    .Select(p => Result(p))
                    .ToList();
            }
            catch (Exception e) when (!(e is OutOfMemoryException || e is StackOverflowException))
            {
                // A Tab never throws: a template that cannot be read offers nothing.
                return Array.Empty<CompletionResult>();
            }
        }

        private static CompletionResult Result(HeatTemplateParameter parameter)
        {
            var text = parameter.Name + "=";
            var plain = text.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '=');
            var completion = plain ? text : "'" + CodeGeneration.EscapeSingleQuotedStringContent(text) + "'";
            var shown = TerminalText.Line(parameter.Name);
            var description = TerminalText.Line(parameter.Description);
            return new CompletionResult(completion, shown, CompletionResultType.ParameterValue,
                string.IsNullOrEmpty(description) ? shown : shown + "  " + description);
        }

        private static Newtonsoft.Json.Linq.JObject Template(IDictionary bound)
        {
            if (bound == null) return null;
            if (Plain(bound["Template"]) is string text) return CommandLineTemplate.ParseText(text);
            var path = Plain(bound["TemplatePath"]) is FileInfo file ? file.FullName : Plain(bound["TemplatePath"]) as string;
            if (string.IsNullOrEmpty(path) || path.Contains("://")) return null;
            if (!Path.IsPathRooted(path))
            {
                var here = Runspace.DefaultRunspace?.SessionStateProxy?.Path?.CurrentFileSystemLocation?.ProviderPath;
                if (here == null) return null;
                path = Path.Combine(here, path);
            }
            return CommandLineTemplate.ParseFile(path);
        }

        private static object Plain(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
