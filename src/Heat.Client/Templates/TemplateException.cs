using System;
using System.Text;

namespace Heat.Client.Templates
{
    /// <summary>What kind of problem a template, environment or referenced file has.</summary>
    public enum TemplateProblem
    {
        /// <summary>The file is not valid YAML or JSON (or not UTF-8); <see cref="TemplateException.Line"/> says where.</summary>
        Syntax,

        /// <summary>A template has none of <c>heat_template_version</c>, <c>AWSTemplateFormatVersion</c>, <c>HeatTemplateFormatVersion</c>.</summary>
        MissingVersion,

        /// <summary>The document parses but has the wrong shape: not a mapping, an unknown or empty environment section.</summary>
        InvalidStructure,

        /// <summary>A template, environment, <c>get_file</c> target or child template does not exist.</summary>
        FileNotFound,

        /// <summary>
        /// A template or environment is over Heat's <c>max_template_size</c> (524288 bytes), or a file, or all files of one
        /// template together, are over one of the caps of <see cref="TemplateLimits"/>.
        /// </summary>
        TooLarge,

        /// <summary>A child template includes, directly or not, a template that is still being read.</summary>
        Cycle,

        /// <summary>An http(s) reference could not be fetched.</summary>
        FetchFailed,

        /// <summary>A reference whose scheme this client cannot read (only file, http and https).</summary>
        UnsupportedReference,

        /// <summary>
        /// A file read over http(s) names something that is not an http(s) URL: a local path, a <c>file:</c> URL, a drive
        /// or UNC path. Refused before any file system access, so the message says nothing about the local file.
        /// </summary>
        ForbiddenReference,

        /// <summary>
        /// A document nests deeper than <see cref="TemplateLimits.MaxDocumentDepth"/> (counting what YAML aliases expand
        /// to; <see cref="TemplateException.Line"/> says where), or child templates nest deeper than
        /// <see cref="TemplateLimits.MaxNestingDepth"/>.
        /// </summary>
        TooDeep,

        /// <summary>
        /// A path names a FIFO, a socket or a device rather than a regular file: opening it can block for ever and reading
        /// it may never end, so it is refused before it is opened.
        /// </summary>
        NotRegularFile,

        /// <summary>
        /// A parameter value Heat would refuse on create (its type, its constraints), or a parameter with neither a value
        /// nor a default: Heat's /validate does not check values (<see cref="ParameterCheck"/> does).
        /// </summary>
        ParameterValue,
    }

    /// <summary>
    /// A problem found in a template, an environment or a file they reference, before anything is sent to Heat.
    /// The message names the file and, when known, the position: <c>/repo/app/stack.yaml (line 4, column 7): ...</c>.
    /// </summary>
    public class TemplateException : Exception
    {
        public TemplateException(TemplateProblem problem, string filePath, int? line, int? column, string detail,
            string referencedPath = null, Exception innerException = null)
            : base(FormatMessage(filePath, line, column, detail), innerException)
        {
            Problem = problem;
            FilePath = filePath;
            Line = line;
            Column = column;
            Detail = detail;
            ReferencedPath = referencedPath;
        }

        /// <summary>The kind of problem, for callers that map it to an error id or category.</summary>
        public TemplateProblem Problem { get; }

        /// <summary>The file in which the problem is (for a missing file: the file that names it), a local path or a URL.</summary>
        public string FilePath { get; }

        /// <summary>1-based line in <see cref="FilePath"/>, when known.</summary>
        public int? Line { get; }

        /// <summary>1-based column in <see cref="FilePath"/>, when known.</summary>
        public int? Column { get; }

        /// <summary>The message without the file and position prefix.</summary>
        public string Detail { get; }

        /// <summary>For <see cref="TemplateProblem.FileNotFound"/> and similar: the path or URL that was referenced.</summary>
        public string ReferencedPath { get; }

        internal static string FormatMessage(string filePath, int? line, int? column, string detail)
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
