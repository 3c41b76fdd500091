using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// The one way a cmdlet matches names it was given against a list: wildcards match (case-insensitive, as a reading
    /// cmdlet matches), and a name without wildcards that no listed item had is reported afterwards as the cmdlet's
    /// not-found error (<see cref="WriteUnmatched"/>), while a pattern that matches nothing is nothing. No names:
    /// everything matches.
    /// </summary>
    internal sealed class NameFilter
    {
        private readonly WildcardPattern[] _patterns;
        private readonly List<string> _unmatched;

        public NameFilter(IEnumerable<string> names)
        {
            var given = (names ?? Enumerable.Empty<string>()).ToArray();
            _patterns = given.Select(Wildcards.Pattern).ToArray();
            _unmatched = given.Where(n => !Wildcards.IsPattern(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>Whether a listed item's name is wanted; call it for every listed item so that <see cref="Unmatched"/> is right.</summary>
        public bool IsMatch(string name)
        {
            name = name ?? string.Empty;
            _unmatched.RemoveAll(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            return _patterns.Length == 0 || _patterns.Any(p => p.IsMatch(name));
        }

        /// <summary>The names without wildcards that no item seen so far had, in the order given.</summary>
        public IReadOnlyList<string> Unmatched => _unmatched;

        /// <summary>A non-terminating {noun}NotFound error for each name without wildcards that nothing had.</summary>
        public void WriteUnmatched(Cmdlet cmdlet, string noun, Func<string, string> message)
        {
            foreach (var name in _unmatched)
            {
                cmdlet.WriteError(ErrorCatalog.ToErrorRecord(new ItemNotFoundException(message(name)), noun, name));
            }
        }
    }
}
