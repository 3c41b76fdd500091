namespace Heat.Client.Templates
{
    /// <summary>
    /// The bounds the template loader keeps to, in one place. A template tree can come from someone else's server, so
    /// none of it may exhaust the stack, memory or time; each bound is far above what real templates use.
    /// </summary>
    public static class TemplateLimits
    {
        /// <summary>
        /// Heat's default <c>max_template_size</c>, for each template and environment (the file, and the JSON it becomes):
        /// Heat refuses anything bigger, so it is refused here from the file's length, before it is read, and from the
        /// document's size as JSON with every YAML alias expanded, counted while it is read (a 440 KB file of aliases
        /// stood for 4 GB).
        /// </summary>
        public const int MaxTemplateBytes = 524288;

        /// <summary>
        /// Any one file read for a template (a get_file target: a script, a certificate, a cloud-config). Heat keeps files
        /// in its database with the stack; real ones are kilobytes.
        /// </summary>
        public const int MaxFileBytes = 16 * 1024 * 1024;

        /// <summary>
        /// All files read for one template, its children and environments together; a child or environment counts as the
        /// JSON it becomes when that is larger than its text (aliases, escapes).
        /// </summary>
        public const long MaxBundleBytes = 64 * 1024 * 1024;

        /// <summary>Files read for one template, its children and environments together.</summary>
        public const int MaxFiles = 1000;

        /// <summary>
        /// Levels of files below the top template or an environment: a child (type:, a get_file template, a registry
        /// entry) is one level below the file that names it, and a file at this depth may name no further file. Heat's
        /// own max_nested_stack_depth is 5 by default and an operator may raise it; this is twice that default. Cycle
        /// detection alone cannot stop a server that answers every child with a new name.
        /// </summary>
        public const int MaxNestingDepth = 10;

        /// <summary>
        /// Nested mappings and lists in one YAML or JSON document, counting what YAML aliases expand to; checked while
        /// reading, as a stack overflow cannot be caught and would end pwsh. Real templates stay under 30 levels.
        /// Measured on .NET 10 (Release) with a document this deep: loading it, PythonJson.Dumps, Json.NET's writer,
        /// HeatJson.ToPlain and TemplateLint all fit in 160 KiB of stack; Json.NET's DeepClone of nested mappings, the
        /// hungriest walk (about 1.7 KiB a level), in 512 KiB. So there is room to spare on a 1 MiB thread stack. The
        /// old JSON bound of 512 would not leave that room.
        /// </summary>
        public const int MaxDocumentDepth = 256;
    }
}
