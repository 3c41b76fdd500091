using System;
using System.Text;
using Heat.Client.Internal;

namespace Heat.Client.Templates
{
    /// <summary>
    /// A problem found in a template, an environment or a file they reference, before anything is sent to Heat.
    /// The message names the file and, when known, the position: <c>/repo/app/stack.yaml (line 4, column 7): ...</c>.
    /// A file named by a signed URL is named with its credentials masked, here and in the inner exceptions.
    /// </summary>
    public class TemplateException : Exception
    {
        public TemplateException(TemplateProblem problem, string? filePath, int? line, int? column, string detail,
            string? referencedPath = null, Exception? innerException = null)
            : base(Secrets.RedactText(FormatMessage(filePath, line, column, detail)), Secrets.Redact(innerException))
        {
            Problem = problem;
            FilePath = Secrets.RedactText(filePath);
            Line = line;
            Column = column;
            Detail = Secrets.RedactText(detail);
            ReferencedPath = Secrets.RedactText(referencedPath);
        }

        /// <summary>The kind of problem, for callers that map it to an error id or category.</summary>
        public TemplateProblem Problem { get; }

        /// <summary>The file in which the problem is (for a missing file: the file that names it), a local path or a URL.</summary>
        public string? FilePath { get; }

        /// <summary>1-based line in <see cref="FilePath"/>, when known.</summary>
        public int? Line { get; }

        /// <summary>1-based column in <see cref="FilePath"/>, when known.</summary>
        public int? Column { get; }

        /// <summary>The message without the file and position prefix.</summary>
        public string Detail { get; }

        /// <summary>For <see cref="TemplateProblem.FileNotFound"/> and similar: the path or URL that was referenced.</summary>
        public string? ReferencedPath { get; }

        internal static string FormatMessage(string? filePath, int? line, int? column, string detail)
        {
            var text = new StringBuilder(filePath ?? "(template)");
            if (line.HasValue)
            {
                text.Append(" (line ").Append(line.Value);
                if (column.HasValue)
                {
                    text.Append(", column ").Append(column.Value);
                }
                text.Append(')');
            }
            text.Append(": ").Append(detail);
            return text.ToString();
        }
    }
}
