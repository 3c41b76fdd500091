#if NETFRAMEWORK
namespace System.IO
{
    /// <summary>.NET 7's permission bits, as far as the tests use them, for <see cref="Heat.Client.Tests.Framework.NewerApis"/>.</summary>
    [Flags]
    internal enum UnixFileMode
    {
        None = 0,
        OtherExecute = 1,
        OtherWrite = 2,
        OtherRead = 4,
        GroupExecute = 8,
        GroupWrite = 16,
        GroupRead = 32,
        UserExecute = 64,
        UserWrite = 128,
        UserRead = 256,
    }
}
#endif
