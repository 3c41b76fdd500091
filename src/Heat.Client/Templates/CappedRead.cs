using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Heat.Client.Templates
{
    /// <summary>
    /// Reads that stop one byte past a cap, in chunks, checking for cancellation between them: a length said beforehand
    /// (a file's, a Content-Length) can be wrong or absent, and /dev/zero or an endless HTTP body never end.
    /// </summary>
    internal static class CappedRead
    {
        private const int ChunkBytes = 64 * 1024;

        /// <summary>The whole of <paramref name="stream"/>, or null when it has more than <paramref name="limit"/> bytes.</summary>
        public static byte[]? ReadUpTo(Stream stream, long limit, CancellationToken cancellationToken)
        {
            using (var content = new MemoryStream())
            {
                var chunk = new byte[ChunkBytes];
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var read = stream.Read(chunk, 0, NextChunk(content, limit));
                    if (!Keep(content, chunk, read, limit))
                    {
                        return read == 0 ? content.ToArray() : null;
                    }
                }
            }
        }

        /// <inheritdoc cref="ReadUpTo"/>
        public static async Task<byte[]?> ReadUpToAsync(Stream stream, long limit, CancellationToken cancellationToken)
        {
            using (var content = new MemoryStream())
            {
                var chunk = new byte[ChunkBytes];
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var read = await stream.ReadAsync(chunk, 0, NextChunk(content, limit), cancellationToken).ConfigureAwait(false);
                    if (!Keep(content, chunk, read, limit))
                    {
                        return read == 0 ? content.ToArray() : null;
                    }
                }
            }
        }

        private static int NextChunk(MemoryStream content, long limit) => (int)Math.Min(ChunkBytes, limit + 1 - content.Length);

        /// <summary>Keeps what was read; false at the end of the stream or once past the limit.</summary>
        private static bool Keep(MemoryStream content, byte[] chunk, int read, long limit)
        {
            if (read == 0 || content.Length + read > limit)
            {
                return false;
            }
            content.Write(chunk, 0, read);
            return true;
        }
    }
}
