namespace Heat.Client
{
    /// <summary>
    /// The bounds every listing keeps to, whatever a server sends: a page may hold no more items than were asked for, and
    /// one listing may bring no more than <see cref="MaxItems"/>. Past either, the listing ends in a
    /// <see cref="HeatInvalidResponseException"/> that names the bound.
    /// </summary>
    public static class ListingLimits
    {
        /// <summary>
        /// Items one listing may yield or gather, over all its pages. A server that makes up a fresh page for every marker
        /// never ends a listing by itself (seen: a wildcard resolution that gathered 3 GB in 27 s); Heat's own defaults
        /// keep real listings far below this (max_stacks_per_tenant 512, max_events_per_stack 1000 per stack), and the
        /// largest listings measured here (50,000 events, 10,000 stacks) fit with room to spare. Gathered whole, this many
        /// small stacks (a fake Heat's, without descriptions or tags) peaked at 242 MiB; streamed, at 93 MiB.
        /// </summary>
        public const int MaxItems = 200000;
    }
}
