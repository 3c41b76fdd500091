using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Heat.Client.Internal;

namespace Heat.Client.Templates
{
    /// <summary>What a local path names.</summary>
    internal enum FileKind
    {
        Missing,
        Regular,
        Directory,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        WindowsDevice,
        Other,
    }

    /// <summary>
    /// Local files as everything here reads them (templates, environments, get_file targets, parameter files, clouds.yaml,
    /// CA files, a software config's script, adopt data): a regular file only, judged on the open handle, and never more
    /// than a cap.
    /// </summary>
    internal static class LocalFile
    {
        // S_IFMT and its values as libSystem.Native reports them in FileStatus.Mode (pal_io.h: fixed for managed callers).
        private const int TypeMask = 0xF000;
        private const int TypeFifo = 0x1000;
        private const int TypeCharacterDevice = 0x2000;
        private const int TypeDirectory = 0x4000;
        private const int TypeBlockDevice = 0x6000;
        private const int TypeRegular = 0x8000;
        private const int TypeSocket = 0xC000;

        private static readonly string[] WindowsDeviceNames =
        {
            "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
        };

        private static bool _nativeStatMissing;

        /// <summary>
        /// The leading fields of libSystem.Native's FileStatus. The native struct is about 120 bytes and may grow; the
        /// buffer given is larger than it will ever be, and only Mode (the second int) is read.
        /// </summary>
        [StructLayout(LayoutKind.Sequential, Size = 512)]
        private struct FileStatus
        {
            public int Flags;
            public int Mode;
        }

        // .NET's own shim over stat(2), shipped with every .NET (Core) runtime on Linux and macOS, so no struct stat
        // layout of ours has to match the platform's. FileInfo cannot tell: it says "Normal" for /dev/zero and a FIFO.
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        private static extern int SystemNativeStat(byte[] nulTerminatedUtf8Path, out FileStatus status);

        // The same shim as Mono carries it (libmono-native, mapped from "System.Native" by Mono's own config), under
        // its earlier name and with the same leading fields: the Framework profile on Linux and macOS.
        [DllImport("System.Native", EntryPoint = "SystemNative_Stat2")]
        private static extern int MonoNativeStat(byte[] nulTerminatedUtf8Path, out FileStatus status);

        private static bool _dotnetStatMissing;

        public static string Describe(FileKind kind)
        {
            switch (kind)
            {
                case FileKind.Fifo:
                    return "a FIFO (named pipe)";
                case FileKind.CharacterDevice:
                    return "a character device";
                case FileKind.BlockDevice:
                    return "a block device";
                case FileKind.Socket:
                    return "a socket";
                case FileKind.WindowsDevice:
                    return "a Windows device";
                case FileKind.Directory:
                    return "a folder";
                default:
                    return "a special file";
            }
        }

        /// <summary>
        /// The bytes of a local file that is not part of a template tree (a parameter file, a software config's script),
        /// read as the loader reads files (<see cref="OpenRegular"/>: a FIFO, device or socket is refused, judged on the
        /// open handle; /dev/zero never ends), and no more than <paramref name="limit"/> bytes are read whatever the file
        /// claims. <paramref name="subject"/> names the file in the messages ("parameter file for 'key'").
        /// </summary>
        public static byte[] ReadRegular(string path, long limit, string subject, System.Threading.CancellationToken cancellationToken)
        {
            // An unreadable file (permissions) stays the system's own IOException or UnauthorizedAccessException.
            byte[]? bytes;
            using (var stream = OpenRegular(path, out var kind))
            {
                if (kind == FileKind.Missing)
                {
                    throw new TemplateException(TemplateProblem.FileNotFound, path, null, null, subject + " does not exist", path);
                }
                if (stream == null)
                {
                    throw new TemplateException(TemplateProblem.NotRegularFile, path, null, null,
                        subject + " is " + Describe(kind) + ", not a regular file", path);
                }
                bytes = CappedRead.ReadUpTo(stream, limit, cancellationToken);
            }
            if (bytes == null)
            {
                throw new TemplateException(TemplateProblem.TooLarge, path, null, null, subject + " is over " + limit + " bytes", path);
            }
            return bytes;
        }

        /// <summary>
        /// Opens <paramref name="path"/> for reading if it is a regular file, or returns null with <paramref name="kind"/>
        /// saying what it is. Open first, then ask the handle: a check of the path before the open would leave a moment
        /// in which a FIFO could be swapped in, and a blocking open of a FIFO waits for a writer for ever (pwsh hangs).
        /// On Unix the open never blocks (<see cref="NativeFile.TryOpenUnix"/>) and what was opened is closed unread
        /// unless it is a regular file; on Windows, device names are refused before the open (they go by name there) and
        /// the handle must be a file on disk. Only a runtime without libc falls back to a check of the path, then the open.
        /// </summary>
        /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
        /// <exception cref="IOException">Any other failure to open it.</exception>
        public static FileStream? OpenRegular(string path, out FileKind kind)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return OpenRegularOnWindows(path, out kind);
            }
            if (NativeFile.TryOpenUnix(path, out var opened, out kind))
            {
                return opened;
            }
            kind = KindOf(path);
            return kind == FileKind.Regular ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan) : null;
        }

        private static FileStream? OpenRegularOnWindows(string path, out FileKind kind)
        {
            if (IsWindowsDevicePath(path))
            {
                kind = FileKind.WindowsDevice;
                return null;
            }
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException ||
                                       (ex is UnauthorizedAccessException && Directory.Exists(path)))
            {
                kind = Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
                return null;
            }
            if (!NativeFile.IsDiskFile(stream.SafeFileHandle))
            {
                stream.Dispose();
                kind = FileKind.WindowsDevice;
                return null;
            }
            kind = FileKind.Regular;
            return stream;
        }

        /// <summary>The kind of file from the S_IFMT bits of libSystem.Native's FileStatus.Mode.</summary>
        internal static FileKind KindOfMode(int mode)
        {
            switch (mode & TypeMask)
            {
                case TypeRegular:
                    return FileKind.Regular;
                case TypeDirectory:
                    return FileKind.Directory;
                case TypeFifo:
                    return FileKind.Fifo;
                case TypeCharacterDevice:
                    return FileKind.CharacterDevice;
                case TypeBlockDevice:
                    return FileKind.BlockDevice;
                case TypeSocket:
                    return FileKind.Socket;
                default:
                    return FileKind.Other;
            }
        }

        /// <summary>What <paramref name="path"/> names (links followed), without opening it.</summary>
        public static FileKind KindOf(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return IsWindowsDevicePath(path) ? FileKind.WindowsDevice : KindFromFileSystemInfo(path);
            }
            if (!_nativeStatMissing)
            {
                try
                {
                    var bytes = Encoding.UTF8.GetBytes(path + "\0");
                    if (NativeStat(bytes, out var status) != 0)
                    {
                        // Missing, or not ours to see: the checks below and the open say which, with the system's words.
                        return KindFromFileSystemInfo(path);
                    }
                    return KindOfMode(status.Mode);
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                    // Neither .NET's shim nor Mono's: fall back to what the path alone says.
                    _nativeStatMissing = true;
                }
            }
            var full = Path.GetFullPath(path);
            return full.StartsWith("/dev/", StringComparison.Ordinal) ? FileKind.CharacterDevice : KindFromFileSystemInfo(path);
        }

        /// <summary>stat(2) through .NET's shim, or Mono's where .NET's is missing; throws when neither is there.</summary>
        private static int NativeStat(byte[] nulTerminatedUtf8Path, out FileStatus status)
        {
            if (!_dotnetStatMissing)
            {
                try
                {
                    return SystemNativeStat(nulTerminatedUtf8Path, out status);
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                    _dotnetStatMissing = true;
                }
            }
            return MonoNativeStat(nulTerminatedUtf8Path, out status);
        }

        /// <summary>
        /// Paths in Windows' device namespace (<c>\\.\</c>, <c>\\?\</c>) and reserved device names (CON, NUL, COM1...,
        /// with any extension, in any folder): Windows cannot tell a path's type without opening it, so these go by name.
        /// </summary>
        public static bool IsWindowsDevicePath(string path)
        {
            if (Strings.IsNullOrEmpty(path))
            {
                return false;
            }
            var slashed = path.Replace('/', '\\');
            if (slashed.StartsWith(@"\\.\", StringComparison.Ordinal) || slashed.StartsWith(@"\\?\", StringComparison.Ordinal))
            {
                return true;
            }
            var name = slashed.Substring(slashed.LastIndexOf('\\') + 1);
            var dot = name.IndexOf('.');
            var stem = (dot < 0 ? name : name.Substring(0, dot)).TrimEnd(' ');
            foreach (var device in WindowsDeviceNames)
            {
                if (string.Equals(stem, device, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }

        private static FileKind KindFromFileSystemInfo(string path)
        {
            return File.Exists(path) ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        }
    }
}
