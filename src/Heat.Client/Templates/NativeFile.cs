using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Heat.Client.Templates
{
    /// <summary>
    /// The system calls behind <see cref="LocalFile.OpenRegular"/>: an open that never blocks, and the type of what the
    /// open handle refers to. .NET's FileStream can do neither on Unix: it opens a FIFO with a blocking open(2), which
    /// waits for a writer for ever.
    /// </summary>
    internal static class NativeFile
    {
        private const int FileTypeDisk = 1; // GetFileType: a file on disk (not a console, printer port or pipe)

        // errno values, the same on Linux and macOS.
        private const int ErrorNoEntry = 2;
        private const int ErrorNotDirectory = 20;
        private const int ErrorPermission = 1;
        private const int ErrorAccess = 13;

        private static bool _libcMissing;

        private static readonly bool IsMono = Type.GetType("Mono.Runtime") != null;

        [StructLayout(LayoutKind.Sequential, Size = 512)]
        private struct FileStatus
        {
            public int Flags;
            public int Mode; // S_IFMT bits as libSystem.Native reports them (fixed values, see LocalFile)
        }

        // open(2) itself: libSystem.Native's open takes no O_NONBLOCK.
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open(byte[] nulTerminatedUtf8Path, int flags);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        private static extern int FStat(SafeFileHandle fd, out FileStatus status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FcntlSetIsNonBlocking", SetLastError = true)]
        private static extern int SetIsNonBlocking(SafeFileHandle fd, int isNonBlocking);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern int GetFileType(SafeFileHandle handle);

        /// <summary>
        /// Unix: opens <paramref name="path"/> read-only without blocking (O_NONBLOCK, O_NOCTTY, O_CLOEXEC) and reads the
        /// type of what was opened from the handle. A regular file comes back as a blocking FileStream; anything else is
        /// closed unread and null returned, with <paramref name="kind"/> saying what it was (Missing when nothing is there).
        /// False when this runtime has no libc to call (then nothing was opened).
        /// </summary>
        /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
        /// <exception cref="IOException">Any other failure to open it.</exception>
        public static bool TryOpenUnix(string path, out FileStream? stream, out FileKind kind)
        {
            stream = null;
            kind = FileKind.Other;
            // Mono's FileStream takes only handles of its own I/O layer, not a raw descriptor ("Invalid handle"): there the
            // path is judged, then opened, as where libc is missing. Mono is this project's stand-in for the .NET
            // Framework, which Windows PowerShell runs on Windows, where the handle is judged (IsDiskFile).
            if (_libcMissing || IsMono) return false;
            int fd;
            try
            {
                fd = Open(Encoding.UTF8.GetBytes(path + "\0"), OpenFlags());
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                _libcMissing = true;
                return false;
            }
            if (fd < 0)
            {
                var error = Marshal.GetLastWin32Error();
                if (error == ErrorNoEntry || error == ErrorNotDirectory)
                {
                    kind = FileKind.Missing;
                    return true;
                }
                if (error == ErrorAccess || error == ErrorPermission) throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
                // A socket cannot be opened at all (ENXIO): what the path is tells why; looking cannot block.
                kind = LocalFile.KindOf(path);
                if (kind != FileKind.Regular && kind != FileKind.Missing) return true;
                throw new IOException($"{path} cannot be opened (error {error}).");
            }
            var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
            try
            {
                if (FStat(handle, out var status) != 0) throw new IOException($"{path} cannot be examined (error {Marshal.GetLastWin32Error()}).");
                kind = LocalFile.KindOfMode(status.Mode);
                if (kind != FileKind.Regular)
                {
                    handle.Dispose();
                    return true;
                }
                // A regular file never blocks a read anyway; FileStream wants a handle in the blocking mode it assumes.
                // For the same reason a failure here changes nothing that is read: it is not an error.
                _ = SetIsNonBlocking(handle, 0);
                stream = new FileStream(handle, FileAccess.Read, 1);
                return true;
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        /// <summary>Windows: whether an open handle is a file on disk (not a console, a device or a pipe).</summary>
        public static bool IsDiskFile(SafeFileHandle handle) => GetFileType(handle) == FileTypeDisk;

        private static int OpenFlags()
        {
            // O_RDONLY is 0 everywhere; the others are not fixed by POSIX.
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return 0x4 | 0x20000 | 0x1000000; // O_NONBLOCK | O_NOCTTY | O_CLOEXEC
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return 0x800 | 0x100 | 0x80000;
            return 0x4 | 0x8000 | 0x100000; // FreeBSD
        }
    }
}
