using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// A parameter group (such as <see cref="TemplateSourceParameters"/>) offered as the dynamic parameters of its own
    /// parameter sets only. A group's parameter without a set (-EnvironmentPath) otherwise joins every set of the cmdlet,
    /// so a cmdlet that takes either a stack or a template (Get-HeatStackGraph) would show -EnvironmentPath beside
    /// -StackName. Each such parameter is declared again for each set the group names; attributes are copied from the
    /// group, so the group stays the one definition. <see cref="Bound"/> gives the group with the values PowerShell bound.
    /// </summary>
    internal sealed class ScopedParameterGroup<TGroup> where TGroup : new()
    {
        private readonly List<PropertyInfo> _properties = new List<PropertyInfo>();

        /// <param name="leaveOut">Parameters of the group that this cmdlet does not take.</param>
        public ScopedParameterGroup(params string[] leaveOut)
            : this(true, leaveOut)
        {
        }

        /// <param name="scoped">False: a parameter without a set stays in every set of the cmdlet, as when the group
        /// itself is returned (Update-HeatStack -Existing -Parameter).</param>
        /// <param name="leaveOut">Parameters of the group that this cmdlet does not take.</param>
        public ScopedParameterGroup(bool scoped, params string[] leaveOut)
        {
            var properties = typeof(TGroup).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetCustomAttributes<ParameterAttribute>(true).Any() && !leaveOut.Contains(p.Name))
                .ToList();
            var sets = properties.SelectMany(p => p.GetCustomAttributes<ParameterAttribute>(true))
                .Select(a => a.ParameterSetName).Where(s => s != ParameterAttribute.AllParameterSets).Distinct().ToList();
            foreach (var property in properties)
            {
                var attributes = new Collection<Attribute>();
                foreach (var attribute in property.GetCustomAttributes(true).OfType<Attribute>())
                {
                    if (!(attribute is ParameterAttribute parameter) || !scoped)
                    {
                        attributes.Add(attribute);
                    }
                    else if (parameter.ParameterSetName != ParameterAttribute.AllParameterSets)
                    {
                        attributes.Add(parameter);
                    }
                    else
                    {
                        foreach (var set in sets) attributes.Add(InSet(parameter, set));
                    }
                }
                Parameters.Add(property.Name, new RuntimeDefinedParameter(property.Name, property.PropertyType, attributes));
                _properties.Add(property);
            }
        }

        /// <summary>What <see cref="IDynamicParameters.GetDynamicParameters"/> returns.</summary>
        public RuntimeDefinedParameterDictionary Parameters { get; } = new RuntimeDefinedParameterDictionary();

        /// <summary>A group holding the values bound so far (those not given keep the group's defaults).</summary>
        public TGroup Bound()
        {
            var group = new TGroup();
            foreach (var property in _properties)
            {
                var parameter = Parameters[property.Name];
                if (parameter.IsSet) property.SetValue(group, parameter.Value);
            }
            return group;
        }

        private static ParameterAttribute InSet(ParameterAttribute parameter, string set)
        {
            var copy = new ParameterAttribute
            {
                ParameterSetName = set,
                Position = parameter.Position,
                Mandatory = parameter.Mandatory,
                ValueFromPipeline = parameter.ValueFromPipeline,
                ValueFromPipelineByPropertyName = parameter.ValueFromPipelineByPropertyName,
                ValueFromRemainingArguments = parameter.ValueFromRemainingArguments,
                DontShow = parameter.DontShow,
            };
            // The help setters refuse null, which is what an attribute that names no help holds.
            if (parameter.HelpMessage != null) copy.HelpMessage = parameter.HelpMessage;
            if (parameter.HelpMessageBaseName != null) copy.HelpMessageBaseName = parameter.HelpMessageBaseName;
            if (parameter.HelpMessageResourceId != null) copy.HelpMessageResourceId = parameter.HelpMessageResourceId;
            return copy;
        }
    }
}
