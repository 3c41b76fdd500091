using Heat.Client.Internal;

namespace Heat.Client.ResourceTypes
{
    /// <summary>Filters for Heat's resource type list; each is a query parameter of Heat's.</summary>
    public sealed class ResourceTypeListOptions
    {
        /// <summary>A Python regular expression matched at the start of each type's name (Heat's re.match).</summary>
        [Query("name")]
        public string? Name { get; set; }

        /// <summary>The Heat version a type was added in, as its support status gives it ("5.0.0", "2014.1").</summary>
        [Query("version")]
        public string? Version { get; set; }

        /// <summary>UNKNOWN, SUPPORTED, DEPRECATED or UNSUPPORTED.</summary>
        [Query("support_status")]
        public string? SupportStatus { get; set; }

        /// <summary>Each type with its description (Heat then lists objects rather than names).</summary>
        [Query("with_description")]
        public bool WithDescription { get; set; }
    }
}
