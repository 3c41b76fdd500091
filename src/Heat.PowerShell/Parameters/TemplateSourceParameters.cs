using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client.Internal;
using Heat.Client.Templates;

namespace Heat.PowerShell.Parameters
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

        /// <summary>A local template file, HOT or CloudFormation, YAML or JSON. The files it names (get_file, child
        /// templates as resource types) are read relative to it and sent with it. Binds piped strings and FileInfo
        /// objects (alias FullName), so <c>Get-ChildItem *.yaml | ...</c> works. See
        /// about_Heat.PowerShell_Templates.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Path", "FullName")]
        [ValidateNotNullOrEmpty]
        public string TemplatePath { get; set; }

        /// <summary>The template's text itself. Relative files it names are read from the current location.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BodySet)]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; }

        /// <summary>An http or https URL of the template. The template and the files it names are fetched here and
        /// sent to Heat; a remote template may name only http(s) URLs (relative to its own, or absolute), never local files.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UrlSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string TemplateUrl { get; set; }

        /// <summary>Environment files or URLs (parameters, parameter_defaults, resource_registry ...), merged in order,
        /// later ones winning. Files they name are read relative to each environment.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] EnvironmentPath { get; set; }

        /// <summary>Parameter values by name. Numbers, booleans, lists and hashtables are sent as Heat expects them (a
        /// list for comma_delimited_list, a hashtable for json); a SecureString (Get-Secret, Read-Host -AsSecureString)
        /// is opened only into the request. Binds by property name (a Parameter column or
        /// property); text is taken as a JSON object (<c>{"count": 2}</c>) or as <c>name=value;name=value</c>, so a
        /// CSV column works, and any other text is an error for its row, never a stack made without it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Parameters")]
        [ParameterTableTransformation]
        [ArgumentCompleter(typeof(TemplateParameterNameCompleter))]
        public Hashtable Parameter { get; set; }

        /// <summary>Parameter name to a file whose content is the value: a script, a key, a certificate (<c>@{ ssh_key
        /// = './id.pub' }</c>). Paths are relative to the current location.</summary>
        [Parameter]
        public Hashtable ParameterFile { get; set; }

        /// <summary>Whether a template was given (a PATCH update may keep the stack's own).</summary>
        internal bool HasTemplate => TemplatePath != null || Template != null || TemplateUrl != null;

        /// <summary>The template request, with PowerShell paths resolved against the cmdlet's current location.</summary>
        internal TemplateRequest ToRequest(HeatCmdlet cmdlet) => cmdlet.NewTemplateRequest(TemplatePath, Template, TemplateUrl, EnvironmentPath);

        /// <summary>
        /// Where the template comes from (the full path, the URL with its credentials masked, or "(template text)"), for
        /// messages and error targets.
        /// </summary>
        internal string Source(HeatCmdlet cmdlet)
        {
            var request = ToRequest(cmdlet);
            return Secrets.RedactText(request.TemplatePath ?? request.TemplateUrl ?? "(template text)");
        }

        /// <summary>The template's own parameters given as cmdlet parameters (-count 3), by template parameter name.</summary>
        internal Dictionary<string, object> TemplateValues { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

        /// <summary>-Parameter, -ParameterFile and the template's parameters given as cmdlet parameters, as plain values
        /// by name. A name given both ways is an error, not a guess at which one was meant.</summary>
        internal Dictionary<string, object> Values(PSCmdlet cmdlet)
        {
            var values = ParameterValues.Build(Parameter, ParameterFile, cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath);
            foreach (var given in TemplateValues)
            {
                if (values.ContainsKey(given.Key))
                {
                    throw new HeatUsageException("HeatParameterGivenTwice",
                        $"The template parameter '{Client.TerminalText.Line(given.Key)}' is given both as a cmdlet parameter and in -Parameter or -ParameterFile; give it once.",
                        given.Key);
                }
                values[given.Key] = ParameterValues.Plain(given.Value);
            }
            return values;
        }
    }
}
