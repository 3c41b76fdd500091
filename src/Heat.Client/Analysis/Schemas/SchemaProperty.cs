using System;
using System.Collections.Generic;

namespace Heat.Client.Analysis.Schemas
{
    /// <summary>What the analyzer needs of one property schema: whether it must be given, its type, and for a map or a
    /// list the schema of its keys (a list's items under <c>*</c>).</summary>
    public sealed class SchemaProperty
    {
        public bool Required { get; set; }

        public bool HasDefault { get; set; }

        /// <summary>string, integer, number, boolean, list, map (lower case, as Heat writes them).</summary>
        public string? Type { get; set; }

        public Dictionary<string, SchemaProperty> Children { get; } = new Dictionary<string, SchemaProperty>(StringComparer.Ordinal);
    }
}
