using System;

namespace Heat.Client.Graphs
{
    /// <summary>Graphviz's dot ran but gave no picture: it reported an error, wrote too much, or ran out of time.</summary>
    public class GraphvizException : Exception
    {
        public GraphvizException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
