using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Heat.Client.Templates
{
    /// <summary>The reading of one file's content, local or over http(s), for <see cref="LoadSession"/>.</summary>
    internal sealed partial class LoadSession
    {
        private int _filesRead;
        private long _bytesRead;

        private sealed class Content
        {
            public Content(string? text, byte[] bytes, long size)
            {
                Text = text;
                Bytes = bytes;
                Size = size;
            }

            public readonly string? Text; // null when the bytes are not UTF-8
            public readonly byte[] Bytes; // empty for http content, whose text is all there is
            public readonly long Size;
        }

        /// <summary>
        /// Reads a template or environment (<paramref name="what"/> names it in errors: "the template") or, when
        /// <paramref name="what"/> is null, a get_file target. Every size is checked against its cap before the content
        /// is kept: a local file from its open handle's length before it is read, and again while it is read.
        /// </summary>
        private async Task<Content> ReadAsync(string url, Referrer? referrer, string? what)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_filesRead >= TemplateLimits.MaxFiles)
            {
                var display = HeatUrl.Display(url);
                throw Fail(TemplateProblem.TooLarge, referrer, Subject(referrer, display) + " would be one file more than the " +
                    TemplateLimits.MaxFiles + " that one template, its children and environments may read", display);
            }
            Content content;
            if (HeatUrl.IsFile(url))
            {
                content = ReadLocal(url, referrer, what);
            }
            else if (HeatUrl.IsHttp(url))
            {
                content = await FetchAsync(url, referrer, what).ConfigureAwait(false);
            }
            else
            {
                throw Fail(TemplateProblem.UnsupportedReference, referrer,
                    (referrer == null ? url : referrer.How) + ": only file, http and https URLs can be read (" + url + ")", url);
            }
            _filesRead++;
            _bytesRead += content.Size;
            return content;
        }

        private Content ReadLocal(string url, Referrer? referrer, string? what)
        {
            var path = HeatUrl.FileUrlToPath(url);
            var subject = (referrer == null ? "the file " : referrer.How + ": ") + path;
            byte[] bytes;
            try
            {
                // Opened first, then judged by its handle: opening a FIFO would block, and a device may never end.
                using (var stream = LocalFile.OpenRegular(path, out var kind))
                {
                    // Only a regular file is opened: anything else is closed unread, and named here.
                    if (stream == null)
                    {
                        switch (kind)
                        {
                            case FileKind.Missing:
                                throw Fail(TemplateProblem.FileNotFound, referrer, subject + " does not exist", path);
                            case FileKind.Directory:
                                throw Fail(TemplateProblem.FileNotFound, referrer, subject + " is a folder, not a file", path);
                            default:
                                throw Fail(TemplateProblem.NotRegularFile, referrer, subject + " is " + LocalFile.Describe(kind) +
                                    ", not a regular file: reading it could block or never end", path);
                        }
                    }
                    CheckSize(stream.Length, true, url, referrer, what);
                    var allowance = Math.Min(LimitFor(what), TemplateLimits.MaxBundleBytes - _bytesRead);
                    // Past the allowance is past one of the caps it was taken from.
                    bytes = CappedRead.ReadUpTo(stream, allowance, _cancellationToken) ?? throw OverCap(allowance + 1, false, url, referrer, what);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Fail(TemplateProblem.FileNotFound, referrer, subject + " cannot be read: " + ex.Message, path, ex);
            }
            string? text = null;
            try
            {
                text = TemplateFormat.DecodeText(bytes, HeatUrl.Display(url));
                if (referrer != null && bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                {
                    text = "\uFEFF" + text; // a get_file target is sent as it is, BOM included
                }
            }
            catch (TemplateException)
            {
                // Not UTF-8: a get_file target goes as base64; a template or environment fails where it is parsed.
            }
            return new Content(text, bytes, bytes.Length);
        }

        private async Task<Content> FetchAsync(string url, Referrer? referrer, string? what)
        {
            if (_fetchUrl == null)
            {
                throw Fail(TemplateProblem.UnsupportedReference, referrer,
                    (referrer == null ? url : referrer.How + ": " + url) + " is an http(s) URL and no fetcher was given", url);
            }
            string? text;
            try
            {
                text = await _fetchUrl(new Uri(url), _cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw Fail(TemplateProblem.FetchFailed, referrer,
                    (referrer == null ? url : referrer.How + ": " + url) + " could not be fetched: " + ex.Message, url, ex);
            }
            if (text == null)
            {
                throw Fail(TemplateProblem.FetchFailed, referrer, (referrer == null ? url : referrer.How + ": " + url) + " returned nothing", url);
            }
            // The fetcher caps the body it reads; this side holds every path to the same caps whatever the fetcher does.
            var size = Encoding.UTF8.GetByteCount(text);
            CheckSize(size, true, url, referrer, what);
            return new Content(text, Array.Empty<byte>(), size);
        }

        private static long LimitFor(string? what) => what == null ? TemplateLimits.MaxFileBytes : TemplateLimits.MaxTemplateBytes;

        /// <summary>
        /// Fails when <paramref name="size"/> bytes are over a cap: Heat's max_template_size for a template or environment
        /// (reported in that file, as Heat would), the cap for one file, or what is left of the cap for the whole bundle.
        /// <paramref name="exact"/> is false when the size is only known to be at least that (a read that went past it).
        /// </summary>
        private void CheckSize(long size, bool exact, string url, Referrer? referrer, string? what)
        {
            if (size > LimitFor(what) || _bytesRead + size > TemplateLimits.MaxBundleBytes) throw OverCap(size, exact, url, referrer, what);
        }

        /// <summary>The error for <paramref name="size"/> bytes, which are over the cap for one file or for the whole bundle.</summary>
        private static TemplateException OverCap(long size, bool exact, string url, Referrer? referrer, string? what)
        {
            var display = HeatUrl.Display(url);
            if (what != null && size > TemplateLimits.MaxTemplateBytes)
            {
                return new TemplateException(TemplateProblem.TooLarge, display, null, null,
                    what + (exact ? " is " + size + " bytes, over" : " grew past its length while being read, to over") +
                    " Heat's max_template_size of " + TemplateLimits.MaxTemplateBytes + " bytes", display);
            }
            if (what == null && size > TemplateLimits.MaxFileBytes)
            {
                return Fail(TemplateProblem.TooLarge, referrer, Subject(referrer, display) +
                    (exact ? " is " + size + " bytes, over" : " grew past its length while being read, to over") +
                    " the limit of " + TemplateLimits.MaxFileBytes + " bytes for one file", display);
            }
            return Fail(TemplateProblem.TooLarge, referrer, Subject(referrer, display) + " would bring the files read for this template to over " +
                TemplateLimits.MaxBundleBytes + " bytes, the limit for all of them together", display);
        }

        /// <summary>
        /// A template or environment is held, and sent, as its JSON, which aliases and escapes can make larger than the text
        /// it was read from: the difference counts against the cap for the whole bundle too.
        /// </summary>
        private void CountAsJson(string url, Referrer? referrer, long textSize, long jsonSize)
        {
            var more = jsonSize - textSize;
            if (more <= 0)
            {
                return;
            }
            if (_bytesRead + more > TemplateLimits.MaxBundleBytes)
            {
                var display = HeatUrl.Display(url);
                throw Fail(TemplateProblem.TooLarge, referrer, Subject(referrer, display) + " as JSON (" + jsonSize +
                    " characters) would bring the files of this template to over " + TemplateLimits.MaxBundleBytes +
                    " bytes, the limit for all of them together", display);
            }
            _bytesRead += more;
        }

        private static string Subject(Referrer? referrer, string file) => referrer == null ? file : referrer.How + ": " + file;

        private static TemplateException Fail(TemplateProblem problem, Referrer? referrer, string detail, string referenced,
            Exception? inner = null)
        {
            if (referrer == null)
            {
                return new TemplateException(problem, HeatUrl.Display(referenced), null, null, detail, referenced, inner);
            }
            var at = SourcePosition.Of(referrer.Token);
            return new TemplateException(problem, referrer.FileName, at?.Line, at?.Column, detail, referenced, inner);
        }
    }
}
