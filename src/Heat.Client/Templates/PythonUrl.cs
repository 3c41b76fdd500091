using System;
using System.Collections.Generic;
using Heat.Client.Internal;

namespace Heat.Client.Templates
{
    /// <summary>
    /// Python's urllib.parse split, join and unsplit (3.11), to the letter, for the schemes heatclient meets: the URLs it
    /// makes are keys of Heat's files map, so they must be the same strings heatclient would make.
    /// </summary>
    internal static class PythonUrl
    {
        /// <summary>Python's urllib.parse.urljoin (3.11), for the schemes that matter here.</summary>
        public static string Join(string baseUrl, string url)
        {
            if (Strings.IsNullOrEmpty(baseUrl))
            {
                return url;
            }
            if (Strings.IsNullOrEmpty(url))
            {
                return baseUrl;
            }
            var b = Split(baseUrl);
            var u = Split(url, b.Scheme);
            if (u.Scheme != b.Scheme || !UsesRelative.Contains(u.Scheme))
            {
                return url;
            }
            var netloc = u.Netloc;
            if (UsesNetloc.Contains(u.Scheme))
            {
                if (u.Netloc != null)
                {
                    return Unsplit(u.Scheme, u.Netloc, u.Path, u.Query, u.Fragment);
                }
                netloc = b.Netloc;
            }
            if (u.Path.Length == 0)
            {
                return Unsplit(u.Scheme, netloc, b.Path, u.Query ?? b.Query, u.Fragment);
            }

            var baseParts = new List<string>(b.Path.Split('/'));
            if (baseParts[baseParts.Count - 1].Length != 0)
            {
                baseParts.RemoveAt(baseParts.Count - 1);
            }
            List<string> segments;
            if (u.Path.StartsWith("/", StringComparison.Ordinal))
            {
                segments = new List<string>(u.Path.Split('/'));
            }
            else
            {
                segments = baseParts;
                segments.AddRange(u.Path.Split('/'));
                // Python drops empty middle segments so that "a//b" joins as "a/b".
                if (segments.Count > 2)
                {
                    var kept = new List<string> { segments[0] };
                    for (var i = 1; i < segments.Count - 1; i++)
                    {
                        if (segments[i].Length > 0)
                        {
                            kept.Add(segments[i]);
                        }
                    }
                    kept.Add(segments[segments.Count - 1]);
                    segments = kept;
                }
            }
            var resolved = new List<string>();
            foreach (var segment in segments)
            {
                if (segment == "..")
                {
                    if (resolved.Count > 0)
                    {
                        resolved.RemoveAt(resolved.Count - 1);
                    }
                }
                else if (segment != ".")
                {
                    resolved.Add(segment);
                }
            }
            var lastSegment = segments[segments.Count - 1];
            if (lastSegment == "." || lastSegment == "..")
            {
                resolved.Add(string.Empty);
            }
            var path = string.Join("/", resolved);
            if (path.Length == 0)
            {
                path = "/";
            }
            return Unsplit(u.Scheme, netloc, path, u.Query, u.Fragment);
        }

        private static readonly HashSet<string> UsesRelative = new HashSet<string>(StringComparer.Ordinal)
        {
            "", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms", "prospero",
            "rtsp", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss",
        };

        private static readonly HashSet<string> UsesNetloc = new HashSet<string>(StringComparer.Ordinal)
        {
            "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews",
            "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss",
        };

        internal struct UrlParts
        {
            public string Scheme;
            public string Netloc; // null when the URL has no "//" authority
            public string Path;
            public string Query; // null when absent
            public string Fragment; // null when absent
        }

        internal static UrlParts Split(string url, string defaultScheme = "")
        {
            var parts = new UrlParts { Scheme = defaultScheme };
            var rest = url;
            var scheme = HeatUrl.SchemeOf(url);
            if (scheme != null)
            {
                parts.Scheme = scheme;
                rest = url.Substring(scheme.Length + 1);
            }
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                var end = rest.Length;
                foreach (var c in "/?#")
                {
                    var i = rest.IndexOf(c, 2);
                    if (i >= 0 && i < end)
                    {
                        end = i;
                    }
                }
                parts.Netloc = rest.Substring(2, end - 2);
                rest = rest.Substring(end);
            }
            var hash = rest.IndexOf('#');
            if (hash >= 0)
            {
                parts.Fragment = rest.Substring(hash + 1);
                rest = rest.Substring(0, hash);
            }
            var question = rest.IndexOf('?');
            if (question >= 0)
            {
                parts.Query = rest.Substring(question + 1);
                rest = rest.Substring(0, question);
            }
            parts.Path = rest;
            return parts;
        }

        private static string Unsplit(string scheme, string netloc, string path, string query, string fragment)
        {
            var url = path;
            if (netloc != null && netloc.Length > 0 || (scheme.Length > 0 && UsesNetloc.Contains(scheme) && !path.StartsWith("//", StringComparison.Ordinal)))
            {
                if (url.Length > 0 && url[0] != '/')
                {
                    url = "/" + url;
                }
                url = "//" + (netloc ?? string.Empty) + url;
            }
            if (scheme.Length > 0)
            {
                url = scheme + ":" + url;
            }
            if (!Strings.IsNullOrEmpty(query))
            {
                url += "?" + query;
            }
            if (!Strings.IsNullOrEmpty(fragment))
            {
                url += "#" + fragment;
            }
            return url;
        }
    }
}
