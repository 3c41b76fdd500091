using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>One run of <see cref="TemplateLoader"/>: the walk over a template tree and its environments.</summary>
    internal sealed partial class LoadSession
    {
        private const string TextTemplateName = "(template text)";

        private const string RemoteRule =
            "a file read over http(s) may name only http(s) URLs (relative to its own URL, or absolute), not local files";

        private readonly Func<Uri, CancellationToken, Task<string>>? _fetchUrl;
        private readonly bool _offline;
        private readonly CancellationToken _cancellationToken;
        private readonly TemplateBundle _bundle = new TemplateBundle();
        private readonly List<string> _inProgress = new List<string>();

        public LoadSession(Func<Uri, CancellationToken, Task<string>>? fetchUrl, bool offline, CancellationToken cancellationToken)
        {
            _fetchUrl = fetchUrl;
            _offline = offline;
            _cancellationToken = cancellationToken;
        }

        private enum ReferenceKind
        {
            GetFile,
            TemplateType,
            Registry,
        }

        /// <summary>A file whose references are being resolved.</summary>
        private sealed class Parent
        {
            private Parent(string name, bool remote, int depth, Parent? up)
            {
                Name = name;
                Remote = remote;
                Depth = depth;
                Up = up;
            }

            public readonly string Name;

            // Read over http(s): someone else's file, which may name only http(s) URLs, never one of our local files.
            public readonly bool Remote;

            public readonly int Depth; // 0 for the top template and the environments, one more for each child below them
            public readonly Parent? Up; // the file that names this one, for messages; null at depth 0

            public static Parent Of(string url, Parent? up) =>
                new Parent(HeatUrl.Display(url), HeatUrl.IsHttp(url), up == null ? 0 : up.Depth + 1, up);

            /// <summary>Template text given as it is: it has a name for messages, no URL.</summary>
            public static Parent Text(string name) => new Parent(name, remote: false, depth: 0, up: null);

            /// <summary>The names from the top file down to this one.</summary>
            public List<string> Chain()
            {
                var chain = new List<string>();
                for (Parent? file = this; file != null; file = file.Up)
                {
                    chain.Insert(0, file.Name);
                }
                return chain;
            }
        }

        /// <summary>Who names a file, for error messages: the file, the token (for its position) and how it names it.</summary>
        private sealed class Referrer
        {
            public Referrer(string fileName, JToken token, string how)
            {
                FileName = fileName;
                Token = token;
                How = how;
            }

            public readonly string FileName;
            public readonly JToken Token;
            public readonly string How;
        }

        public async Task<TemplateBundle> RunAsync(TemplateRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }
            var templatePath = Strings.IsNullOrEmpty(request.TemplatePath) ? null : request.TemplatePath;
            var templateUrl = Strings.IsNullOrEmpty(request.TemplateUrl) ? null : request.TemplateUrl;
            var given = (templatePath == null ? 0 : 1) + (request.TemplateText == null ? 0 : 1) + (templateUrl == null ? 0 : 1);
            if (given != 1)
            {
                throw new ArgumentException("Give exactly one of TemplatePath, TemplateText or TemplateUrl.", nameof(request));
            }

            var pathOrUrl = templatePath ?? templateUrl;
            if (request.TemplateText != null)
            {
                var size = Encoding.UTF8.GetByteCount(request.TemplateText);
                TemplateFormat.CheckSize(size, TextTemplateName, "the template");
                var template = TemplateFormat.ParseTemplate(request.TemplateText, TextTemplateName);
                var baseDirectory = Strings.IsNullOrEmpty(request.BaseDirectory) ? Directory.GetCurrentDirectory() : request.BaseDirectory;
                await ResolveTemplateAsync(template, HeatUrl.DirectoryUrl(baseDirectory), Parent.Text(TextTemplateName)).ConfigureAwait(false);
                _bundle.Template = template;
            }
            else if (pathOrUrl != null)
            {
                var url = HeatUrl.NormalisePathToUrl(pathOrUrl, request.BaseDirectory);
                _bundle.SourceUrl = url;
                if (_offline && HeatUrl.IsHttp(url))
                {
                    _bundle.TemplateUrl = url;
                    AddUnchecked(url);
                }
                else
                {
                    var content = await ReadAsync(url, null, "the template").ConfigureAwait(false);
                    _bundle.Template = await LoadTemplateAsync(url, content, null).ConfigureAwait(false);
                }
            }

            if (request.EnvironmentPaths != null && request.EnvironmentPaths.Count > 0)
            {
                JObject? merged = null;
                foreach (var path in request.EnvironmentPaths)
                {
                    var environment = await LoadEnvironmentAsync(path, request.BaseDirectory).ConfigureAwait(false);
                    if (environment != null)
                    {
                        merged = DeepUpdate(merged ?? new JObject(), environment);
                    }
                }
                _bundle.Environment = merged ?? new JObject();
            }
            return _bundle;
        }

        private async Task<JObject> LoadTemplateAsync(string url, Content content, Parent? up)
        {
            var name = HeatUrl.Display(url);
            var text = content.Text ?? TemplateFormat.DecodeText(content.Bytes, name);
            var template = TemplateFormat.ParseTemplate(text, name);
            _inProgress.Add(url);
            await ResolveTemplateAsync(template, HeatUrl.BaseUrlFor(url), Parent.Of(url, up)).ConfigureAwait(false);
            _inProgress.RemoveAt(_inProgress.Count - 1);
            return template;
        }

        private async Task ResolveTemplateAsync(JObject template, string baseUrl, Parent parent)
        {
            await WalkAsync(template, baseUrl, parent).ConfigureAwait(false);

            // heatclient looks only at lowercase "type"; a CFN template names its template resources with "Type".
            if (TemplateFormat.IsCloudFormation(template) && template["Resources"] is JObject resources)
            {
                foreach (var resource in resources.Properties())
                {
                    if (resource.Value is JObject body && body.Property("Type") is JProperty type && IsTemplateType(type.Value))
                    {
                        await ResolveReferenceAsync(type, ReferenceKind.TemplateType, baseUrl, parent).ConfigureAwait(false);
                    }
                }
            }
        }

        private async Task WalkAsync(JObject template, string baseUrl, Parent parent)
        {
            foreach (var reference in FindReferences(template))
            {
                await ResolveReferenceAsync(reference.Key, reference.Value, baseUrl, parent).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The get_file and type references in heatclient's get_file_contents order: a node's children first, then a
        /// mapping's own keys. Found with a stack of our own rather than recursion: the depth of a template then costs
        /// heap, and only resolving them (which replaces string values, never a node that holds references) is async.
        /// </summary>
        private static List<KeyValuePair<JProperty, ReferenceKind>> FindReferences(JObject template)
        {
            var found = new List<KeyValuePair<JProperty, ReferenceKind>>();
            var open = new Stack<KeyValuePair<JContainer, IEnumerator<JToken>>>();
            open.Push(new KeyValuePair<JContainer, IEnumerator<JToken>>(template, ChildrenOf(template)));
            while (open.Count > 0)
            {
                var current = open.Peek();
                if (current.Value.MoveNext())
                {
                    if (current.Value.Current is JContainer child)
                    {
                        open.Push(new KeyValuePair<JContainer, IEnumerator<JToken>>(child, ChildrenOf(child)));
                    }
                    continue;
                }
                open.Pop();
                if (!(current.Key is JObject mapping))
                {
                    continue;
                }
                foreach (var property in mapping.Properties())
                {
                    if (property.Name == "get_file" && property.Value.Type == JTokenType.String)
                    {
                        found.Add(new KeyValuePair<JProperty, ReferenceKind>(property, ReferenceKind.GetFile));
                    }
                    else if (property.Name == "type" && IsTemplateType(property.Value))
                    {
                        found.Add(new KeyValuePair<JProperty, ReferenceKind>(property, ReferenceKind.TemplateType));
                    }
                }
            }
            return found;
        }

        private static IEnumerator<JToken> ChildrenOf(JContainer node)
        {
            return node is JObject mapping ? mapping.PropertyValues().GetEnumerator() : node.Children().GetEnumerator();
        }

        private static bool IsTemplateType(JToken value) =>
            value.AsText() is string text && (text.EndsWith(".yaml", StringComparison.Ordinal) || text.EndsWith(".template", StringComparison.Ordinal));

        private async Task ResolveReferenceAsync(JProperty property, ReferenceKind kind, string baseUrl, Parent parent)
        {
            // Only a string names a file: every kind of reference is found by its string value.
            if (!(property.Value.AsText() is string reference)) return;
            var url = HeatUrl.Resolve(baseUrl, reference);
            var referrer = new Referrer(parent.Name, property.Value,
                kind == ReferenceKind.GetFile ? "get_file '" + reference + "'"
                    : kind == ReferenceKind.TemplateType ? property.Name + " '" + reference + "'"
                    : "resource_registry entry '" + property.Name + ": " + reference + "'");
            // Judged on the joined URL alone, before any look at the disk, so that the answer is the same whether
            // or not such a local file exists.
            if (parent.Remote && !HeatUrl.IsHttp(url))
            {
                throw Fail(TemplateProblem.ForbiddenReference, referrer, referrer.How + " is refused: " + RemoteRule, url);
            }
            if (!_bundle.Files.ContainsKey(url))
            {
                if (_inProgress.Contains(url))
                {
                    var chain = new List<string>();
                    for (var i = _inProgress.IndexOf(url); i < _inProgress.Count; i++)
                    {
                        chain.Add(HeatUrl.Display(_inProgress[i]));
                    }
                    chain.Add(HeatUrl.Display(url));
                    throw Fail(TemplateProblem.Cycle, referrer,
                        referrer.How + " includes a template that is already being read: " + string.Join(" -> ", chain), url);
                }
                if (_offline && HeatUrl.IsHttp(url))
                {
                    AddUnchecked(url);
                }
                else
                {
                    if (parent.Depth >= TemplateLimits.MaxNestingDepth)
                    {
                        var chain = parent.Chain();
                        chain.Add(HeatUrl.Display(url));
                        throw Fail(TemplateProblem.TooDeep, referrer, referrer.How + ": files nest more than " + TemplateLimits.MaxNestingDepth +
                            " levels below the template or environment given (Heat's own max_nested_stack_depth is 5 by default): " + string.Join(" -> ", chain), url);
                    }
                    _bundle.Files[url] = await ReadReferencedAsync(url, kind, referrer, parent).ConfigureAwait(false);
                }
            }
            property.Value = new JValue(url);
        }

        private async Task<string> ReadReferencedAsync(string url, ReferenceKind kind, Referrer referrer, Parent parent)
        {
            var content = await ReadAsync(url, referrer, kind == ReferenceKind.GetFile ? null : "the template").ConfigureAwait(false);
            JObject? template;
            if (kind == ReferenceKind.GetFile)
            {
                if (content.Text == null)
                {
                    // heatclient sends a file that is not UTF-8 as base64 (with MIME line breaks).
                    return Convert.ToBase64String(content.Bytes, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n") + "\n";
                }
                template = TemplateFormat.TryParseTemplate(content.Text, HeatUrl.Display(url));
                if (template == null)
                {
                    return content.Text;
                }
                _inProgress.Add(url);
                await ResolveTemplateAsync(template, HeatUrl.BaseUrlFor(url), Parent.Of(url, parent)).ConfigureAwait(false);
                _inProgress.RemoveAt(_inProgress.Count - 1);
            }
            else
            {
                template = await LoadTemplateAsync(url, content, parent).ConfigureAwait(false);
            }
            var json = PythonJson.Dumps(template);
            TemplateFormat.CheckSize(json.Length, HeatUrl.Display(url), "the template as JSON (what Heat parses)");
            CountAsJson(url, referrer, content.Size, json.Length);
            return json;
        }

        private void AddUnchecked(string url)
        {
            if (!_bundle.UncheckedUrls.Contains(url))
            {
                _bundle.UncheckedUrls.Add(url);
            }
        }
    }
}
