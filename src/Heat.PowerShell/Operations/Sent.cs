using Heat.Client;

namespace Heat.PowerShell.Operations
{
    /// <summary>What an operation's request left behind: the stack it acted on, and what it made.</summary>
    internal sealed class Sent
    {
        public Sent(StackRef stack, object made = null, object data = null)
        {
            Stack = stack;
            Made = made;
            Data = data;
        }

        /// <summary>The stack, name and id (for a create, the new one).</summary>
        public StackRef Stack { get; }

        /// <summary>What the request made, for the operation's output: the new stack, the snapshot taken ...</summary>
        public object Made { get; }

        /// <summary>What is written as soon as the request was answered, waited for or not: abandon data.</summary>
        public object Data { get; }
    }
}
