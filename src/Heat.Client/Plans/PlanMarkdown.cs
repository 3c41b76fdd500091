using System;
using System.Linq;
using System.Text;

namespace Heat.Client.Plans
{
    /// <summary>
    /// A plan as Markdown for a pull-request comment: where it goes, the stack it was made against, each change as a
    /// table row, and the secret parameters it will need. Text from Heat or a template is made safe for a table cell
    /// and for a terminal (no control characters, no pipes or backticks that would break the table).
    /// </summary>
    public static class PlanMarkdown
    {
        public static string Render(HeatStackPlan plan)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            var target = plan.Target;
            var text = new StringBuilder();
            text.Append("### Heat stack plan: ").Append(Cell(target.StackName)).Append(" (").Append(Cell(plan.Operation)).AppendLine(")").AppendLine();
            text.AppendLine("| | |").AppendLine("| --- | --- |");
            Row(text, "Stack", target.StackId == null ? Cell(target.StackName) + " (new)" : $"{Cell(target.StackName)} ({Cell(target.StackId)})");
            Row(text, "Heat", Cell(target.HeatEndpoint));
            Row(text, "Project", $"{Cell(target.ProjectName)} ({Cell(target.ProjectId)})");
            if (target.Region != null) Row(text, "Region", Cell(target.Region));
            Row(text, "Planned", TerminalText.Time(plan.CreatedAt) ?? string.Empty);
            if (plan.Fingerprint is HeatStackFingerprint print)
            {
                Row(text, "Applies while", $"{Cell(print.StackStatus)}, updated {Cell(TerminalText.Time(print.UpdatedTime) ?? "never")}, template `{Short(print.TemplateHash)}`");
            }
            else
            {
                Row(text, "Applies while", "no stack has this name");
            }
            text.AppendLine();
            var changes = plan.Differences.Where(d => d.Change != "Unchanged").ToList();
            if (changes.Count == 0)
            {
                text.AppendLine("No changes.");
            }
            else
            {
                text.AppendLine("| Change | Kind | Name | Property | Before | After |").AppendLine("| --- | --- | --- | --- | --- | --- |");
                foreach (var d in changes)
                {
                    var name = d.NestedStackName == null ? Cell(d.Name) : $"{Cell(d.NestedStackName)}/{Cell(d.Name)}";
                    var change = d.Restricted == null ? Cell(d.Change) : $"**{Cell(d.Change)} (restricted: {Cell(d.Restricted)})**";
                    text.Append("| ").Append(change).Append(" | ").Append(Cell(d.Kind)).Append(" | ").Append(name).Append(" | ")
                        .Append(Cell(d.Property)).Append(" | ").Append(Cell(d.Before)).Append(" | ").Append(Cell(d.After)).AppendLine(" |");
                }
            }
            if (plan.SecretParameters.Length > 0)
            {
                text.AppendLine().Append("Secret parameters, given again when applied: ")
                    .AppendLine(string.Join(", ", plan.SecretParameters.Select(p => "`" + Cell(p).Replace("`", "'") + "`")));
            }
            return text.ToString();
        }

        private static void Row(StringBuilder text, string label, string value) => text.Append("| ").Append(label).Append(" | ").Append(value).AppendLine(" |");

        private static string Short(string? hash) => hash == null ? string.Empty : hash.Length > 19 ? hash.Substring(0, 19) : hash;

        /// <summary>One line, safe in a table cell and on a terminal; long values cut.</summary>
        private static string Cell(string? value)
        {
            var line = TerminalText.Line(value ?? string.Empty).Replace("|", "\\|").Replace("`", "'");
            return line.Length > 120 ? line.Substring(0, 117) + "..." : line;
        }
    }
}
