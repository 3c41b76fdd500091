using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// Where the command being bound was written, as a <see cref="CommandAst"/>. The template path is itself a dynamic
    /// parameter, so PowerShell has not bound it when it asks for the dynamic parameters, and it offers no public way to
    /// see the arguments not yet bound. What it does offer: the statement being run (InvocationInfo.Statement),
    /// and the call stack, whose frames hold TabExpansion2's input and the text of a Get-Command -ArgumentList statement.
    /// The text is parsed, never run.
    /// </summary>
    internal static class CommandLineText
    {
        /// <summary>The command as written, or null when it was not (AddCommand, a pipeline built in code).</summary>
        public static CommandAst Find(PSCmdlet cmdlet)
        {
            var invocation = cmdlet.MyInvocation;
            var name = invocation.MyCommand?.Name;
            if (name == null) return null;
            // InvocationInfo.Statement is pwsh 7's (the command's own text); Windows PowerShell reads the frame's statement.
            if (PSObject.AsPSObject(invocation).Properties["Statement"]?.Value is string statement && statement.Length > 0)
            {
                return FirstCommand(statement, c => Names(c, name, invocation.InvocationName));
            }
            var frame = Runspace.DefaultRunspace?.Debugger?.GetCallStack()?.FirstOrDefault();
            if (frame == null) return null;
            var variables = frame.GetFrameVariables();
            if (variables.TryGetValue("inputScript", out var input) && input.Value is string script &&
                variables.TryGetValue("cursorColumn", out var column) && column.Value is int cursor)
            {
                // Tab completion: the command of ours around the cursor.
                return FirstCommand(script, c => Names(c, name, null) && c.Extent.StartOffset <= cursor && cursor <= c.Extent.EndOffset + 1);
            }
            var text = frame.Position?.Text;
            if (string.IsNullOrEmpty(text)) return null;
            return FirstCommand(text, c => Names(c, name, invocation.InvocationName)) ?? FromGetCommand(text, name);
        }

        /// <summary>
        /// <c>Get-Command New-HeatStack -ArgumentList ...</c>: the arguments as they would be written after the name
        /// (a string that starts with '-' names a parameter, as Get-Command takes it).
        /// </summary>
        private static CommandAst FromGetCommand(string text, string name)
        {
            var getCommand = FirstCommand(text, c =>
                string.Equals(c.GetCommandName(), "Get-Command", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(c.GetCommandName(), "gcm", StringComparison.OrdinalIgnoreCase));
            if (getCommand == null || !getCommand.CommandElements.Any(e => e is StringConstantExpressionAst s && s != getCommand.CommandElements[0] &&
                    string.Equals(s.Value, name, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            var elements = getCommand.CommandElements;
            for (int i = 1; i < elements.Count; i++)
            {
                if (!(elements[i] is CommandParameterAst parameter) ||
                    !"ArgumentList".StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase) && parameter.ParameterName != "Args")
                {
                    continue;
                }
                var list = parameter.Argument ?? (i + 1 < elements.Count ? elements[i + 1] as ExpressionAst : null);
                if (list == null) return null;
                var items = list is ArrayLiteralAst array ? array.Elements.Cast<Ast>() : new[] { (Ast)list };
                var written = items.Select(item => item is StringConstantExpressionAst s && s.Value.StartsWith("-", StringComparison.Ordinal) &&
                    s.Value.Length > 1 && s.Value.Skip(1).All(ch => char.IsLetterOrDigit(ch) || ch == '_') ? s.Value : item.Extent.Text);
                return FirstCommand(name + " " + string.Join(" ", written), c => Names(c, name, null));
            }
            return null;
        }

        private static bool Names(CommandAst command, string name, string invocationName)
        {
            var written = command.GetCommandName();
            if (written == null) return false;
            return string.Equals(written, name, StringComparison.OrdinalIgnoreCase) ||
                   string.Equals(written, invocationName, StringComparison.OrdinalIgnoreCase) ||
                   written.EndsWith("\\" + name, StringComparison.OrdinalIgnoreCase);
        }

        private static CommandAst FirstCommand(string text, Func<CommandAst, bool> wanted)
        {
            var ast = Parser.ParseInput(text, out _, out _);
            return ast.Find(a => a is CommandAst c && wanted(c), searchNestedScriptBlocks: true) as CommandAst;
        }
    }
}
