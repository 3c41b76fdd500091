using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Heat.Client.Http
{
    /// <summary>
    /// Reads a response body with a ceiling: the declared length is checked before reading, and the bytes are counted
    /// while they arrive (after decompression, so a small gzip body cannot expand without bound).
    /// </summary>
    internal static class BodyReader
    {
        public sealed class TooLargeException : Exception
        {
            public TooLargeException(string message) : base(message) { }
        }

        public static async Task<string> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
        {
            if (content == null) return null;
            var declared = content.Headers.ContentLength;
            if (declared.HasValue && declared.Value > maxBytes)
            {
                throw new TooLargeException($"its body of {declared.Value} bytes is over the limit of {maxBytes} bytes");
            }
            using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[81920];
                while (true)
                {
                    var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    if (buffer.Length + read > maxBytes)
                    {
                        throw new TooLargeException($"its body is over the limit of {maxBytes} bytes");
                    }
                    buffer.Write(chunk, 0, read);
                }
                return Decode(buffer.GetBuffer(), (int)buffer.Length, content.Headers.ContentType?.CharSet);
            }
        }

        private static string Decode(byte[] bytes, int count, string charset)
        {
            Encoding encoding = null;
            if (!string.IsNullOrWhiteSpace(charset))
            {
                try
                {
                    encoding = Encoding.GetEncoding(charset.Trim('"', ' '));
                }
                catch (ArgumentException)
                {
                    // An unknown charset: read as UTF-8, which Heat and Keystone always send.
                }
            }
            encoding = encoding ?? new UTF8Encoding(false);
            var text = encoding.GetString(bytes, 0, count);
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }
    }
}
