using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Text;
using Heat.Client.Internal;

namespace Heat.Client.Templates
{
    /// <summary>
    /// URL handling exactly as python-heatclient does it, because the URLs become keys of Heat's <c>files</c> map and
    /// the values that replace references in templates. heatclient turns a local path into a URL with
    /// <c>urljoin('file:', pathname2url(abspath(path)))</c> (percent-encoded UTF-8, only <c>A-Za-z0-9_.-~/</c> kept), and
    /// joins a reference to the folder of the file that names it with <c>urljoin(base + '/', value)</c>, which does NOT
    /// encode the reference: <c>file:///repo/my%20app/ünïcode dir/child template.yaml</c> is a real heatclient key.
    /// System.Uri would escape and normalise differently, so this works on plain strings.
    /// </summary>
    internal static class HeatUrl
    {
        private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";

        private static readonly char[] QueryOrFragment = { '?', '#' };

        /// <summary>heatclient's <c>normalise_file_path_to_url</c>: a URL stays, a path becomes an absolute file URL.</summary>
        public static string NormalisePathToUrl(string pathOrUrl, string? baseDirectory)
        {
            if (HasScheme(pathOrUrl))
            {
                return pathOrUrl;
            }
            var root = Strings.IsNullOrEmpty(baseDirectory) ? Directory.GetCurrentDirectory() : baseDirectory;
            return PathToFileUrl(Path.GetFullPath(Path.Combine(root, pathOrUrl)));
        }

        /// <summary><c>urljoin('file:', pathname2url(path))</c> for an absolute local path (POSIX or Windows).</summary>
        public static string PathToFileUrl(string fullPath)
        {
            var path = fullPath;
            if (Path.DirectorySeparatorChar == '\\' || IsWindowsDrivePath(path))
            {
                path = path.Replace('\\', '/');
            }
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                // UNC path \\server\share\x: the server becomes the URL's host.
                return "file:" + Quote(path, keepColon: false);
            }
            if (IsWindowsDrivePath(path))
            {
                // nturl2path keeps the drive's colon: file:///C:/repo/stack.yaml
                return "file:///" + path.Substring(0, 2) + Quote(path.Substring(2), keepColon: false);
            }
            return "file://" + Quote(path, keepColon: false);
        }

        /// <summary>The local path a file URL names (url2pathname(unquote(path))); query and fragment are dropped.</summary>
        public static string FileUrlToPath(string url)
        {
            var rest = url.Substring("file:".Length);
            rest = StripQueryAndFragment(rest);
            string host = string.Empty;
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                var slash = rest.IndexOf('/', 2);
                host = slash < 0 ? rest.Substring(2) : rest.Substring(2, slash - 2);
                rest = slash < 0 ? "/" : rest.Substring(slash);
            }
            var path = Unquote(rest);
            if (path.Length >= 3 && path[0] == '/' && IsWindowsDrivePath(path.Substring(1)))
            {
                path = path.Substring(1);
            }
            if (host.Length > 0 && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                path = "//" + host + path;
            }
            if (Path.DirectorySeparatorChar == '\\')
            {
                path = path.Replace('/', '\\');
            }
            return path;
        }

        /// <summary>heatclient's <c>base_url_for_url</c>: the URL of the folder holding <paramref name="url"/>, no trailing slash.</summary>
        public static string BaseUrlFor(string url)
        {
            var parts = PythonUrl.Split(url);
            var dir = DirName(parts.Path);
            return Join(url, dir);
        }

        /// <summary>The URL of a folder itself (for template text, whose references resolve against the current location).</summary>
        public static string DirectoryUrl(string directory)
        {
            return PathToFileUrl(Path.GetFullPath(directory).TrimEnd('/', '\\'));
        }

        /// <summary>How heatclient resolves a reference: <c>urljoin(base + '/', value)</c>.</summary>
        public static string Resolve(string baseUrl, string reference)
        {
            if (IsWindowsDrivePath(reference))
            {
                // A Windows absolute path; urljoin would take "C" as a scheme and keep the path as it is.
                return PathToFileUrl(reference);
            }
            if (!Strings.IsNullOrEmpty(baseUrl) && !baseUrl.EndsWith("/", StringComparison.Ordinal))
            {
                baseUrl += "/";
            }
            return Join(baseUrl, reference);
        }

        public static bool HasScheme(string value)
        {
            return SchemeOf(value) != null && !IsWindowsDrivePath(value);
        }

        public static bool IsHttp(string url)
        {
            var scheme = SchemeOf(url);
            return scheme == "http" || scheme == "https";
        }

        public static bool IsFile(string url)
        {
            return SchemeOf(url) == "file";
        }

        /// <summary>What users should see for a URL: the local path for file URLs, the URL otherwise.</summary>
        [return: NotNullIfNotNull("url")]
        public static string? Display(string? url)
        {
            return url != null && IsFile(url) ? FileUrlToPath(url) : url;
        }

        /// <summary>The lower-cased scheme as Python's urlsplit finds it, or null.</summary>
        public static string? SchemeOf(string value)
        {
            if (Strings.IsNullOrEmpty(value))
            {
                return null;
            }
            var colon = value.IndexOf(':');
            if (colon <= 0 || !IsAsciiLetter(value[0]))
            {
                return null;
            }
            for (var i = 1; i < colon; i++)
            {
                var c = value[i];
                if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
                {
                    return null;
                }
            }
            return value.Substring(0, colon).ToLowerInvariant();
        }

        /// <summary>Python's urllib.parse.urljoin (3.11), for the schemes that matter here (see <see cref="PythonUrl"/>).</summary>
        internal static string Join(string baseUrl, string url) => PythonUrl.Join(baseUrl, url);

        private static string DirName(string path)
        {
            var slash = path.LastIndexOf('/');
            if (slash < 0)
            {
                return string.Empty;
            }
            var head = path.Substring(0, slash + 1);
            var trimmed = head.TrimEnd('/');
            return trimmed.Length == 0 ? head : trimmed;
        }

        private static string StripQueryAndFragment(string value)
        {
            var cut = value.IndexOfAny(QueryOrFragment);
            return cut < 0 ? value : value.Substring(0, cut);
        }

        private static string Quote(string path, bool keepColon)
        {
            var text = new StringBuilder(path.Length + 16);
            foreach (var b in Encoding.UTF8.GetBytes(path))
            {
                var c = (char)b;
                if (b < 0x80 && (Unreserved.IndexOf(c) >= 0 || c == '/' || (keepColon && c == ':')))
                {
                    text.Append(c);
                }
                else
                {
                    text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            return text.ToString();
        }

        private static string Unquote(string value)
        {
            if (value.IndexOf('%') < 0)
            {
                return value;
            }
            var bytes = new List<byte>(value.Length);
            var text = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
                {
                    bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                    i += 2;
                    continue;
                }
                if (bytes.Count > 0)
                {
                    text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
                    bytes.Clear();
                }
                text.Append(value[i]);
            }
            if (bytes.Count > 0)
            {
                text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            }
            return text.ToString();
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsWindowsDrivePath(string value)
        {
            return value != null && value.Length >= 3 && IsAsciiLetter(value[0]) && value[1] == ':' &&
                   (value[2] == '\\' || value[2] == '/');
        }
    }
}
