using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets a stack's outputs, as objects or as one key-to-value hashtable.</summary>
    /// <remarks>
    /// <para>Get-HeatStackOutput reads the outputs through Heat's outputs routes (<c>openstack stack output list</c>
    /// and <c>show</c>), not the whole stack: each HeatStackOutput carries OutputKey, OutputValue, Description and,
    /// when Heat could not compute the value, OutputError.</para>
    /// <para>-OutputKey reads only the outputs named; wildcards match the list, and a key without wildcards that the
    /// stack lacks is a HeatStackOutputNotFound error. -AsHashtable writes one hashtable per stack instead, for
    /// <c>$out.web_url</c>.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStackOutput web-prod
    /// </code>
    /// <para>Lists every output of the stack with its value and description.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $out = Get-HeatStackOutput web-prod -AsHashtable
    /// Invoke-WebRequest $out.url
    /// </code>
    /// <para>Gets the outputs as a hashtable and uses one.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack web-* | Get-HeatStackOutput -OutputKey *_ip
    /// </code>
    /// <para>The outputs ending in _ip of every web- stack.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatStackOutput")]
    [OutputType(typeof(HeatStackOutput), typeof(Hashtable))]
    public sealed class GetHeatStackOutput : StackTargetCmdlet, Fleet.IFleetReader
    {
        /// <summary>The output keys to read; wildcards match the stack's outputs. Left out: every output.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(OutputKeyCompleter))]
        public string[] OutputKey { get; set; }

        /// <summary>Write one hashtable of key to value per stack instead of output objects, for
        /// <c>$out.web_url</c>.</summary>
        [Parameter]
        public SwitchParameter AsHashtable { get; set; }

        protected override void ProcessRecord()
        {
            if (Dispatched()) return;
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStackOutput", stack.ToString(), () => Write(Read(stack)));
            }
        }

        private IReadOnlyList<HeatStackOutput> Read(StackRef stack)
        {
            if (OutputKey == null) return Await(Client.Outputs.GetAllAsync(stack, CancellationToken));
            var exact = OutputKey.Where(k => !Wildcards.IsPattern(k)).ToList();
            var patterns = OutputKey.Where(Wildcards.IsPattern).Select(Wildcards.Pattern).ToList();
            var keys = new List<string>(exact);
            if (patterns.Count > 0)
            {
                keys.AddRange(Await(Client.Outputs.ListAsync(stack, CancellationToken)).Select(o => o.OutputKey)
                    .Where(k => k != null && !keys.Contains(k) && patterns.Any(p => p.IsMatch(k))));
            }
            var outputs = new List<HeatStackOutput>();
            foreach (var key in keys)
            {
                TryItem("HeatStackOutput", $"{stack}/{key}", () => outputs.Add(ReadOne(stack, key)));
            }
            return outputs;
        }

        /// <summary>
        /// One output. Heat 19 answers a key the stack lacks with "Specified output key {} not found." (the key lost on
        /// the way): say which key, and which the stack has. A 404 for the stack itself passes as it is.
        /// </summary>
        private HeatStackOutput ReadOne(StackRef stack, string key)
        {
            try
            {
                return Await(Client.Outputs.GetAsync(stack, key, CancellationToken));
            }
            catch (HeatNotFoundException e) when (e.Message.IndexOf("output key", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var keys = Await(Client.Outputs.ListAsync(stack, CancellationToken)).Select(o => o.OutputKey).ToList();
                throw new ItemNotFoundException(
                    $"Stack {stack} has no output '{key}'. " + (keys.Count == 0 ? "It has no outputs." : $"Its outputs: {string.Join(", ", keys)}."), e);
            }
        }

        private void Write(IReadOnlyList<HeatStackOutput> outputs)
        {
            if (!AsHashtable)
            {
                foreach (var output in outputs) WriteObject(output);
                return;
            }
            var map = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
            foreach (var output in outputs) map[output.OutputKey] = output.OutputValue;
            WriteObject(map);
        }
    }
}
