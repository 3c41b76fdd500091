namespace Heat.Client.Graphs
{
    /// <summary>Graphviz's dot is not on PATH, so no SVG, PNG or PDF can be drawn.</summary>
    public sealed class GraphvizNotFoundException : GraphvizException
    {
        public GraphvizNotFoundException()
            : base($"Graphviz's '{Graphviz.ToolName}' command was not found on PATH: it draws SVG, PNG and PDF files. Install Graphviz " +
                   "(apt-get install graphviz, dnf install graphviz, brew install graphviz, winget install Graphviz.Graphviz) and put its " +
                   "bin folder on PATH, or write the graph as Dot or Mermaid text, which needs no Graphviz.")
        {
        }
    }
}
