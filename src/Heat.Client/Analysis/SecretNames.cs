using System.Text.RegularExpressions;

namespace Heat.Client.Analysis
{
    /// <summary>
    /// Whether a parameter's name says it holds a secret: password, passwd, secret, token or key, except the names that
    /// hold what is not secret (a key pair's name, a public or SSH key to install, a key's size or a secret's type). One
    /// rule for the analyzer and for plans, which leave such values out of their files.
    /// </summary>
    public static class SecretNames
    {
        private static readonly Regex Secret = new Regex("password|passwd|secret|token|key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex NotSecret = new Regex(@"key_?(pair_?)?names?$|key_?pairs?$|(public|ssh)_?(ssh_?)?keys?$|keystone|(key|secret|token)_?(size|type|length|bits)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static bool IsSecret(string name) => name != null && Secret.IsMatch(NotSecret.Replace(name, string.Empty));
    }
}
