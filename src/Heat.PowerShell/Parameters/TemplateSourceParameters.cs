using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client.Templates;

namespace Heat.PowerShell
{
    /// <summary>
    /// The template parameters, as one group that any cmdlet takes by returning it from
    /// <see cref="IDynamicParameters.GetDynamicParameters"/>: a path, its text or a URL (one parameter set each),
    /// environments, and parameter values and files. A group, not a base class, because a cmdlet may also need a
    /// stack target (Update-HeatStack) and C# gives it one base.
    /// </summary>
    public class TemplateSourceParameters
    {
        public const string PathSet = "TemplatePath";
        public const string BodySet = "Template";
        public const string UrlSet = "TemplateUrl";

        /// <summary>A local template file; relative references in it are read from its folder.</summary>
        /// <remarks>Position 1: after a stack name where the cmdlet has one, first where it has none.</remarks>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Path", "FullName")]
        [ValidateNotNullOrEmpty]
        public string TemplatePath { get; set; }

        /// <summary>The template's text; relative references in it are read from the current location.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BodySet)]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; }

        /// <summary>An http(s) URL of the template; it may name files relative to itself only.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UrlSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string TemplateUrl { get; set; }

        /// <summary>Environment files or URLs, merged in order (later wins).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] EnvironmentPath { get; set; }

        /// <summary>Parameter values; lists, hashtables, numbers and booleans are sent as Heat expects them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Parameters")]
        public Hashtable Parameter { get; set; }

        /// <summary>Parameter name to a file whose content is the value (a script, a key, a certificate).</summary>
        [Parameter]
        public Hashtable ParameterFile { get; set; }

        /// <summary>Whether a template was given (a PATCH update may keep the stack's own).</summary>
        internal bool HasTemplate => TemplatePath != null || Template != null || TemplateUrl != null;

        /// <summary>The template request, with PowerShell paths resolved against the cmdlet's current location.</summary>
        internal TemplateRequest ToRequest(HeatCmdlet cmdlet) => cmdlet.NewTemplateRequest(TemplatePath, Template, TemplateUrl, EnvironmentPath);

        /// <summary>Where the template comes from (the full path, the URL, or "(template text)"), for messages and error targets.</summary>
        internal string Source(HeatCmdlet cmdlet)
        {
            var request = ToRequest(cmdlet);
            return request.TemplatePath ?? request.TemplateUrl ?? "(template text)";
        }

        /// <summary>-Parameter and -ParameterFile as plain values by name.</summary>
        internal Dictionary<string, object> Values(PSCmdlet cmdlet) =>
            ParameterValues.Build(Parameter, ParameterFile, cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath);
    }
}
