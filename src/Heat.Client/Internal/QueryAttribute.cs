using System;

namespace Heat.Client.Internal
{
    /// <summary>
    /// Marks an option as a query parameter of Heat's API (as gophercloud's <c>q:</c> tags): a list repeats the key
    /// (<c>status=A&amp;status=B</c>) unless <see cref="Joined"/>, a bool is sent as <c>True</c> when set, null is left out.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class QueryAttribute : Attribute
    {
        public QueryAttribute(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>Send a list as one comma-separated value (Heat's tags filters).</summary>
        public bool Joined { get; set; }
    }
}
