using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Heat.Client.Templates
{
    /// <summary>The reading of one file's content, local or over http(s), for <see cref="LoadSession"/>.</summary>
    internal sealed partial class LoadSession
    {
        private sealed class Content
        {
            public string Text; // null when the bytes are not UTF-8
            public byte[] Bytes; // null for http content
            public long Size;
        }

        private async Task<Content> ReadAsync(string url, Referrer referrer)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (HeatUrl.IsFile(url))
            {
                var path = HeatUrl.FileUrlToPath(url);
                if (!File.Exists(path))
                {
                    var what = Directory.Exists(path) ? "is a folder, not a file" : "does not exist";
                    throw Fail(TemplateProblem.FileNotFound, referrer,
                        (referrer == null ? "the file " : referrer.How + ": ") + path + " " + what, path);
                }
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(path);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    throw Fail(TemplateProblem.FileNotFound, referrer,
                        (referrer == null ? "the file " : referrer.How + ": ") + path + " cannot be read: " + ex.Message, path, ex);
                }
                string text = null;
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
                return new Content { Text = text, Bytes = bytes, Size = bytes.Length };
            }
            if (HeatUrl.IsHttp(url))
            {
                if (_fetchUrl == null)
                {
                    throw Fail(TemplateProblem.UnsupportedReference, referrer,
                        (referrer == null ? url : referrer.How + ": " + url) + " is an http(s) URL and no fetcher was given", url);
                }
                string text;
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
                return new Content { Text = text, Size = Encoding.UTF8.GetByteCount(text) };
            }
            throw Fail(TemplateProblem.UnsupportedReference, referrer,
                (referrer == null ? url : referrer.How) + ": only file, http and https URLs can be read (" + url + ")", url);
        }

        private static TemplateException Fail(TemplateProblem problem, Referrer referrer, string detail, string referenced,
            Exception inner = null)
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
