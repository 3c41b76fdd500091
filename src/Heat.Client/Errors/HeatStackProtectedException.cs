using Heat.Client.Protection;

namespace Heat.Client.Errors
{
    /// <summary>A removal or abandon refused before it was sent: the stack carries the protection tag
    /// (<see cref="StackProtection.Tag"/>).</summary>
    public sealed class HeatStackProtectedException : HeatException
    {
        public HeatStackProtectedException(StackRef stack)
            : base($"Stack '{stack}' is protected (tag {StackProtection.Tag}); it was not removed.")
        {
            Stack = stack;
        }

        public StackRef Stack { get; }
    }
}
