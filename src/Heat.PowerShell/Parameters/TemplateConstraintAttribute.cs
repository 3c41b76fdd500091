using System;
using System.Management.Automation;
using Heat.Client.Models;
using Heat.Client.Templates;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// A template parameter's type and constraints checked as Heat checks them (range, length, modulo, allowed_values,
    /// allowed_pattern matched from the start to the end, as Heat's re.match), at binding, so a value Heat would refuse
    /// stops the command before any request, in Heat's words or the constraint's own description.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class TemplateConstraintAttribute : ValidateArgumentsAttribute
    {
        private readonly HeatTemplateParameter _parameter;

        public TemplateConstraintAttribute(HeatTemplateParameter parameter) => _parameter = parameter;

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            var refusal = ParameterCheck.Refusal(_parameter, TemplateParameters.ConvertValue(TemplateValue.Of(value)));
            if (refusal != null)
            {
                throw new ValidationMetadataException(Client.TerminalText.Line($"Parameter '{_parameter.Name}' is invalid: {refusal}"));
            }
        }
    }
}
