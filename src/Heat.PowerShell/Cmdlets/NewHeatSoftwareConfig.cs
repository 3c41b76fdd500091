using System.Collections;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Creates a software config: a script or data for a server's agent, with the inputs and outputs it
    /// declares.</summary>
    /// <remarks>
    /// <para>New-HeatSoftwareConfig creates a config in Heat's /software_configs (<c>openstack software config
    /// create</c>), outside any stack. The config itself is -Config (text, or a hashtable for a structured config) or
    /// -ConfigPath (a file whose UTF-8 text is sent; read as template files are: no FIFO or device, at most 16 MiB).
    /// -Group names the agent hook that runs it (script, ansible, puppet ...; Heat::Ungrouped when left out).</para>
    /// <para>Inputs, outputs and options come from -Input, -Output and -Option, or from -DefinitionPath (YAML or JSON
    /// with inputs, outputs and options); a parameter given replaces that section of the file. Inputs and outputs are
    /// checked against Heat's schema before anything is sent, so a wrong key is a HeatSoftwareConfigArgumentInvalid
    /// error naming it, not Heat's bare 400.</para>
    /// <para>Every parameter binds by property name: a piped config is copied under a new -Name, and <c>Get-ChildItem
    /// *.sh | New-HeatSoftwareConfig -Group script</c> makes a config per file, named after it. It writes the new
    /// HeatSoftwareConfig, whose id pipes into New-HeatSoftwareDeployment.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $config = New-HeatSoftwareConfig deploy -Group script -ConfigPath ./deploy.sh -Input greeting, 'port=Number' -Output result
    /// </code>
    /// <para>Creates a script config from a file, with two inputs (one a number) and one output.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-ChildItem ./scripts/*.sh | New-HeatSoftwareConfig -Group script
    /// </code>
    /// <para>Creates a script config per file, each named after its file.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatSoftwareConfig motd -Group script -Config "#!/bin/sh`necho hello &gt; /etc/motd" -WhatIf
    /// </code>
    /// <para>Shows what would be created from inline text, and creates nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "HeatSoftwareConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ConfigSet)]
    [OutputType(typeof(HeatSoftwareConfig))]
    public sealed class NewHeatSoftwareConfig : HeatCmdlet
    {
        private const string ConfigSet = "Config";
        private const string ConfigPathSet = "ConfigPath";

        /// <summary>The config's name. Binds by property name (a piped config's or file's Name).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>The agent hook that runs the config on the server: script, ansible, puppet, salt, ... (tab
        /// completion offers the usual ones). Heat::Ungrouped when left out, as <c>openstack software config
        /// create</c>.</summary>
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
            if (!ShouldAct(Name, "Create Heat software config")) return;
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
