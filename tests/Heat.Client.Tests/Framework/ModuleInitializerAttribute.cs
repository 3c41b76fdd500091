#if NETFRAMEWORK
namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// The compiler emits a module initializer for any attribute of this name; .NET Framework lacks the type, the
    /// runtimes (the Framework's and Mono) run the initializer all the same (tests/Shared/ThreadPoolFloor.cs).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute
    {
    }
}
#endif
