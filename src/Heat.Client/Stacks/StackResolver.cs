using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.Stacks
{
    /// <summary>
    /// Which stack a name stands for: Heat's lookup (one request, the redirect read, not followed), the names this session
    /// has seen (<see cref="StackNameCache"/>), and reads below a stack made at a remembered id and checked alongside.
    /// Every client of a route below a stack goes through it; it knows nothing of them.
    /// </summary>
    internal sealed class StackResolver
    {
        private readonly HeatApi _api;

        public StackResolver(HeatApi api)
        {
            _api = api;
        }

        /// <summary>This session's name → id entries.</summary>
        private StackNameCache Names => _api.Session.StackNames;

        /// <summary>The name/id this session last saw behind <paramref name="name"/>: a hint to check, never an answer.</summary>
        public bool TryRecall(string? name, [NotNullWhen(true)] out StackRef? known) => Names.TryGet(name, out known);

        /// <summary>What the name stands for now (a create, or a read that showed this name with this id).</summary>
        public void Remember(StackRef stack) => Names.Remember(stack);

        /// <summary>A stack this module deleted or abandoned, or that no longer stands behind its name.</summary>
        public void Forget(StackRef stack) => Names.Forget(stack);

        /// <summary>
        /// A stack's name and id from either, with Heat's lookup (one request, the redirect read, not followed).
        /// Routes below a resource need both: Heat does not redirect those. Always asks Heat (and remembers the answer
        /// for reads by name): its callers act on the id or read routes that Heat answers for a deleted stack too
        /// (events, resources, template), so a remembered id could not be checked by what comes back.
        /// </summary>
        public async Task<StackRef> ResolveAsync(StackRef stack, CancellationToken cancellationToken)
        {
            if (stack.StackName != null && stack.StackId != null) return stack;
            var response = await _api.SendAsync(HttpMethod.Get, HeatRoutes.Stack(stack), null, cancellationToken, followRedirects: false).ConfigureAwait(false);
            if (response.Location != null)
            {
                if (HeatLink.TryParseStack(response.Location.ToString(), out var name, out var id) && !Strings.IsNullOrEmpty(name) && !Strings.IsNullOrEmpty(id))
                {
                    return Resolved(stack, new StackRef(name, id));
                }
                throw new HeatInvalidResponseException(response.StatusCode, "GET", response.FinalUri, response.ContentType,
                    $"its redirect to {response.Location} does not name a stack");
            }
            var shown = HeatApi.Read<HeatStack>(response, response.Object("stack"));
            if (Strings.IsNullOrEmpty(shown.StackName) || Strings.IsNullOrEmpty(shown.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "GET", response.FinalUri, response.ContentType, "the stack it shows has no name or id");
            }
            return Resolved(stack, new StackRef(shown.StackName, shown.Id));
        }

        /// <summary>
        /// A read below a stack (its resources, events, template...) that Heat answers for a deleted stack's id too, so
        /// a remembered id cannot be checked by what comes back. Given a name this session has seen, the read goes to the
        /// remembered name/id while Heat's lookup of the name runs at the same time: the answer is kept only when the
        /// lookup names the same id (then it took about one request's time, not two); otherwise it is dropped and the
        /// read is made again at the id Heat named. Without a remembered id: the lookup, then the read. With both name and
        /// id given: the read alone. Only for reads: nothing is sent to a guessed id that changes anything.
        /// </summary>
        /// <returns>The stack the read was made at (name and id) and its answer.</returns>
        public async Task<(StackRef Stack, T Value)> ReadPinnedAsync<T>(StackRef stack, Func<StackRef, CancellationToken, Task<T>> read,
            CancellationToken cancellationToken)
        {
            if (stack.StackName != null && stack.StackId != null) return (stack, await read(stack, cancellationToken).ConfigureAwait(false));
            if (stack.StackId != null || !TryRecall(stack.StackName, out var known))
            {
                var resolved = await ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
                return (resolved, await read(resolved, cancellationToken).ConfigureAwait(false));
            }
            using (var guessing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var guess = Task.Run(() => read(known, guessing.Token), guessing.Token);
                StackRef current;
                try
                {
                    current = await ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    guessing.Cancel();
                    await Dropped(guess).ConfigureAwait(false);
                    throw;
                }
                if (current.StackId == known.StackId && current.StackName == known.StackName)
                {
                    return (known, await guess.ConfigureAwait(false));
                }
                guessing.Cancel();
                await Dropped(guess).ConfigureAwait(false);
                _api.Trace?.Invoke($"Stack '{known.StackName}' is no longer {known.StackId} (now {current.StackId}); read again there.");
                return (current, await read(current, cancellationToken).ConfigureAwait(false));
            }
        }

        /// <summary>Waits for a read whose answer is not wanted, so that it ends (and its error is seen) before the caller goes on.</summary>
        private static async Task Dropped(Task read)
        {
            try
            {
                await read.ConfigureAwait(false);
            }
            catch
            {
                // Its answer (or its failure) was for a stale id.
            }
        }

        /// <summary>Remembers what a lookup by name found, for the next read by that name.</summary>
        private StackRef Resolved(StackRef asked, StackRef found)
        {
            if (asked.StackId == null && asked.StackName == found.StackName) Remember(found);
            return found;
        }
    }
}
