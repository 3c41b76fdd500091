using System.Collections;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;
using Heat.Client.Templates;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Validates a template through Heat and returns what Heat says of it: description, parameters, groups.</para>
    /// <para type="description">An invalid template is an error record carrying Heat's own message; the next piped template is still checked.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "HeatTemplate", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(HeatTemplateValidation))]
    public sealed class TestHeatTemplate : HeatCmdlet
    {
        public const string PathSet = "TemplatePath";
        public const string BodySet = "Template";
        public const string UrlSet = "TemplateUrl";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Path", "FullName")]
        [ValidateNotNullOrEmpty]
        public string TemplatePath { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = BodySet)]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UrlSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string TemplateUrl { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] EnvironmentPath { get; set; }

        /// <summary>Values to validate the template with.</summary>
        [Parameter]
        public Hashtable Parameter { get; set; }

        [Parameter]
        public Hashtable ParameterFile { get; set; }

        /// <summary>Heat's error codes to let pass (for example 99001), as <c>openstack orchestration template validate --ignore-errors</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] IgnoreErrors { get; set; }

        /// <summary>Include the nested templates' parameters.</summary>
        [Parameter]
        public SwitchParameter ShowNested { get; set; }

        /// <summary>Only the local checks (syntax, version, referenced files, size, parameters): no cloud needed.</summary>
        [Parameter]
        public SwitchParameter Offline { get; set; }

        protected override void ProcessRecord()
        {
            var request = NewTemplateRequest(TemplatePath, Template, TemplateUrl, EnvironmentPath);
            var source = request.TemplatePath ?? request.TemplateUrl ?? "(template text)";
            TryItem("HeatTemplate", source, () =>
            {
                var bundle = Offline
                    ? TemplateLoader.CheckLocal(request)
                    : Await(TemplateLoader.LoadAsync(request, Client.FetchTextAsync, CancellationToken));
                HeatTemplateValidation validation;
                if (Offline)
                {
                    validation = HeatTemplateValidation.FromTemplate(bundle.Template, source);
                }
                else
                {
                    var validate = new ValidateTemplateRequest
                    {
                        Template = bundle,
                        ShowNested = ShowNested,
                        Parameters = Parameter,
                        ParameterFiles = ParameterFile,
                        BaseDirectory = request.BaseDirectory,
                    };
                    foreach (var code in IgnoreErrors ?? new string[0]) validate.IgnoreErrors.Add(code);
                    validation = Await(Client.ValidateTemplateAsync(validate, source, CancellationToken));
                }
                validation.Files = new System.Collections.Generic.List<string>(bundle.Files.Keys).ToArray();
                validation.UncheckedUrls = new System.Collections.Generic.List<string>(bundle.UncheckedUrls).ToArray();
                var undeclared = TemplateLint.FindUndeclaredParameters(bundle, source);
                if (undeclared.Count > 0)
                {
                    // Heat's /validate lets these through; creating the stack would fail.
                    WriteError(new ErrorRecord(new TemplateException(TemplateProblem.InvalidStructure, source, null, null, string.Join(" ", undeclared)),
                        "HeatTemplateInvalid", ErrorCategory.InvalidData, source));
                    return;
                }
                WriteObject(validation);
            });
        }
    }
}
