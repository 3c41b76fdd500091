using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.Outputs
{
    /// <summary>A stack's outputs through Heat's own routes (<c>.../outputs</c>), without reading the whole stack.</summary>
    public sealed class OutputsClient
    {
        private const int ParallelReads = 4;

        private readonly HeatApi _api;
        private readonly StackResolver _stacks;

        internal OutputsClient(HeatApi api, StackResolver stacks)
        {
            _api = api;
            _stacks = stacks;
        }

        /// <summary>The outputs' keys and descriptions (Heat's list has no values).</summary>
        public async Task<IReadOnlyList<HeatStackOutput>> ListAsync(StackRef stack, CancellationToken cancellationToken)
        {
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var outputs = await _api.GetListAsync<HeatStackOutput>(HeatRoutes.Outputs.At(stack), "outputs", cancellationToken).ConfigureAwait(false);
            return outputs.Select(o => o.Of(stack)).ToList();
        }

        /// <summary>One output with its value (or the error Heat met computing it).</summary>
        public async Task<HeatStackOutput> GetAsync(StackRef stack, string key, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.Output(key);
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var output = await _api.GetAsync<HeatStackOutput>(route.At(stack), "output", cancellationToken).ConfigureAwait(false);
            return output.Of(stack);
        }

        /// <summary>Every output with its value: the list, then each one (a few at a time), in the list's order.</summary>
        public async Task<IReadOnlyList<HeatStackOutput>> GetAllAsync(StackRef stack, CancellationToken cancellationToken)
        {
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var keys = (await ListAsync(stack, cancellationToken).ConfigureAwait(false)).Select(o => o.OutputKey).OfType<string>().ToList();
            using (var gate = new SemaphoreSlim(ParallelReads))
            {
                var reads = keys.Select(async key =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await GetAsync(stack, key, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }).ToList();
                return await Task.WhenAll(reads).ConfigureAwait(false);
            }
        }
    }
}
