using System.Linq;
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
    [Cmdlet(VerbsDiagnostic.Test, "HeatTemplate", DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatTemplateValidation))]
    public sealed class TestHeatTemplate : HeatCmdlet, IDynamicParameters
    {
        private readonly TemplateSourceParameters _template = new TemplateSourceParameters();

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile.</summary>
        public object GetDynamicParameters() => _template;

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
            var source = _template.Source(this);
            TryItem("HeatTemplate", source, () =>
            {
                TemplateBundle bundle;
                HeatTemplateValidation validation;
                if (Offline)
                {
                    bundle = TemplateLoader.CheckLocal(_template.ToRequest(this));
                    validation = HeatTemplateValidation.FromTemplate(bundle.Template, source);
                }
                else
                {
                    bundle = LoadTemplate(_template);
                    var validate = new ValidateTemplateRequest { Template = bundle, ShowNested = ShowNested, Parameters = _template.Values(this) };
                    foreach (var code in IgnoreErrors ?? new string[0]) validate.IgnoreErrors.Add(code);
                    validation = Await(Client.Templates.ValidateAsync(validate, source, CancellationToken));
                }
                validation.Files = bundle.Files.Keys.ToArray();
                validation.UncheckedUrls = bundle.UncheckedUrls.ToArray();
                var undeclared = TemplateLint.FindUndeclaredParameters(bundle);
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
