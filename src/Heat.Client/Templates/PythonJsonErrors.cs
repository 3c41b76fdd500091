using System.Globalization;

namespace Heat.Client.Templates
{
    /// <summary>
    /// What Python's json.loads (3.11, Heat's) says of text that is not JSON, with its position: "Expecting ',' delimiter:
    /// line 1 column 5 (char 4)". Heat quotes it for a json parameter; a scan of the text, not a parser (the value that
    /// passes is parsed elsewhere).
    /// </summary>
    internal sealed class PythonJsonErrors
    {
        private readonly string _text;
        private int _at;

        private PythonJsonErrors(string text)
        {
            _text = text;
        }

        /// <summary>Python's message for <paramref name="text"/>, or null when json.loads takes it.</summary>
        public static string? Of(string text)
        {
            var scan = new PythonJsonErrors(text);
            return scan.Document();
        }

        private sealed class Refusal : System.Exception
        {
            public Refusal(string what, int at)
            {
                What = what;
                At = at;
            }

            public string What { get; }

            public int At { get; }
        }

        private string? Document()
        {
            try
            {
                SkipBlanks();
                Value();
                SkipBlanks();
                if (_at < _text.Length) throw new Refusal("Extra data", _at);
                return null;
            }
            catch (Refusal refusal)
            {
                return $"{refusal.What}: {Where(refusal.At)}";
            }
        }

        /// <summary>"line L column C (char N)" as Python counts them (code points; the column from the last newline).</summary>
        private string Where(int at)
        {
            int line = 1, lineStart = 0, chars = 0;
            for (int i = 0; i < at; i++)
            {
                if (char.IsLowSurrogate(_text[i])) continue;
                chars++;
                if (_text[i] == '\n')
                {
                    line++;
                    lineStart = chars;
                }
            }
            return string.Format(CultureInfo.InvariantCulture, "line {0} column {1} (char {2})", line, chars - lineStart + 1, chars);
        }

        private char Peek => _at < _text.Length ? _text[_at] : '\0';

        private bool AtEnd => _at >= _text.Length;

        private void SkipBlanks()
        {
            while (!AtEnd && (Peek == ' ' || Peek == '\t' || Peek == '\n' || Peek == '\r')) _at++;
        }

        private bool Word(string word)
        {
            if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0) return false;
            _at += word.Length;
            return true;
        }

        private void Value()
        {
            if (AtEnd) throw new Refusal("Expecting value", _at);
            switch (Peek)
            {
                case '"':
                    String();
                    return;
                case '{':
                    Object();
                    return;
                case '[':
                    Array();
                    return;
            }
            if (Word("null") || Word("true") || Word("false") || Word("NaN") || Word("Infinity") || Word("-Infinity")) return;
            if (!Number()) throw new Refusal("Expecting value", _at);
        }

        // -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?, as json.scanner's NUMBER_RE: a part that does not fit is left unread.
        private bool Number()
        {
            int start = _at, i = _at;
            if (i < _text.Length && _text[i] == '-') i++;
            if (i >= _text.Length || _text[i] < '0' || _text[i] > '9') return false;
            if (_text[i] == '0') i++;
            else while (i < _text.Length && _text[i] >= '0' && _text[i] <= '9') i++;
            if (i + 1 < _text.Length && _text[i] == '.' && _text[i + 1] >= '0' && _text[i + 1] <= '9')
            {
                i += 2;
                while (i < _text.Length && _text[i] >= '0' && _text[i] <= '9') i++;
            }
            if (i < _text.Length && (_text[i] == 'e' || _text[i] == 'E'))
            {
                int e = i + 1;
                if (e < _text.Length && (_text[e] == '+' || _text[e] == '-')) e++;
                if (e < _text.Length && _text[e] >= '0' && _text[e] <= '9')
                {
                    while (e < _text.Length && _text[e] >= '0' && _text[e] <= '9') e++;
                    i = e;
                }
            }
            _at = i;
            return i > start;
        }

        private void String()
        {
            int start = _at;
            _at++;
            while (true)
            {
                if (AtEnd) throw new Refusal("Unterminated string starting at", start);
                var c = _text[_at];
                if (c == '"')
                {
                    _at++;
                    return;
                }
                if (c < ' ') throw new Refusal("Invalid control character at", _at);
                if (c == '\\')
                {
                    if (_at + 1 >= _text.Length) throw new Refusal("Unterminated string starting at", start);
                    var escape = _text[_at + 1];
                    if (escape == 'u')
                    {
                        for (int k = 2; k < 6; k++)
                        {
                            if (_at + k >= _text.Length || !System.Uri.IsHexDigit(_text[_at + k])) throw new Refusal("Invalid \\uXXXX escape", _at);
                        }
                        _at += 6;
                        continue;
                    }
                    if ("\"\\/bfnrt".IndexOf(escape) < 0) throw new Refusal("Invalid \\escape", _at);
                    _at += 2;
                    continue;
                }
                _at++;
            }
        }

        private void Object()
        {
            _at++;
            SkipBlanks();
            if (Peek == '}' && !AtEnd)
            {
                _at++;
                return;
            }
            while (true)
            {
                if (Peek != '"' || AtEnd) throw new Refusal("Expecting property name enclosed in double quotes", _at);
                String();
                SkipBlanks();
                if (Peek != ':' || AtEnd) throw new Refusal("Expecting ':' delimiter", _at);
                _at++;
                SkipBlanks();
                Value();
                SkipBlanks();
                if (Peek == '}' && !AtEnd)
                {
                    _at++;
                    return;
                }
                if (Peek != ',' || AtEnd) throw new Refusal("Expecting ',' delimiter", _at);
                _at++;
                SkipBlanks();
            }
        }

        private void Array()
        {
            _at++;
            SkipBlanks();
            if (Peek == ']' && !AtEnd)
            {
                _at++;
                return;
            }
            while (true)
            {
                Value();
                SkipBlanks();
                if (Peek == ']' && !AtEnd)
                {
                    _at++;
                    return;
                }
                if (Peek != ',' || AtEnd) throw new Refusal("Expecting ',' delimiter", _at);
                _at++;
                SkipBlanks();
            }
        }
    }
}
