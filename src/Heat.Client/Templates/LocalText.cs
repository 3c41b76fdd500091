using System.IO;
using System.Text;
using System.Threading;

namespace Heat.Client.Templates
{
    /// <summary>A local text file that is not a template (adopt data, a software config's script), read as safely as one.</summary>
    public static class LocalText
    {
        /// <summary>Refuses a FIFO or device before opening it, reads at most <see cref="TemplateLimits.MaxFileBytes"/>.</summary>
        /// <exception cref="TemplateException">Missing, not a regular file, too large or not UTF-8.</exception>
        public static string Read(string path, string what)
        {
            var kind = LocalFile.KindOf(path);
            if (kind == FileKind.Missing)
            {
                throw new TemplateException(TemplateProblem.FileNotFound, path, null, null, what + " " + path + " does not exist", path);
            }
            if (kind != FileKind.Regular)
            {
                throw new TemplateException(TemplateProblem.NotRegularFile, path, null, null,
                    what + " " + path + " is " + LocalFile.Describe(kind) + ", not a regular file", path);
            }
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                bytes = CappedRead.ReadUpTo(stream, TemplateLimits.MaxFileBytes, CancellationToken.None);
            }
            if (bytes == null)
            {
                throw new TemplateException(TemplateProblem.TooLarge, path, null, null, what + " " + path + " is over " + TemplateLimits.MaxFileBytes + " bytes", path);
            }
            return TemplateFormat.DecodeText(bytes, path);
        }
    }
}
