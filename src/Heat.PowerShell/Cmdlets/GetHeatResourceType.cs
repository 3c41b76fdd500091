using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists the resource types the cloud offers, or gives a type's schema or the template Heat generates for
    /// it.</summary>
    /// <remarks>
    /// <para>The list (default): Heat's resource types (<c>openstack orchestration resource type list</c>), sorted by
    /// name; -Name matches them as PowerShell wildcards, without regard to case; -WithDescription adds each type's
    /// description; -SupportStatus and -Version filter by support status and the Heat version a type came in. A name
    /// without wildcards that Heat does not list is a HeatResourceTypeNotFound error (hidden types, and those whose
    /// service is not in the catalog, are never listed).</para>
    /// <para>-Schema writes a HeatResourceTypeSchema per type (<c>openstack orchestration resource type show</c>):
    /// Properties (Name, Type, Required, Default, Description, Constraints in HOT's syntax, UpdateAllowed, Immutable,
    /// and a list or map's item Schema), Attributes, and the support status. -AsTemplate hot or cfn writes the template
    /// Heat generates for the type as JSON text: a parameter per property, an output per attribute.</para>
    /// <para>With -Schema or -AsTemplate an exact name goes straight to Heat, a pattern is expanded through the list. A
    /// piped HeatResource gives its type.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatResourceType OS::Heat::* -WithDescription
    /// </code>
    /// <para>Heat's own resource types with their descriptions.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-HeatResourceType OS::Heat::RandomString -Schema).Properties | Format-Table Name, Type, Required, Default
    /// </code>
    /// <para>The properties a RandomString takes.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatResourceType OS::Heat::RandomString -AsTemplate hot | Set-Content random.json
    /// </code>
    /// <para>Saves the template Heat generates for the type.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatResource web-prod rand | Get-HeatResourceType -Schema
    /// </code>
    /// <para>The schema of a deployed resource's type.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatResourceType", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(HeatResourceType), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(HeatResourceTypeSchema), ParameterSetName = new[] { SchemaSet })]
    [OutputType(typeof(string), ParameterSetName = new[] { TemplateSet })]
    public sealed class GetHeatResourceType : HeatCmdlet
    {
        private const string ListSet = "List";
        private const string SchemaSet = "Schema";
        private const string TemplateSet = "Template";

        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.Ordinal);
        private List<HeatResourceType> _listed;

        /// <summary>Type names (alias ResourceType); wildcards match Heat's list, without regard to case. Left out
        /// (list only): every type. Binds piped strings, and the ResourceType of piped resources.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SchemaSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TemplateSet)]
        [Alias("ResourceType")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceTypeCompleter))]
        public string[] Name { get; set; }

        /// <summary>Each type's description (one more request per type with -Schema on a Heat that ignores the schema route's query).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = SchemaSet)]
        public SwitchParameter WithDescription { get; set; }

        /// <summary>Only the types of this support status (Heat's filter).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("SUPPORTED", "DEPRECATED", "UNSUPPORTED", "UNKNOWN", IgnoreCase = true)]
        public string SupportStatus { get; set; }

        /// <summary>Only the types added in this Heat version, as their support status gives it ("5.0.0", "2014.1").</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string Version { get; set; }

        /// <summary>Write each type's schema (properties, attributes, support status) instead of the list
        /// entry.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SchemaSet)]
        public SwitchParameter Schema { get; set; }

        /// <summary>Write the template Heat generates for the type as JSON text: hot (heat_template_version) or cfn
        /// (HeatTemplateFormatVersion).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TemplateSet)]
        [ValidateSet("hot", "cfn", IgnoreCase = true)]
        public string AsTemplate { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                WriteList();
                return;
            }
            foreach (var type in Resolve(Name))
            {
                if (!_written.Add(type)) continue;
                TryItem("HeatResourceType", type, () =>
                {
                    if (ParameterSetName == SchemaSet)
                    {
                        WriteObject(Await(Client.ResourceTypes.GetSchemaAsync(type, WithDescription, CancellationToken)));
                        return;
                    }
                    var kind = string.Equals(AsTemplate, "hot", StringComparison.OrdinalIgnoreCase) ? GeneratedTemplateType.Hot : GeneratedTemplateType.Cfn;
                    var json = Await(Client.ResourceTypes.GenerateTemplateAsync(type, kind, CancellationToken));
                    WriteObject(JToken.Parse(json).ToString(Formatting.Indented));
                });
            }
        }

        private void WriteList()
        {
            var listed = Listed();
            if (listed == null) return;
            var filter = new NameFilter(Name);
            foreach (var type in listed)
            {
                if (filter.IsMatch(type.ResourceType) && _written.Add(type.ResourceType)) WriteObject(type);
            }
            foreach (var name in filter.Unmatched)
            {
                WriteError(NotListed(name));
            }
        }

        /// <summary>A name as given (Heat decides; one request), a pattern as the names it matches in the list.</summary>
        private IEnumerable<string> Resolve(string[] names)
        {
            foreach (var name in names)
            {
                if (!Wildcards.IsPattern(name))
                {
                    yield return name;
                    continue;
                }
                var listed = Listed();
                if (listed == null) yield break;
                var pattern = Wildcards.Pattern(name);
                var matched = listed.Where(t => pattern.IsMatch(t.ResourceType)).ToList();
                if (matched.Count == 0) WriteVerbose($"No resource type matches '{name}'.");
                foreach (var type in matched) yield return type.ResourceType;
            }
        }

        /// <summary>Heat's list, read once per command, sorted by name; null when it could not be read (the error is written).</summary>
        private List<HeatResourceType> Listed()
        {
            if (_listed != null) return _listed;
            var options = new ResourceTypeListOptions
            {
                WithDescription = ParameterSetName == ListSet && WithDescription,
                SupportStatus = SupportStatus?.ToUpperInvariant(),
                Version = Version,
            };
            TryItem("HeatResourceType", null, () =>
                _listed = Await(Client.ResourceTypes.ListAsync(options, CancellationToken)).OrderBy(t => t.ResourceType, StringComparer.Ordinal).ToList());
            return _listed;
        }

        private ErrorRecord NotListed(string name)
        {
            var filters = string.Join(" and ", new[] { SupportStatus == null ? null : "support status " + SupportStatus.ToUpperInvariant(), Version == null ? null : "version " + Version }
                .Where(f => f != null));
            var message = $"Heat lists no resource type named '{name}'" + (filters.Length > 0 ? $" with {filters}" : " (unknown, hidden, or its service is not in this cloud's catalog)") + ".";
            return ErrorCatalog.ToErrorRecord(new ItemNotFoundException(message), "HeatResourceType", name);
        }
    }
}
