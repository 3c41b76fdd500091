using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Newtonsoft.Json;

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

        /// <summary>A 2xx body that is JSON but not the shape the route promises (thrown by a streaming reader).</summary>
        public sealed class ShapeException : Exception
        {
            public ShapeException(string message, Exception? inner = null) : base(message, inner) { }
        }

        /// <summary>
        /// Parses a JSON body with <paramref name="read"/> pulling tokens from the reader: no string and no tree of the
        /// whole body. The body's bytes come in first (<see cref="ReadBytesAsync"/>, the same limits as
        /// <see cref="ReadAsync"/>), then are parsed synchronously: a reader pulling each token through an await cost
        /// about twice the time of a listing in a new process, and a synchronous read of the network would block a pool
        /// thread. Depth <see cref="HeatJson.MaxDepth"/>; one document, nothing after it.
        /// </summary>
        public static async Task<object> ReadJsonAsync(HttpContent? content, long maxBytes, Func<JsonReader, object> read,
            CancellationToken cancellationToken)
        {
            using (var bytes = await ReadBytesAsync(content, maxBytes, cancellationToken).ConfigureAwait(false))
            using (var text = new StreamReader(bytes, EncodingOf(content?.Headers.ContentType?.CharSet), detectEncodingFromByteOrderMarks: true))
            using (var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = HeatJson.MaxDepth, CloseInput = false })
            {
                var result = read(reader);
                if (reader.Read() && reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException($"Extra text after the JSON document at line {reader.LineNumber}, position {reader.LinePosition}.");
                }
                return result;
            }
        }

        public static async Task<string?> ReadAsync(HttpContent? content, long maxBytes, CancellationToken cancellationToken)
        {
            if (content == null) return null;
            using (var bytes = await ReadBytesAsync(content, maxBytes, cancellationToken).ConfigureAwait(false))
            {
                return Decode(bytes.GetBuffer(), (int)bytes.Length, content.Headers.ContentType?.CharSet);
            }
        }

        /// <summary>
        /// The body's bytes in memory, with a ceiling: the declared length is checked before reading, and the bytes are
        /// counted while they arrive (after decompression, so a small gzip body cannot expand without bound).
        /// </summary>
        private static async Task<MemoryStream> ReadBytesAsync(HttpContent? content, long maxBytes, CancellationToken cancellationToken)
        {
            var declared = content?.Headers.ContentLength;
            if (declared.HasValue && declared.Value > maxBytes)
            {
                throw new TooLargeException($"its body of {declared.Value} bytes is over the limit of {maxBytes} bytes");
            }
            var bytes = new MemoryStream(declared.HasValue && declared.Value > 0 ? (int)Math.Min(declared.Value, 1 << 20) : 16384);
            if (content != null)
            {
                using (var capped = new CappedStream(await content.ReadAsStreamAsync().ConfigureAwait(false), maxBytes, cancellationToken))
                {
                    await capped.CopyToAsync(bytes, 81920, cancellationToken).ConfigureAwait(false);
                }
            }
            bytes.Position = 0;
            return bytes;
        }

        private static string Decode(byte[] bytes, int count, string? charset)
        {
            var text = EncodingOf(charset).GetString(bytes, 0, count);
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }

        private static Encoding EncodingOf(string? charset)
        {
            Encoding? encoding = null;
            if (!Strings.IsNullOrWhiteSpace(charset))
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
            return encoding ?? new UTF8Encoding(false);
        }

        /// <summary>Counts what is read through it (after decompression) and refuses to go past the limit.</summary>
        private sealed class CappedStream : Stream
        {
            private readonly Stream _inner;
            private readonly long _maxBytes;
            private readonly CancellationToken _cancellation;
            private long _read;

            /// <param name="cancellation">Ends a read in flight: a TextReader over this stream does not pass its token down.</param>
            public CappedStream(Stream inner, long maxBytes, CancellationToken cancellation)
            {
                _inner = inner;
                _maxBytes = maxBytes;
                _cancellation = cancellation;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => _read; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken.CanBeCanceled ? cancellationToken : _cancellation).ConfigureAwait(false));

            private int Count(int read)
            {
                _read += read;
                if (_read > _maxBytes) throw new TooLargeException($"its body is over the limit of {_maxBytes} bytes");
                return read;
            }

            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
