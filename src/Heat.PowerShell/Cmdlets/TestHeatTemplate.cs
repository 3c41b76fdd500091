using System;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;
using Heat.Client.Templates;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Validates templates: local checks first, then Heat's, and returns what Heat says of each
    /// template.</summary>
    /// <remarks>
    /// <para>Test-HeatTemplate reads the template and everything it names as New-HeatStack would, and checks locally
    /// what can be checked: YAML or JSON syntax (errors with file, line and column), the template version, referenced
    /// files, sizes and the parameters given. Then it asks Heat to validate it (<c>openstack orchestration template
    /// validate</c>) with the environments and parameters, and writes a HeatTemplateValidation: Description, Parameters
    /// (each with type, default, constraints), ParameterGroups, the Files sent, and with -ShowNested the nested
    /// templates' parameters.</para>
    /// <para>An invalid template is a non-terminating error record (HeatTemplateInvalid, with the local fault or Heat's
    /// own message), so <c>Get-ChildItem *.yaml | Test-HeatTemplate</c> checks every file and reports each bad one.
    /// -Offline stops after the local checks and needs no cloud: for a build pipeline. See
    /// about_Heat.PowerShell_Templates.</para>
    /// <para>Heat's validation does not check parameter values; a create does. With -Parameter or -ParameterFile (online
    /// or -Offline), each value is checked as a create would check it: its type (number, boolean, comma_delimited_list,
    /// json), the template's constraints (range, length, modulo, allowed_values, allowed_pattern) and a value for every
    /// parameter without a default, from -Parameter or the environment. Each problem is a HeatTemplateInvalid error in
    /// Heat's words, naming the parameter ("Parameter 'count' is invalid: 9 is out of range (min: 1, max: 5)").</para>
    /// <para>Each parameter of a template named on the command line (-TemplatePath or -Template) is also a parameter
    /// of this cmdlet, typed and checked as Heat checks it: <c>-count 3 -flavor large</c>. A name the cmdlet already has is
    /// &lt;name&gt;FromTemplate (-tagFromTemplate); -Parameter still takes every one. See
    /// about_Heat.PowerShell_Templates.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Test-HeatTemplate ./web.yaml -EnvironmentPath ./env/prod.yaml
    /// </code>
    /// <para>Validates the template with its environment and shows its description and parameters.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-ChildItem templates/*.yaml | Test-HeatTemplate -Offline
    /// </code>
    /// <para>Checks every template of a folder without a cloud: one error record per bad template.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Test-HeatTemplate -TemplatePath ./web.yaml).Parameters | Format-Table Name, Type, Default
    /// </code>
    /// <para>The parameters the template takes.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Test-HeatTemplate ./web.yaml -EnvironmentPath ./env/prod.yaml -Parameter @{ count = 9; image = 'debian-12' } -Offline
    /// </code>
    /// <para>Checks the values a create would send, without a cloud: a count outside the template's range, a value not
    /// allowed, a parameter left without a value are each an error, worded as Heat would word it.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "HeatTemplate", DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatTemplateValidation))]
    public sealed class TestHeatTemplate : HeatCmdlet, IDynamicParameters
    {
        private readonly TemplateParameterGroup<TemplateSourceParameters<TestHeatTemplate>> _parameters =
            new TemplateParameterGroup<TemplateSourceParameters<TestHeatTemplate>>();

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile, and the
        /// template's own parameters, none mandatory: a template is validated without values.</summary>
        public object GetDynamicParameters() => _parameters.Parameters(this, valuesRequired: false);

        /// <summary>The template group as bound for this record.</summary>
        private TemplateSourceParameters Group => _parameters.Bound();

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
            var source = Group.Source(this);
            TryItem("HeatTemplate", source, () =>
            {
                TemplateBundle bundle;
                HeatTemplateValidation validation;
                if (Offline)
                {
                    bundle = TemplateLoader.CheckLocal(Group.ToRequest(this));
                    validation = HeatTemplateValidation.FromTemplate(bundle.Template, source);
                }
                else
                {
                    bundle = LoadTemplate(Group);
                    var validate = new ValidateTemplateRequest { Template = bundle, ShowNested = ShowNested, Parameters = Group.Values(this) };
                    foreach (var code in IgnoreErrors ?? Array.Empty<string>()) validate.IgnoreErrors.Add(code);
                    validation = Await(Client.Templates.ValidateAsync(validate, source, CancellationToken));
                }
                validation.Files = bundle.Files.Keys.ToArray();
                validation.UncheckedUrls = bundle.UncheckedUrls.ToArray();
                var undeclared = TemplateLint.FindUndeclaredParameters(bundle);
                if (undeclared.Count > 0)
                {
                    // Heat's /validate lets these through; creating the stack would fail.
                    WriteError(ToErrorRecord(new TemplateException(TemplateProblem.InvalidStructure, source, null, null, string.Join(" ", undeclared)),
                        "HeatTemplate", source));
                    return;
                }
                if (ReportParameterProblems(bundle, source)) return;
                WriteObject(validation);
            });
        }

        /// <summary>
        /// With -Parameter or -ParameterFile: the values Heat's /validate lets through and a create refuses (type,
        /// constraints, a parameter with no value and no default), one error each, in Heat's words.
        /// </summary>
        private bool ReportParameterProblems(TemplateBundle bundle, string source)
        {
            if (Group.Parameter == null && Group.ParameterFile == null && Group.TemplateValues.Count == 0) return false;
            var problems = ParameterCheck.Check(bundle.Template, bundle.Environment, TemplateParameters.Format(Group.Values(this)));
            foreach (var problem in problems)
            {
                WriteError(ToErrorRecord(new TemplateException(TemplateProblem.ParameterValue, source, null, null, problem.Message), "HeatTemplate", source));
            }
            return problems.Count > 0;
        }
    }
}
