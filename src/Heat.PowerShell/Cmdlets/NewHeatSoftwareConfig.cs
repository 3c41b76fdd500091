using System.Collections;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Creates a software config: a script or data for a server's agent, with the inputs and outputs it declares.</para>
    /// <para type="description">The config is -Config (text, or a hashtable for a structured config) or -ConfigPath (a
    /// file, sent as its text: openstack software config create --config-file). Inputs, outputs and options come from
    /// -Input, -Output and -Option, or from -DefinitionPath (YAML or JSON with inputs, outputs and options:
    /// --definition-file); a parameter given replaces that section of the file. A piped config is copied under -Name.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "HeatSoftwareConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ConfigSet)]
    [OutputType(typeof(HeatSoftwareConfig))]
    public sealed class NewHeatSoftwareConfig : HeatCmdlet
    {
        private const string ConfigSet = "Config";
        private const string ConfigPathSet = "ConfigPath";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>The hook that runs it on the server. Heat::Ungrouped when left out, as openstack software config create.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SoftwareConfigGroupCompleter))]
        public string Group { get; set; } = SoftwareConfigsClient.DefaultGroup;

        /// <summary>The script or data as text, or a hashtable (a structured config). Left out: empty.</summary>
        [Parameter(ParameterSetName = ConfigSet, ValueFromPipelineByPropertyName = true)]
        public object Config { get; set; }

        /// <summary>A file whose text is the config (UTF-8). Read as template files are: no FIFO or device, at most 16 MiB.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConfigPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string ConfigPath { get; set; }

        /// <summary>YAML or JSON with inputs, outputs and options (openstack software config create --definition-file).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string DefinitionPath { get; set; }

        /// <summary>Inputs: 'name', 'name=Type' (String, Number, CommaDelimitedList, Json, Boolean), or hashtables with
        /// Heat's keys (name, type, description, default, replace_on_change).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Inputs")]
        public object[] Input { get; set; }

        /// <summary>Outputs: 'name', 'name=Type', or hashtables (name, type, description, error_output).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Outputs")]
        public object[] Output { get; set; }

        /// <summary>Options for the hook (Heat passes them on as they are).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Options")]
        public IDictionary Option { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Create Heat software config")) return;
            TryItem("HeatSoftwareConfig", Name, () =>
            {
                var definition = DefinitionPath == null
                    ? new SoftwareConfigDefinition()
                    : SoftwareConfigFiles.ReadDefinition(GetUnresolvedProviderPathFromPSPath(DefinitionPath), CancellationToken);
                var request = new CreateSoftwareConfigRequest
                {
                    Name = Name,
                    Group = Group,
                    Config = ConfigPath != null
                        ? SoftwareConfigFiles.ReadConfig(GetUnresolvedProviderPathFromPSPath(ConfigPath), CancellationToken)
                        : ParameterValues.Plain(Config),
                    Inputs = SoftwareSchemas.From(Input, nameof(Input)) ?? definition.Inputs,
                    Outputs = SoftwareSchemas.From(Output, nameof(Output)) ?? definition.Outputs,
                    Options = SoftwareSchemas.Values(Option) ?? definition.Options,
                };
                WriteObject(Await(Client.SoftwareConfigs.CreateAsync(request, CancellationToken)));
            });
        }
    }
}
