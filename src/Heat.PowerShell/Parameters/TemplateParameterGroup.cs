using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// A cmdlet's template group (<typeparamref name="TGroup"/>, still the one definition of -TemplatePath, -Parameter
    /// ...) and the parameters of the template named on its command line, as one set of dynamic parameters. PowerShell
    /// describes a dictionary afresh for each command, so the per-process description that a group type shares between
    /// cmdlets (see <see cref="StackDefinitionParameters{TCmdlet}"/>) does not arise here.
    /// </summary>
    internal sealed class TemplateParameterGroup<TGroup> where TGroup : TemplateSourceParameters, new()
    {
        private readonly ScopedParameterGroup<TGroup> _group = new ScopedParameterGroup<TGroup>(false);
        private readonly List<KeyValuePair<RuntimeDefinedParameter, string>> _template = new List<KeyValuePair<RuntimeDefinedParameter, string>>();

        /// <summary>What <see cref="IDynamicParameters.GetDynamicParameters"/> returns.</summary>
        /// <param name="valuesRequired">Whether a template parameter without a default is mandatory (see
        /// <see cref="TemplateParameterSet.Build"/>).</param>
        public RuntimeDefinedParameterDictionary Parameters(PSCmdlet cmdlet, bool valuesRequired)
        {
            foreach (var added in _template) _group.Parameters.Remove(added.Key.Name);
            _template.Clear();
            var template = CommandLineTemplate.Read(cmdlet);
            if (template == null) return _group.Parameters;
            var taken = new HashSet<string>(TemplateParameterSet.NamesOf(cmdlet.GetType(), typeof(TGroup)), StringComparer.OrdinalIgnoreCase);
            List<KeyValuePair<RuntimeDefinedParameter, string>> built;
            try
            {
                built = TemplateParameterSet.Build(template, taken, valuesRequired);
            }
            catch (Exception e) when (!(e is OutOfMemoryException || e is StackOverflowException))
            {
                // A parameter Heat would refuse (a list where a mapping belongs): the cmdlet reports it when it runs.
                return _group.Parameters;
            }
            foreach (var parameter in built)
            {
                _group.Parameters.Add(parameter.Key.Name, parameter.Key);
                _template.Add(parameter);
            }
            return _group.Parameters;
        }

        /// <summary>
        /// The group with the values bound for this record, and the template parameters given on the command line: a new
        /// object each call, so what one record captured is not changed by the next.
        /// </summary>
        public TGroup Bound()
        {
            var group = _group.Bound();
            foreach (var parameter in _template.Where(p => p.Key.IsSet))
            {
                group.TemplateValues[parameter.Value] = TemplateValue.Of(parameter.Key.Value);
            }
            return group;
        }
    }
}
