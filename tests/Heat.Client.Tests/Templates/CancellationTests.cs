using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>Ctrl+C stops a load: the token is checked before each file and between the chunks of a file.</summary>
    public class CancellationTests
    {
        [Fact]
        public async Task A_cancelled_token_stops_the_loader_between_files_and_between_chunks()
        {
            // Between files: cancelled while the first is fetched, the loader must not go on to the next one (which,
            // read, would fail with FileNotFound instead).
            using (var cancel = new CancellationTokenSource())
            {
                Func<Uri, CancellationToken, Task<string>> fetch = (uri, _) =>
                {
                    cancel.Cancel();
                    return Task.FromResult("fetched");
                };
                var request = new TemplateRequest
                {
                    TemplateText = "heat_template_version: 2018-08-31\noutputs:\n" +
                                   "  a: {value: {get_file: 'https://artifacts.example.com/a.txt'}}\n" +
                                   "  b: {value: {get_file: not-there.txt}}\n",
                    BaseDirectory = Fixture.Root,
                };

                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TemplateLoader.LoadAsync(request, fetch, cancel.Token));
            }

            // Between chunks: a file that takes long to read stops at the next chunk, not at its end.
            using (var cancel = new CancellationTokenSource())
            {
                var stream = new CancellingStream(cancel);

                Assert.ThrowsAny<OperationCanceledException>(() => CappedRead.ReadUpTo(stream, TemplateLimits.MaxFileBytes, cancel.Token));
                Assert.Equal(1, stream.Reads);
            }
        }

        /// <summary>Serves zeros without end and cancels the token on its first read.</summary>
        private sealed class CancellingStream : Stream
        {
            private readonly CancellationTokenSource _cancel;

            public CancellingStream(CancellationTokenSource cancel) => _cancel = cancel;

            public int Reads { get; private set; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Reads++;
                _cancel.Cancel();
                Array.Clear(buffer, offset, count);
                return count;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
