using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.RegularExpressions;

namespace Heat.Client.Internal
{
    /// <summary>
    /// Secrets, and keeping them out of what people read. Every URL that reaches a message (a -Verbose line, a warning,
    /// an exception's message, its inner exceptions' messages, the URI properties of an exception) passes through the one
    /// redactor here: a URL's user:password@ becomes ***@, and the value of a query or fragment parameter that carries a
    /// credential (temp_url_sig, Signature, X-Amz-Credential, token, password, api_key ...) becomes ***. A signed URL (a
    /// Swift temp URL, an S3 presigned URL) is as good as a password until it expires, and messages end up in $Error,
    /// transcripts and CI logs.
    /// </summary>
    internal static class Secrets
    {
        public const string Mask = "***";

        /// <summary>Parts of a parameter's name that make its value a credential wherever they appear in it.</summary>
        private static readonly string[] SecretParts =
        {
            "token", "password", "passwd", "secret", "credential", "signature", "apikey", "api_key", "access_key", "private_key",
        };

        /// <summary>Short names that are credentials only as a whole word of the name (temp_url_sig, key, but not sort_keys).</summary>
        private static readonly string[] SecretWords = { "sig", "key", "pwd", "pass", "auth", "jwt" };

        private static readonly char[] WordSeparators = { '_', '-', '.', ' ', '[', ']' };

        // user:password@ (or user@) after a scheme's "//".
        private static readonly Regex UserInfo = new Regex(@"(?<=\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@?#'""<>]+@",
            RegexOptions.CultureInvariant);

        // name=value after ?, &, # or ; (also percent-encoded, as in a URL carried inside another URL's query).
        private static readonly Regex Pair = new Regex(
            @"(?<=[?&#;]|%3[Ff]|%26|%23)(?<name>[^=&#\s'""<>?;%]+(?:%(?!3[DdFf]|26|23)[0-9A-Fa-f]{2}[^=&#\s'""<>?;%]*)*)" +
            @"(?<equals>=|%3[Dd])(?<value>(?:(?!%26|%23)[^&#\s'""<>;])*)",
            RegexOptions.CultureInvariant);

        /// <summary>Reads a SecureString only at the moment a request body or header needs it.</summary>
        [return: NotNullIfNotNull("secure")]
        public static string? Reveal(SecureString? secure)
        {
            if (secure == null) return null;
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>Whether a query parameter of that name carries a credential.</summary>
        public static bool IsSecretName(string? name)
        {
            if (Strings.IsNullOrEmpty(name)) return false;
            string lower;
            try
            {
                lower = Uri.UnescapeDataString(name).ToLowerInvariant();
            }
            catch (UriFormatException)
            {
                lower = name.ToLowerInvariant();
            }
            foreach (var part in SecretParts)
            {
                if (lower.Contains(part)) return true;
            }
            foreach (var word in lower.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (Array.IndexOf(SecretWords, word) >= 0) return true;
            }
            return false;
        }

        /// <summary>A URL as a message may show it.</summary>
        public static string RedactUrl(Uri? uri)
        {
            if (uri == null) return string.Empty;
            return RedactText(uri.IsAbsoluteUri ? uri.ToString() : uri.OriginalString);
        }

        /// <summary>The same URL with its credentials masked, for a property of an exception; the same instance when it has none.</summary>
        public static Uri? RedactUri(Uri? uri)
        {
            if (uri == null) return null;
            var text = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
            var redacted = RedactText(text);
            if (redacted == text) return uri;
            return Uri.TryCreate(redacted, UriKind.RelativeOrAbsolute, out var masked) ? masked : null;
        }

        /// <summary>Text with every URL in it redacted: user info and credential parameters masked, the rest as it was.</summary>
        [return: NotNullIfNotNull("text")]
        public static string? RedactText(string? text)
        {
            if (Strings.IsNullOrEmpty(text) || (text.IndexOf('=') < 0 && text.IndexOf('@') < 0 && text.IndexOf('%') < 0)) return text;
            var masked = UserInfo.Replace(text, Mask + "@");
            // Any other value may itself be a URL with credentials (percent-encoded in a query): it is read the same way.
            return Pair.Replace(masked, m => m.Groups["name"].Value + m.Groups["equals"].Value + (IsSecretName(m.Groups["name"].Value)
                ? (m.Groups["value"].Length > 0 ? Mask : string.Empty)
                : RedactText(m.Groups["value"].Value)));
        }

        /// <summary>
        /// An exception whose message, and whose inner exceptions' messages, hold no credential: the same one when none
        /// did; otherwise copies (<see cref="RedactedException"/>, which name the original type) down to the deepest that
        /// needed it. HttpClient and the fetchers put URLs into their messages, and an inner exception is part of what
        /// $Error, Export-Clixml and Format-List -Force show.
        /// </summary>
        [return: NotNullIfNotNull("exception")]
        public static Exception? Redact(Exception? exception)
        {
            if (exception == null) return null;
            var inner = Redact(exception.InnerException);
            var message = RedactText(exception.Message);
            if (ReferenceEquals(inner, exception.InnerException) && message == exception.Message) return exception;
            return new RedactedException(exception is RedactedException copy ? copy.OriginalType : exception.GetType().FullName, message, inner);
        }
    }
}
