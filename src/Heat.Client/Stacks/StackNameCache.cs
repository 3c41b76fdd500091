using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Heat.Client.Stacks
{
    /// <summary>
    /// The ids a session has seen behind stack names, so that a read by name can go to <c>stacks/{name}/{id}</c> at once
    /// instead of through Heat's redirect (one request instead of two). One per <see cref="HeatSession"/>, shared by every
    /// runspace that uses it: every member takes one lock. Bounded: past <see cref="Capacity"/> the entry remembered
    /// longest ago goes, so a cloud with a huge number of stacks cannot grow memory without limit.
    /// An entry is a hint, never an answer: whoever uses one checks what Heat shows there (see StacksClient.GetAsync).
    /// </summary>
    internal sealed class StackNameCache
    {
        public const int DefaultCapacity = 4096;

        private readonly object _lock = new object();
        // Each entry with the name it is kept under (a remembered stack has a name and an id).
        private readonly Dictionary<string, LinkedListNode<(string Name, StackRef Stack)>> _byName =
            new Dictionary<string, LinkedListNode<(string Name, StackRef Stack)>>(StringComparer.Ordinal);
        private readonly LinkedList<(string Name, StackRef Stack)> _oldestFirst = new LinkedList<(string Name, StackRef Stack)>();

        public StackNameCache(int capacity = DefaultCapacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            Capacity = capacity;
        }

        public int Capacity { get; }

        public int Count
        {
            get
            {
                lock (_lock) return _byName.Count;
            }
        }

        /// <summary>The name and id last seen for <paramref name="name"/>, if any.</summary>
        public bool TryGet(string? name, [NotNullWhen(true)] out StackRef? stack)
        {
            stack = null;
            if (name == null) return false;
            lock (_lock)
            {
                if (!_byName.TryGetValue(name, out var node)) return false;
                stack = node.Value.Stack;
                return true;
            }
        }

        /// <summary>Remembers a stack Heat showed under its name (both name and id needed), as the newest entry.</summary>
        public void Remember(StackRef? stack)
        {
            if (!(stack?.StackName is string name) || stack.StackId == null) return;
            lock (_lock)
            {
                if (_byName.TryGetValue(name, out var old)) Remove(old);
                while (_byName.Count >= Capacity) Remove(_oldestFirst.First);
                _byName[name] = _oldestFirst.AddLast((name, stack));
            }
        }

        /// <summary>
        /// Forgets a stack: the entry of its name when it holds this id (or any id, when none is given: a newer stack of
        /// the same name, remembered since, stays), and any entry that holds its id (a stack named by id alone).
        /// </summary>
        public void Forget(StackRef? stack)
        {
            if (stack == null) return;
            var id = stack.StackId ?? stack.StackName;
            lock (_lock)
            {
                if (stack.StackName != null && _byName.TryGetValue(stack.StackName, out var node) &&
                    (stack.StackId == null || string.Equals(node.Value.Stack.StackId, stack.StackId, StringComparison.Ordinal)))
                {
                    Remove(node);
                }
                for (var current = _oldestFirst.First; current != null;)
                {
                    var next = current.Next;
                    if (string.Equals(current.Value.Stack.StackId, id, StringComparison.Ordinal)) Remove(current);
                    current = next;
                }
            }
        }

        public void Clear()
        {
            lock (_lock)
            {
                _byName.Clear();
                _oldestFirst.Clear();
            }
        }

        private void Remove(LinkedListNode<(string Name, StackRef Stack)> node)
        {
            _oldestFirst.Remove(node);
            _byName.Remove(node.Value.Name);
        }
    }
}
