using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Heat.Client.Models
{
    // Export-Csv (and any host that has only text) writes a property's ToString(): for an array that is
    // "System.String[]", for a hashtable "System.Collections.Hashtable". This collection stays a collection for a
    // pipeline and reads as its content where text is all there is.

    /// <summary>A list of names (tags, resources a resource is required by); as text, joined with commas as Heat joins tags.</summary>
    public sealed class HeatNameList : ReadOnlyCollection<string>
    {
        public HeatNameList(IEnumerable<string>? names)
            : base((names ?? Enumerable.Empty<string>()).ToList())
        {
        }

        /// <summary>Code that holds the names as an array assigns them as they are.</summary>
        public static implicit operator HeatNameList(string[]? names) => new HeatNameList(names);

        public override string ToString() => string.Join(",", this);
    }
}
