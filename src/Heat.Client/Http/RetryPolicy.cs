using System;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Polly;
using Polly.Retry;

namespace Heat.Client.Http
{
    /// <summary>
    /// What the sender tries again, how often and after how long (Polly): a transient failure (a refused or reset
    /// connection, a timeout, 429, 502, 503, 504) up to <see cref="SenderSettings.MaxRetries"/> times, with exponential
    /// backoff and jitter, or after the server's Retry-After when it gives one (one longer than
    /// <see cref="SenderSettings.MaxRetryAfter"/> is reported instead). A create, update or delete is sent again only
    /// when it provably never arrived. Every retry is a trace line.
    /// </summary>
    internal static class RetryPolicy
    {
        /// <summary>The call an attempt belongs to, in Polly's context.</summary>
        public static readonly ResiliencePropertyKey<HttpCall> CallKey = new ResiliencePropertyKey<HttpCall>("heat.call");

        /// <param name="isClosed">Whether the session has ended: nothing is retried then.</param>
        public static ResiliencePipeline Build(SenderSettings settings, Func<bool> isClosed)
        {
            if (settings.MaxRetries <= 0) return ResiliencePipeline.Empty;
            return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(
                    !isClosed() && args.Context.Properties.TryGetValue(CallKey, out var call) && ShouldRetry(args.Outcome.Exception, call, settings)),
                // The server's Retry-After wins over the backoff (ShouldRetry has refused one that is too long).
                DelayGenerator = args => new ValueTask<TimeSpan?>((args.Outcome.Exception as HeatException)?.RetryAfter),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(CallKey, out var call))
                    {
                        call.Trace?.Invoke($"Retrying {call.Method} {Secrets.RedactUrl(call.Uri)} in {args.RetryDelay.TotalSeconds:0.0} s " +
                                           $"(retry {args.AttemptNumber + 1} of {settings.MaxRetries}): {Secrets.RedactText(args.Outcome.Exception?.Message)}");
                    }
                    return default;
                },
            }).Build();
        }

        /// <summary>The server's Retry-After as a wait from now (never negative); null when it gave none.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        private static bool ShouldRetry(Exception? exception, HttpCall call, SenderSettings settings)
        {
            if (!(exception is HeatException error) || !error.IsTransient) return false;
            if (error.RetryAfter.HasValue && error.RetryAfter.Value > settings.MaxRetryAfter) return false;
            // A create, update or delete is sent again only when it provably never arrived.
            return call.IsIdempotent || !error.MayHaveBeenProcessed;
        }
    }
}
