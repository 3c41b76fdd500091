using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// What completers ask Heat for (stack names, a stack's resources or outputs), kept per session for a short time.
    /// A Tab must never be slow and never throw: a list is fetched in the background and waited for at most
    /// <see cref="Budget"/>; one that is not there by then is left to finish (the next Tab gets it), and the Tab offers
    /// what an older list had, or nothing. Pressing Tab again within <see cref="TimeToLive"/> asks Heat nothing.
    /// </summary>
    internal static class CompletionLists
    {
        /// <summary>How long a list stands for what Heat has.</summary>
        internal static TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

        /// <summary>How long one Tab waits for Heat at most.</summary>
        internal static TimeSpan Budget = TimeSpan.FromSeconds(2);

        /// <summary>How long a fetch left running in the background may go on (then it is cancelled).</summary>
        private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

        /// <summary>Stacks, resources or outputs beyond this are not offered (a Tab is no way to browse ten thousand).</summary>
        internal const int MaxItems = 2000;

        private sealed class Entry
        {
            public Task<IReadOnlyList<CompletionItem>> Fetch;
            public DateTime StartedUtc;
            public IReadOnlyList<CompletionItem> LastGood;
        }

        // Weak: a session that is let go takes its lists with it; sessions never share lists.
        private static readonly ConditionalWeakTable<HeatSession, ConcurrentDictionary<string, Entry>> Lists =
            new ConditionalWeakTable<HeatSession, ConcurrentDictionary<string, Entry>>();

        /// <summary>The items under <paramref name="key"/>, fresh or as last seen, within the budget; never throws.</summary>
        public static IReadOnlyList<CompletionItem> Get(HeatSession session, string key,
            Func<HeatClient, CancellationToken, IEnumerable<CompletionItem>> fetch)
        {
            try
            {
                if (session == null || session.IsDisposed) return Array.Empty<CompletionItem>();
                var entries = Lists.GetValue(session, _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
                var now = DateTime.UtcNow;
                Entry entry;
                lock (entries)
                {
                    entries.TryGetValue(key, out entry);
                    if (entry != null && entry.Fetch.IsCompleted)
                    {
                        if (entry.Fetch.Status == TaskStatus.RanToCompletion) entry.LastGood = entry.Fetch.Result;
                        if (now - entry.StartedUtc >= TimeToLive || entry.Fetch.Status != TaskStatus.RanToCompletion) entry = Refetch(entries, key, entry, session, fetch, now);
                    }
                    else if (entry == null)
                    {
                        entry = Refetch(entries, key, null, session, fetch, now);
                    }
                }
                var fetched = entry.Fetch;
                // Wait on the handle, not Task.Wait: a failed fetch must not throw here.
                ((IAsyncResult)fetched).AsyncWaitHandle.WaitOne(Budget);
                if (fetched.Status == TaskStatus.RanToCompletion) return fetched.Result;
                return entry.LastGood ?? (IReadOnlyList<CompletionItem>)Array.Empty<CompletionItem>();
            }
            catch (Exception)
            {
                // A completer that throws breaks the user's typing; no suggestions is the right failure.
                return Array.Empty<CompletionItem>();
            }
        }

        private static Entry Refetch(ConcurrentDictionary<string, Entry> entries, string key, Entry old, HeatSession session,
            Func<HeatClient, CancellationToken, IEnumerable<CompletionItem>> fetch, DateTime now)
        {
            var entry = new Entry
            {
                StartedUtc = now,
                LastGood = old?.LastGood,
                Fetch = Task.Run(() =>
                {
                    using (var timeout = new CancellationTokenSource(FetchTimeout))
                    {
                        return (IReadOnlyList<CompletionItem>)fetch(new HeatClient(session), timeout.Token).Take(MaxItems).ToList();
                    }
                }),
            };
            // Observe a failure so that it is never reported as an unobserved task exception.
            entry.Fetch.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            entries[key] = entry;
            return entry;
        }

        /// <summary>The session a command line names (-Session $s), else the runspace's default.</summary>
        public static HeatSession SessionOf(IDictionary fakeBoundParameters)
        {
            var given = Unwrap(fakeBoundParameters?["Session"]);
            if (given is IEnumerable many && !(given is string)) given = many.Cast<object>().Select(Unwrap).FirstOrDefault();
            if (given is HeatSession session) return session;
            var cloud = FirstValue(fakeBoundParameters, "Cloud");
            return (cloud != null && !WildcardPattern.ContainsWildcardCharacters(cloud) ? SessionStore.Find(cloud) : null) ?? SessionStore.Default;
        }

        /// <summary>The first value of a parameter already on the command line, as text (a name, not a pattern).</summary>
        public static string FirstValue(IDictionary fakeBoundParameters, string name)
        {
            var value = Unwrap(fakeBoundParameters?[name]);
            if (value is string text) return text;
            if (value is IEnumerable many) return many.Cast<object>().Select(v => Unwrap(v)?.ToString()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            return value?.ToString();
        }

        private static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>
        /// Suggestions for <paramref name="wordToComplete"/>: the items its text starts (or, with wildcards, matches). Every
        /// completer answers through here, so that a name is quoted one way whatever it holds.
        /// </summary>
        public static List<CompletionResult> Results(IEnumerable<CompletionItem> items, string wordToComplete)
        {
            var word = wordToComplete ?? string.Empty;
            bool quoted = word.Length > 0 && Quotes.IndexOf(word[0]) >= 0;
            var pattern = Wildcards.Pattern(word.Trim(Quotes.ToCharArray()) + "*");
            return items.Where(i => !string.IsNullOrEmpty(i.Name) && pattern.IsMatch(i.Name))
                .Select(i => new CompletionResult(Quote(i.Name, quoted), TerminalText.Line(i.Name), CompletionResultType.ParameterValue,
                    TerminalText.Line(string.IsNullOrEmpty(i.Tip) ? i.Name : i.Tip)))
                .ToList();
        }

        /// <summary>What PowerShell takes for an opening quote: ASCII and typographic, single and double.</summary>
        private const string Quotes = "'\u2018\u2019\u201A\u201B\"\u201C\u201D\u201E";

        /// <summary>
        /// A name as PowerShell must read it back, whatever it holds: bare when it is a word of Heat's own name rule
        /// (an ASCII letter, then letters, digits, '-', '_', '.'), else single-quoted with PowerShell's own escaping,
        /// which also doubles the typographic quotes (U+2018 to U+201B) that end a single-quoted string as ' does;
        /// quoted too when the user opened a quote. A name is data: no quote, '$(...)', ';' or newline in it runs code.
        /// </summary>
        internal static string Quote(string name, bool quoted = false)
        {
            if (!quoted && IsBareWord(name)) return name;
            return "'" + CodeGeneration.EscapeSingleQuotedStringContent(name) + "'";
        }

        // Not char.IsLetterOrDigit: a leading digit reads as a number (1e3 is 1000) and a leading dash as a parameter.
        private static bool IsBareWord(string name) =>
            name.Length > 0 && IsAsciiLetter(name[0]) &&
            name.All(c => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.');

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
