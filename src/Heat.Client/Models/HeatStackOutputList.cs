using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Heat.Client.Models
{
    // Export-Csv (and any host that has only text) writes a property's ToString(): for an array that is
    // "System.String[]", for a hashtable "System.Collections.Hashtable". This collection stays a collection for a
    // pipeline and reads as its content where text is all there is.

    /// <summary>A stack's outputs with their descriptions; as text, <c>key=value; key=value</c>.</summary>
    public sealed class HeatStackOutputList : ReadOnlyCollection<HeatStackOutput>
    {
        public HeatStackOutputList(IEnumerable<HeatStackOutput>? outputs)
            : base((outputs ?? Enumerable.Empty<HeatStackOutput>()).ToList())
        {
        }

        public override string ToString() =>
            string.Join("; ", this.Select(o => $"{o.OutputKey}={(o.OutputError != null ? "(error: " + o.OutputError + ")" : HeatText.Of(o.OutputValue))}"));
    }
}
