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
    /// <summary>One suggestion: the name and the tooltip shown beside it.</summary>
    internal sealed class CompletionItem
    {
        public CompletionItem(string name, string tip)
        {
            Name = name;
            Tip = tip;
        }

        public string Name { get; }

        public string Tip { get; }
    }
}
