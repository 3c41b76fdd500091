using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Heat.Client.Models
{
    // Export-Csv (and any host that has only text) writes a property's ToString(): for an array that is
    // "System.String[]", for a hashtable "System.Collections.Hashtable". This collection stays a collection for a
    // pipeline and reads as its content where text is all there is.

    /// <summary>A list of values (links, capabilities); as text, each item's text joined with "; ".</summary>
    public sealed class HeatList<T> : ReadOnlyCollection<T>
    {
        public HeatList(IEnumerable<T>? items)
            : base((items ?? Enumerable.Empty<T>()).ToList())
        {
        }

        public override string ToString() => string.Join("; ", this.Select(i => HeatText.Of(i)));
    }
}
