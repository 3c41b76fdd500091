using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets a stack's outputs through Heat's outputs routes (not the whole stack): objects, or a key → value map.</para>
    /// <para type="description">Each output carries OutputKey, OutputValue, Description and, when Heat could not compute
    /// it, OutputError. -OutputKey reads only the outputs named (wildcards match the list).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatStackOutput")]
    [OutputType(typeof(HeatStackOutput), typeof(Hashtable))]
    public sealed class GetHeatStackOutput : StackTargetCmdlet
    {
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(OutputKeyCompleter))]
        public string[] OutputKey { get; set; }

        /// <summary>One hashtable of key → value per stack, for <c>$out.web_url</c>.</summary>
        [Parameter]
        public SwitchParameter AsHashtable { get; set; }

        protected override void ProcessRecord()
        {
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
                TryItem("HeatStackOutput", $"{stack}/{key}", () => outputs.Add(Await(Client.Outputs.GetAsync(stack, key, CancellationToken))));
            }
            return outputs;
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
