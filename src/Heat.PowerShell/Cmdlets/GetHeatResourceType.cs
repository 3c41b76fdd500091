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
    /// <summary>
    /// <para type="synopsis">Lists the resource types this cloud offers, or gives one type's schema (-Schema) or the template Heat generates for it (-AsTemplate hot|cfn).</para>
    /// <para type="description">Names are matched as PowerShell wildcards (case-insensitive) against Heat's list, sorted
    /// by name as openstack orchestration resource type list sorts them; a name without wildcards that Heat does not
    /// list is a HeatResourceTypeNotFound error. -Schema writes a HeatResourceTypeSchema: Properties (Name, Type,
    /// Required, Default, Constraints, UpdateAllowed, Immutable, and a list or map's item Schema), Attributes,
    /// SupportStatus. -AsTemplate writes the template as JSON text: a parameter per property, an output per attribute.
    /// A piped resource gives its ResourceType.</para>
    /// </summary>
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

        /// <summary>Type names; wildcards match Heat's list. Left out (list only): every type.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SchemaSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TemplateSet)]
        [Alias("ResourceType")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
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

        [Parameter(Mandatory = true, ParameterSetName = SchemaSet)]
        public SwitchParameter Schema { get; set; }

        /// <summary>The template Heat generates for the type: hot (heat_template_version) or cfn (HeatTemplateFormatVersion).</summary>
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
