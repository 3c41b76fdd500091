using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;

namespace Heat.Client.Templates
{
    /// <summary>
    /// Reads a template, every file it references and the environments, the way python-heatclient does, and checks
    /// locally what Heat would refuse (syntax with its position, missing version, missing files, over-size files).
    /// </summary>
    /// <remarks>
    /// As heatclient's template_utils: every <c>get_file</c> string and every <c>type</c> string ending in
    /// <c>.yaml</c> or <c>.template</c> (anywhere in the template; not <c>.yml</c>, which Heat does not treat as a
    /// template resource either) is joined to the URL of the folder of the file that names it, read, stored in
    /// <see cref="TemplateBundle.Files"/> under that absolute URL, and replaced by it. A file that is itself a template
    /// is processed the same way, recursively, and stored as its processed JSON; any other file is stored as its text
    /// (base64 when it is not UTF-8). Beyond heatclient: CloudFormation <c>Resources.*.Type</c> is resolved too, a
    /// child named by <c>type</c> or a resource_registry entry must parse as a template (heatclient would send the raw
    /// text and let Heat fail), and cycles are reported instead of recursing for ever. A template, child or environment
    /// read over http(s) may name only http(s) URLs: a local path, <c>file:</c> URL, drive or UNC path in it is refused
    /// (<see cref="TemplateProblem.ForbiddenReference"/>), or a server could make this machine send its files to Heat.
    /// Sizes, counts and depths are bounded by <see cref="TemplateLimits"/>; FIFOs, devices and sockets are
    /// refused by the handle of an open that does not block, never read.
    /// </remarks>
    public static class TemplateLoader
    {
        /// <summary>
        /// Loads the template, its files and the environments. http(s) URLs are read with <paramref name="fetchUrl"/>
        /// (null: they are refused); file paths and file:// URLs from disk. A <see cref="TemplateRequest.TemplateUrl"/>
        /// is fetched here, like heatclient does, so that its relative references resolve; the bundle then carries
        /// the parsed <see cref="TemplateBundle.Template"/> and leaves <see cref="TemplateBundle.TemplateUrl"/> null.
        /// </summary>
        /// <exception cref="TemplateException">A problem in a template, an environment or a referenced file.</exception>
        public static Task<TemplateBundle> LoadAsync(TemplateRequest request, Func<Uri, CancellationToken, Task<string>> fetchUrl,
            CancellationToken cancellationToken)
        {
            return new LoadSession(fetchUrl, offline: false, cancellationToken).RunAsync(request);
        }

        /// <summary>
        /// The same resolution and checks without any network: an http(s) reference gets its absolute URL in the
        /// template but no content, and is listed in <see cref="TemplateBundle.UncheckedUrls"/>; an http(s) template
        /// URL is left for Heat (<see cref="TemplateBundle.TemplateUrl"/> set, <see cref="TemplateBundle.Template"/>
        /// null); an http(s) environment is listed there and not merged.
        /// </summary>
        /// <exception cref="TemplateException">A problem in a local template, environment or referenced file.</exception>
        public static TemplateBundle CheckLocal(TemplateRequest request)
        {
            // Nothing in offline mode awaits an incomplete task, so this completes synchronously.
            return new LoadSession(null, offline: true, CancellationToken.None).RunAsync(request).GetAwaiter().GetResult();
        }

        /// <summary>
        /// A fetcher for <see cref="LoadAsync"/> that GETs the URL with <paramref name="httpClient"/>, fails on a
        /// non-success status, and reads no more of the body than <see cref="TemplateLimits.MaxFileBytes"/>.
        /// </summary>
        public static Func<Uri, CancellationToken, Task<string>> FetchWith(HttpClient httpClient)
        {
            if (httpClient == null)
            {
                throw new ArgumentNullException(nameof(httpClient));
            }
            return async (uri, cancellationToken) =>
            {
                using (var response = await httpClient.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new HttpRequestException("GET " + uri + " answered " + (int)response.StatusCode + " " + response.ReasonPhrase);
                    }
                    var tooLarge = "GET " + uri + " answered with a body over " + TemplateLimits.MaxFileBytes + " bytes, the limit for one file";
                    if (response.Content.Headers.ContentLength > TemplateLimits.MaxFileBytes)
                    {
                        throw new HttpRequestException(tooLarge);
                    }
                    using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    {
                        var bytes = await CappedRead.ReadUpToAsync(body, TemplateLimits.MaxFileBytes, cancellationToken).ConfigureAwait(false)
                                    ?? throw new HttpRequestException(tooLarge);
                        return Decode(bytes, response.Content.Headers.ContentType?.CharSet);
                    }
                }
            };
        }

        /// <summary>As HttpContent.ReadAsStringAsync decodes: a byte order mark first, then the charset, else UTF-8.</summary>
        private static string Decode(byte[] bytes, string? charset)
        {
            var encoding = Encoding.UTF8;
            if (!Strings.IsNullOrEmpty(charset))
            {
                try
                {
                    encoding = Encoding.GetEncoding(charset.Trim('"'));
                }
                catch (ArgumentException)
                {
                    // An unknown charset: UTF-8, which is what templates are.
                }
            }
            using (var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true))
            {
                return reader.ReadToEnd();
            }
        }
    }
}
