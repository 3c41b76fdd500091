using System.Collections.Generic;

namespace Heat.Client
{
    /// <summary>A page of a list, and where the next one starts.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextMarker)
        {
            Items = items;
            NextMarker = nextMarker;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>The marker for the next page, or null on the last page.</summary>
        public string? NextMarker { get; }
    }
}
