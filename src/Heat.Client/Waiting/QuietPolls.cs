namespace Heat.Client.Waiting
{
    /// <summary>
    /// When a wait reads the stack itself: events are cheap news, the stack is the answer. After two polls in a row
    /// brought no events, the next poll reads the stack too (a stack can end without an event a wait sees: an action
    /// that never began, a Heat that restarted).
    /// </summary>
    internal sealed class QuietPolls
    {
        private int _count;

        /// <summary>Whether this poll reads the stack: decided before its events are read.</summary>
        public bool StackReadDue => _count >= 2;

        public void News() => _count = 0;

        public void Quiet() => _count++;

        public void StackRead() => _count = 0;

        /// <summary>The next poll reads the stack whatever its events say.</summary>
        public void ReadStackNext() => _count = 2;
    }
}
