using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// A host that keeps what a console would show: ShouldProcess writes its "What if:" lines to the host, which a
    /// runspace without one throws away. It answers no prompt unless the test queued an answer: an unexpected
    /// confirmation must fail the test, not hang it or be answered for it.
    /// </summary>
    internal sealed class TestHost : PSHost
    {
        private readonly TestHostUserInterface _ui = new TestHostUserInterface();

        public override string Name => "Heat.PowerShell.Tests";

        public override Version Version { get; } = new Version(1, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        /// <summary>Lines written to the host, in order (Write calls are joined until a line ends).</summary>
        public List<string> Lines => _ui.Lines;

        /// <summary>Every prompt the commands asked, answered or not: "caption: message".</summary>
        public List<string> Prompts => _ui.Prompts;

        /// <summary>How long each progress record takes to draw: a console in a terminal that never answers the
        /// cursor-position query takes seconds.</summary>
        public TimeSpan ProgressDelay { get => _ui.ProgressDelay; set => _ui.ProgressDelay = value; }

        /// <summary>The progress records the host drew, in order.</summary>
        public List<ProgressRecord> Drawn => _ui.Drawn;

        /// <summary>Answers the next choice prompt with the choice whose label (without "&amp;") is <paramref name="label"/>.</summary>
        public void AnswerNextChoice(string label) => _ui.Answers.Enqueue(label);

        public override void SetShouldExit(int exitCode) { }

        public override void EnterNestedPrompt() => throw Refused("a nested prompt");

        public override void ExitNestedPrompt() => throw Refused("a nested prompt");

        public override void NotifyBeginApplication() { }

        public override void NotifyEndApplication() { }

        internal static Exception Refused(string what) =>
            new HostException($"The test host answers no prompts, and a command asked for {what}. Queue an answer if the test expects it.");

        private sealed class TestHostUserInterface : PSHostUserInterface
        {
            private readonly System.Text.StringBuilder _partial = new System.Text.StringBuilder();

            public List<string> Lines { get; } = new List<string>();

            public List<string> Prompts { get; } = new List<string>();

            public Queue<string> Answers { get; } = new Queue<string>();

            public override PSHostRawUserInterface RawUI { get; } = new TestRawUserInterface();

            public override void Write(string value) => _partial.Append(value);

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

            public override void WriteLine(string value)
            {
                _partial.Append(value);
                Lines.Add(_partial.ToString());
                _partial.Clear();
            }

            public override void WriteErrorLine(string value) => WriteLine(value);

            public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);

            public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);

            public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);

            public TimeSpan ProgressDelay { get; set; }

            public List<ProgressRecord> Drawn { get; } = new List<ProgressRecord>();

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
                Drawn.Add(record);
                if (ProgressDelay > TimeSpan.Zero) System.Threading.Thread.Sleep(ProgressDelay);
            }

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                Prompts.Add($"{caption}: {message}");
                if (Answers.Count == 0) throw Refused($"a choice ({caption}: {message})");
                var label = Answers.Dequeue();
                for (int i = 0; i < choices.Count; i++)
                {
                    if (string.Equals(choices[i].Label.Replace("&", string.Empty), label, StringComparison.OrdinalIgnoreCase)) return i;
                }
                throw new InvalidOperationException($"The queued answer '{label}' is not a choice of '{caption}: {message}'.");
            }

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
            {
                Prompts.Add($"{caption}: {message}");
                throw Refused($"input ({caption}: {message})");
            }

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw Refused($"a credential ({caption}: {message})");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
                PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw Refused($"a credential ({caption}: {message})");

            public override string ReadLine() => throw Refused("a line of input");

            public override SecureString ReadLineAsSecureString() => throw Refused("a secret");
        }

        /// <summary>A fixed 120-column console: enough for anything that asks the host's size.</summary>
        private sealed class TestRawUserInterface : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

            public override Size BufferSize { get; set; } = new Size(120, 3000);

            public override Coordinates CursorPosition { get; set; }

            public override int CursorSize { get; set; }

            public override bool KeyAvailable => false;

            public override Size MaxPhysicalWindowSize => new Size(120, 50);

            public override Size MaxWindowSize => new Size(120, 50);

            public override Coordinates WindowPosition { get; set; }

            public override Size WindowSize { get; set; } = new Size(120, 50);

            public override string WindowTitle { get; set; } = string.Empty;

            public override void FlushInputBuffer() { }

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw Refused("a key");

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
        }
    }
}
