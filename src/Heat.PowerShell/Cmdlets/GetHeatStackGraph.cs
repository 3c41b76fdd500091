using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Heat.Client;
using Heat.Client.Graphs;
using Heat.Client.Templates;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets the dependency graph of a deployed stack or of a template: as an object, Mermaid or Dot text, or a
    /// picture drawn by Graphviz.</summary>
    /// <remarks>
    /// <para>For a stack (-StackName, -StackId, or piped stacks) the graph comes from each resource's required_by, as
    /// <c>openstack stack resource list -f dot</c> draws it, with -NestedDepth levels of nested stacks (default 0, as
    /// Heat's). For a template (-TemplatePath, -Template or -TemplateUrl, with -EnvironmentPath) it comes from
    /// depends_on, get_resource, get_attr and the CloudFormation DependsOn, Ref and Fn::GetAtt, through child templates
    /// and the environment's resource_registry (every level unless -NestedDepth): the graph before anything is
    /// deployed. A local template needs no session.</para>
    /// <para>An arrow A --&gt; B means B depends on A (A is made first). Nested stacks are clusters; a ResourceGroup in
    /// a template is a cluster holding one member (%index%) that stands for all. Failed resources are red, those in
    /// progress amber. -Format Object writes a HeatGraph (Nodes, Edges, Clusters, FailedNodes, Warnings); Mermaid
    /// writes the text of a mermaid block (GitHub and Azure DevOps draw it); Dot writes Graphviz text.</para>
    /// <para>-OutFile writes the file its extension names instead, replacing one, and writes the FileInfo: .svg, .png
    /// and .pdf are drawn by Graphviz's dot, which must be on PATH (missing: the terminating error
    /// HeatGraphvizNotFound, before Heat is asked); .mmd, .md (Mermaid fenced for Markdown), .dot and .gv are text.
    /// Names are escaped character by character: a template cannot write syntax into the picture.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStackGraph web-prod -NestedDepth 2 -Format Mermaid
    /// </code>
    /// <para>The graph of web-prod and two levels of nested stacks, as Mermaid text to paste into a Markdown
    /// page.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackGraph -TemplatePath ./web.yaml -EnvironmentPath ./env/prod.yaml -OutFile web.svg
    /// </code>
    /// <para>Draws the template's graph before it is deployed, with no cloud needed.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-HeatStackGraph web-prod -NestedDepth 5).FailedNodes
    /// </code>
    /// <para>The failed resources of a stack, as graph nodes with their place in the nesting.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatStackGraph", DefaultParameterSetName = StackSet)]
    [OutputType(typeof(HeatGraph), typeof(string), typeof(FileInfo))]
    public sealed class GetHeatStackGraph : HeatCmdlet, IDynamicParameters
    {
        public const string StackSet = "Stack";

        /// <summary>How long dot may take for one picture; a stack's graph takes well under a second.</summary>
        private static readonly TimeSpan GraphvizTimeout = TimeSpan.FromSeconds(120);

        /// <summary>-OutFile extension → what is written: Mermaid, Markdown (Mermaid in a fence), Dot, or a dot -T format.</summary>
        private static readonly Dictionary<string, string> FileKinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".mmd"] = "mermaid", [".mermaid"] = "mermaid", [".md"] = "markdown", [".dot"] = "dot", [".gv"] = "dot",
            [".svg"] = "svg", [".png"] = "png", [".pdf"] = "pdf",
        };

        // -Parameter and -ParameterFile give values, which do not change what depends on what.
        private readonly ScopedParameterGroup<TemplateSourceParameters> _template =
            new ScopedParameterGroup<TemplateSourceParameters>(nameof(TemplateSourceParameters.Parameter), nameof(TemplateSourceParameters.ParameterFile));

        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.Ordinal);
        private string _fileKind;
        private string _dot;

        /// <summary>-TemplatePath | -Template | -TemplateUrl and -EnvironmentPath, in the template's sets only.</summary>
        public object GetDynamicParameters() => _template.Parameters;

        // The stack parameters of StackTargetCmdlet, declared here because there they belong to every parameter set,
        // and a template has no stack. Resolved the same way (HeatCmdlet.ResolveTargets).

        /// <summary>The stacks, by name or id; wildcards match the stack list, one graph per stack. Binds from the
        /// pipeline (strings, and piped stacks by property name). Not mandatory, as every stack target: -StackId alone
        /// names a stack, and nothing prompts for one.</summary>
        [Parameter(Position = 0, ParameterSetName = StackSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[] StackName { get; set; }

        /// <summary>The stack's id (from a piped object): exact, whatever the name says, and saves a lookup.</summary>
        [Parameter(ParameterSetName = StackSet, ValueFromPipelineByPropertyName = true)]
        public string StackId { get; set; }

        /// <summary>Levels of nested stacks to include (0 to 10). A stack: 0 (Heat's default) unless given. A template:
        /// every level of child templates unless given.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int NestedDepth { get; set; }

        /// <summary>What to write: Object (a HeatGraph, the default), Mermaid (the text of a ```mermaid block in
        /// Markdown) or Dot (Graphviz) text.</summary>
        [Parameter]
        [ValidateSet("Object", "Mermaid", "Dot")]
        public string Format { get; set; } = "Object";

        /// <summary>Write the graph to this file instead, in the format its extension names: .svg, .png, .pdf (drawn by
        /// Graphviz's dot, which must be on PATH), .mmd, .md (Mermaid, fenced for Markdown), .dot, .gv. Replaces a file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; }

        private bool NestedDepthGiven => MyInvocation.BoundParameters.ContainsKey(nameof(NestedDepth));

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Preconditions first: nothing is asked of Heat for a picture that cannot be drawn.
            if (OutFile == null) return;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Format)))
            {
                Refuse(new PSArgumentException("Give -Format or -OutFile, not both: the file's extension says what it holds.", nameof(Format)), OutFile);
            }
            if (!FileKinds.TryGetValue(Path.GetExtension(OutFile), out _fileKind))
            {
                Refuse(new PSArgumentException($"-OutFile must end in one of {string.Join(", ", FileKinds.Keys)}: the extension says what the file holds.", nameof(OutFile)), OutFile);
            }
            if (Graphviz.Formats.Contains(_fileKind))
            {
                _dot = Graphviz.FindDot();
                if (_dot == null) ThrowTerminatingError(ToErrorRecord(new GraphvizNotFoundException(), "HeatGraph", OutFile));
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == StackSet)
            {
                foreach (var stack in ResolveTargets(StackName, StackId))
                {
                    TryItem("HeatStack", stack.ToString(), () => Emit(Deployed(stack), stack.ToString()));
                }
                return;
            }
            var template = _template.Bound();
            var source = template.Source(this);
            TryItem("HeatTemplate", source, () => Emit(TemplateGraphBuilder.Build(Load(template, source), NestedDepthGiven ? NestedDepth : TemplateLimits.MaxNestingDepth), source));
        }

        private HeatGraph Deployed(StackRef stack)
        {
            var options = new ResourceListOptions();
            if (NestedDepthGiven) options.NestedDepth = NestedDepth;
            var resources = Await(Client.Resources.ListAsync(stack, options, CancellationToken));
            return ResourceGraphBuilder.Build(stack.StackName, stack.StackId, resources);
        }

        /// <summary>
        /// Through the session when there is one (http(s) children are fetched with it), else from disk alone, as
        /// Test-HeatTemplate -Offline does: a graph of local templates needs no cloud.
        /// </summary>
        private TemplateBundle Load(TemplateSourceParameters template, string source)
        {
            if (Session != null || SessionStore.Default != null) return LoadTemplate(template);
            var bundle = TemplateLoader.CheckLocal(template.ToRequest(this));
            if (bundle.Template == null)
            {
                throw new PSArgumentException($"Reading the template {source} needs a session to fetch it: run Connect-HeatService or pass -Session.", "TemplateUrl");
            }
            return bundle;
        }

        private void Emit(HeatGraph graph, string target)
        {
            foreach (var warning in graph.Warnings) WriteWarning($"{graph.Name}: {warning}");
            if (OutFile == null)
            {
                WriteObject(Format == "Mermaid" ? graph.ToMermaid() : Format == "Dot" ? graph.ToDot() : (object)graph);
                return;
            }
            var file = GetUnresolvedProviderPathFromPSPath(OutFile);
            if (!_written.Add(file))
            {
                WriteError(ErrorCatalog.Usage("HeatGraphOutFileReused",
                    $"{file} already holds the graph of another stack from this command: name one stack per -OutFile.", target, "OutFile"));
                return;
            }
            var utf8 = new UTF8Encoding(false);
            switch (_fileKind)
            {
                case "mermaid":
                    File.WriteAllText(file, graph.ToMermaid(), utf8);
                    break;
                case "markdown":
                    File.WriteAllText(file, "```mermaid\n" + graph.ToMermaid() + "```\n", utf8);
                    break;
                case "dot":
                    File.WriteAllText(file, graph.ToDot(), utf8);
                    break;
                default:
                    // Rendered in full before the file is opened: a failed drawing leaves no half-written picture.
                    File.WriteAllBytes(file, Await(Graphviz.RenderAsync(_dot, graph.ToDot(), _fileKind, GraphvizTimeout, CancellationToken)));
                    break;
            }
            // As Get-Item gives it: a bare FileInfo lacks the provider's properties, and shows no size or mode.
            WriteObject(SessionState.InvokeProvider.Item.Get(new[] { file }, false, true), true);
        }

        /// <summary>Bad arguments end the command: nothing it could do for the next stack would be any better.</summary>
        private void Refuse(PSArgumentException exception, object target) => ThrowTerminatingError(ToErrorRecord(exception, "HeatGraph", target));
    }
}
