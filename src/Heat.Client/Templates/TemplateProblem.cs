namespace Heat.Client.Templates
{
    /// <summary>What kind of problem a template, environment or referenced file has.</summary>
    public enum TemplateProblem
    {
        /// <summary>The file is not valid YAML or JSON (or not UTF-8); <see cref="TemplateException.Line"/> says where.</summary>
        Syntax,

        /// <summary>A template has none of <c>heat_template_version</c>, <c>AWSTemplateFormatVersion</c>, <c>HeatTemplateFormatVersion</c>.</summary>
        MissingVersion,

        /// <summary>An environment file given where a template goes: it has environment sections and no version.</summary>
        EnvironmentAsTemplate,

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
        /// A path names a FIFO, a socket or a device rather than a regular file: a blocking open can wait for ever and
        /// reading may never end, so it is opened without blocking, judged by its handle and closed unread.
        /// </summary>
        NotRegularFile,

        /// <summary>
        /// A parameter value Heat would refuse on create (its type, its constraints), or a parameter with neither a value
        /// nor a default: Heat's /validate does not check values (<see cref="ParameterCheck"/> does).
        /// </summary>
        ParameterValue,
    }
}
