using System.Threading;

namespace Heat.Client.Templates
{
    /// <summary>A local text file that is not a template (adopt data, a software config's script), read as safely as one.</summary>
    public static class LocalText
    {
        /// <summary>
        /// A regular file only, judged on the open handle (a FIFO or device is refused without blocking), at most
        /// <see cref="TemplateLimits.MaxFileBytes"/>, UTF-8.
        /// </summary>
        /// <exception cref="TemplateException">Missing, not a regular file, too large or not UTF-8.</exception>
        public static string Read(string path, string what)
        {
            var bytes = LocalFile.ReadRegular(path, TemplateLimits.MaxFileBytes, what + " " + path, CancellationToken.None);
            return TemplateFormat.DecodeText(bytes, path);
        }
    }
}
