#if NETFRAMEWORK
using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

// In scope in every test through a global using (Heat.Client.Tests.csproj): a test calls these as it calls the real members.
namespace Heat.Client.Tests.Framework
{
    /// <summary>
    /// The static members newer than .NET Framework 4.8 that the tests call, for the Framework build of these tests
    /// (run under Mono by build.ps1): with them a test reads the same on both targets. Each does what the .NET
    /// member does, as far as the tests rely on it.
    /// </summary>
    internal static class NewerApis
    {
        extension(Directory)
        {
            public static DirectoryInfo CreateTempSubdirectory(string prefix) =>
                Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")));
        }

        extension(RandomNumberGenerator)
        {
            public static void Fill(byte[] data)
            {
                using (var random = RandomNumberGenerator.Create())
                {
                    random.GetBytes(data);
                }
            }
        }

        extension(OperatingSystem)
        {
            public static bool IsWindows() => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

            public static bool IsLinux() => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
        }

        extension(File)
        {
            /// <summary>chmod with the mode in octal (the Framework has no call for it).</summary>
            public static void SetUnixFileMode(string path, UnixFileMode mode)
            {
                var start = new ProcessStartInfo("chmod") { UseShellExecute = false };
                start.Arguments = Convert.ToString((int)mode, 8) + " \"" + path + "\"";
                using (var chmod = Process.Start(start))
                {
                    chmod.WaitForExit();
                    if (chmod.ExitCode != 0)
                    {
                        throw new IOException("chmod " + start.Arguments + " failed with exit code " + chmod.ExitCode);
                    }
                }
            }
        }
    }
}
#endif
