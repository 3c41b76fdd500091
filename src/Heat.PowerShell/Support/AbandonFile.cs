using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using Heat.Client;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Where Remove-HeatStack -Abandon -AbandonPath puts one stack's abandon data: {name}.json in the folder. Once Heat
    /// has answered an abandon, the data is the only record of resources Heat no longer tracks, and it holds hidden
    /// parameter values; so:
    /// the name is the stack as the user named it, never what Heat answers, and never a path (<see cref="FileNameOf"/>);
    /// the file is made (new, owner-only on Unix, never through a link planted in the folder) before the abandon is sent,
    /// so a name that is taken or a folder that refuses files costs nothing; Heat's answer is written as it came;
    /// and a write that fails after Heat answered puts the data in a file of the temp folder, named in the error, or
    /// into the error itself (<see cref="AbandonDataNotSavedException"/>).
    /// </summary>
    internal sealed class AbandonFile : IDisposable
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);
        private static readonly char[] PathCharacters = { '/', '\\', ':' };
        private static readonly string[] DeviceNames = { "CON", "PRN", "AUX", "NUL" };

        private readonly string _path;
        private readonly string _writing;
        private readonly string _label;
        private FileStream _stream;
        private bool _answered;

        private AbandonFile(string path, string writing, string label, FileStream stream)
        {
            _path = path;
            _writing = writing;
            _label = label;
            _stream = stream;
        }

        /// <summary>
        /// Makes the file for <paramref name="asked"/> in <paramref name="folder"/>. Without <paramref name="overwrite"/>,
        /// a file (or a link, or a folder) already there is an error. With it, the data goes to a new file beside it that
        /// replaces it once written: the replacement takes the place of a link, it never writes through one.
        /// </summary>
        /// <exception cref="PSArgumentException">The stack's name cannot be a file name.</exception>
        /// <exception cref="IOException">The file exists (without <paramref name="overwrite"/>) or cannot be made.</exception>
        public static AbandonFile Open(string folder, StackRef asked, bool overwrite)
        {
            var name = FileNameOf(asked);
            var path = Path.Combine(folder, name);
            var writing = overwrite ? Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp") : path;
            try
            {
                return new AbandonFile(path, writing, asked.ToString(), CreateOwnerOnly(writing));
            }
            catch (IOException) when (!overwrite && (File.Exists(path) || Directory.Exists(path) || IsLink(path)))
            {
                throw new IOException($"{path} already exists: nothing was abandoned. Move it away, choose another -AbandonPath, or add -Overwrite to replace it.");
            }
        }

        /// <summary>
        /// The file name for a stack as the user named it (its name, else its id) plus ".json". Heat's own names (a letter,
        /// then letters, digits, '-', '_', '.') always pass; a name that would leave the folder, name a stream or a device,
        /// or hide in a control character is refused before anything is sent.
        /// </summary>
        internal static string FileNameOf(StackRef asked)
        {
            var name = asked.StackName ?? asked.StackId;
            bool unusable = name == "." || name == ".." || name.IndexOfAny(PathCharacters) >= 0 ||
                            name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Any(char.IsControl) || IsDeviceName(name);
            if (unusable)
            {
                throw new PSArgumentException(
                    $"'{name}' cannot name a file in -AbandonPath (a path, a dot segment or a device name): nothing was abandoned. " +
                    "Leave -AbandonPath out to get the data as text.");
            }
            return name + ".json";
        }

        /// <summary>
        /// Writes Heat's answer as it came and gives the file. Called once Heat has abandoned the stack: a failure here
        /// rescues the data (see the class) and throws <see cref="AbandonDataNotSavedException"/>.
        /// </summary>
        public FileInfo Save(string data)
        {
            _answered = true;
            bool written = false;
            try
            {
                var bytes = Utf8.GetBytes(data);
                _stream.Write(bytes, 0, bytes.Length);
                _stream.Flush(flushToDisk: true);
                _stream.Dispose();
                _stream = null;
                written = true;
                if (_writing != _path) Replace(_writing, _path);
                return new FileInfo(_path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Rescue(data, e, written);
            }
        }

        /// <summary>Closes the file; one that never got Heat's answer (the abandon failed) is removed: it is empty.</summary>
        public void Dispose()
        {
            _stream?.Dispose();
            _stream = null;
            if (!_answered) TryDelete(_writing);
        }

        private AbandonDataNotSavedException Rescue(string data, Exception failure, bool written)
        {
            var lead = $"Heat abandoned stack '{_label}', but its data could not be written to {_path} ({failure.Message})";
            const string Keep = "keep that file: it is the only record of the resources Heat no longer tracks (New-HeatStack -AdoptPath takes it back).";
            if (written) return new AbandonDataNotSavedException($"{lead}. It is in {_writing}: {Keep}", _writing, null, failure);
            _stream?.Dispose();
            _stream = null;
            TryDelete(_writing);
            var fallback = Path.Combine(Path.GetTempPath(), $"heat-abandon-{Path.GetFileNameWithoutExtension(_path)}-{Guid.NewGuid():N}.json");
            try
            {
                using (var stream = CreateOwnerOnly(fallback))
                {
                    var bytes = Utf8.GetBytes(data);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                return new AbandonDataNotSavedException($"{lead}. It was written to {fallback} instead: {Keep}", fallback, null, failure);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                TryDelete(fallback);
                return new AbandonDataNotSavedException(
                    $"{lead}, nor to {fallback} ({e.Message}). The data is in this error's exception, property AbandonData: save it now, " +
                    "it is the only record of the resources Heat no longer tracks.", null, data, failure);
            }
        }

        /// <summary>Puts the written file in the place of what is at <paramref name="path"/> (a file, or a link, which is not followed).</summary>
        private static void Replace(string written, string path)
        {
            if (File.Exists(path) || IsLink(path))
            {
                File.Replace(written, path, null);
            }
            else
            {
                File.Move(written, path);
            }
        }

        private static bool IsLink(string path)
        {
            try
            {
                return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Nothing of Heat's is in it: an empty file left behind is the worst case.
            }
        }

        private static bool IsDeviceName(string name)
        {
            var stem = name.Split('.')[0].TrimEnd(' ');
            return DeviceNames.Contains(stem, StringComparer.OrdinalIgnoreCase) ||
                   (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.OrdinalIgnoreCase) || stem.StartsWith("LPT", StringComparison.OrdinalIgnoreCase)) &&
                    char.IsDigit(stem[3]));
        }

        /// <summary>
        /// A new file (an error if anything, a link included, is at <paramref name="path"/>: O_CREAT|O_EXCL does not follow
        /// links), readable by its owner only on Unix from the moment it exists: FileStreamOptions.UnixCreateMode where the
        /// runtime has it (.NET 7 and later, found by reflection: this assembly targets netstandard2.0), else chmod at once,
        /// before any data is in it. Windows: the folder's inherited ACL.
        /// </summary>
        private static FileStream CreateOwnerOnly(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (OwnerOnlyOptions != null)
            {
                try
                {
                    return (FileStream)FileStreamWithOptions.Invoke(new object[] { path, OwnerOnlyOptions() });
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                    throw;
                }
            }
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (chmod(Encoding.UTF8.GetBytes(path + "\0"), OwnerReadWrite) != 0)
            {
                stream.Dispose();
                TryDelete(path);
                throw new IOException($"Could not make {path} readable by its owner only (errno {Marshal.GetLastWin32Error()}).");
            }
            return stream;
        }

        private const int OwnerReadWrite = 0x180; // 0600: UnixFileMode.UserRead | UnixFileMode.UserWrite

        private static readonly ConstructorInfo FileStreamWithOptions = OptionsType() == null ? null
            : typeof(FileStream).GetConstructor(new[] { typeof(string), OptionsType() });

        private static readonly Func<object> OwnerOnlyOptions = FileStreamWithOptions == null ? null : (Func<object>)(() =>
        {
            var type = OptionsType();
            var options = Activator.CreateInstance(type);
            type.GetProperty("Mode").SetValue(options, FileMode.CreateNew);
            type.GetProperty("Access").SetValue(options, FileAccess.Write);
            type.GetProperty("Share").SetValue(options, FileShare.None);
            var mode = type.GetProperty("UnixCreateMode");
            mode.SetValue(options, Enum.ToObject(Nullable.GetUnderlyingType(mode.PropertyType) ?? mode.PropertyType, OwnerReadWrite));
            return options;
        });

        private static Type OptionsType() => typeof(FileStream).Assembly.GetType("System.IO.FileStreamOptions") is Type type &&
                                              type.GetProperty("UnixCreateMode") != null ? type : null;

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(byte[] nulTerminatedUtf8Path, int mode);
    }
}
