using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Stacks
{
    /// <summary>What Heat holds for a stack: its template, environment, files, and export data. Each is returned as
    /// Heat sends it (JSON without an envelope), as plain data: a template can be written back to a file and sent again.</summary>
    public sealed class StackDataClient
    {
        private readonly HeatApi _api;
        private readonly StackResolver _stacks;

        internal StackDataClient(HeatApi api, StackResolver stacks)
        {
            _api = api;
            _stacks = stacks;
        }

        /// <summary>
        /// Abandons the stack: Heat forgets it and leaves its resources as they are, and answers with the stack's data
        /// (JSON text, the input of an adopt). Heat refuses unless the cloud enables it (enable_stack_abandon).
        /// </summary>
        /// <returns>Heat's answer as it came, not parsed: once Heat has answered, the data is the only record of the
        /// resources it no longer tracks, so nothing here may refuse it (a parser's depth limit, a shape it did not expect).</returns>
        public async Task<string> AbandonAsync(StackRef stack, CancellationToken cancellationToken)
        {
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var response = await _api.SendAsync(System.Net.Http.HttpMethod.Delete, HeatRoutes.Abandon.At(stack), null, cancellationToken,
                expect: Http.ResponseBody.Text).ConfigureAwait(false);
            _stacks.Forget(stack);
            return response.Text ?? string.Empty;
        }

        /// <summary>The template as JSON text, exactly as Heat holds it.</summary>
        public Task<string> GetTemplateJsonAsync(StackRef stack, CancellationToken cancellationToken) => GetJsonAsync(stack, HeatRoutes.Template, cancellationToken);

        public async Task<Hashtable> GetEnvironmentAsync(StackRef stack, CancellationToken cancellationToken) =>
            HeatJson.ToHashtable(JObject.Parse(await GetJsonAsync(stack, HeatRoutes.Environment, cancellationToken).ConfigureAwait(false)));

        /// <summary>The files the stack was created or updated with: URL (as the client named it) → content.</summary>
        public async Task<Hashtable> GetFilesAsync(StackRef stack, CancellationToken cancellationToken) =>
            HeatJson.ToHashtable(JObject.Parse(await GetJsonAsync(stack, HeatRoutes.Files, cancellationToken).ConfigureAwait(false)));

        /// <summary>Heat's export of the stack (template, environment, resources' data) as JSON text, the input of an adopt.</summary>
        public Task<string> ExportJsonAsync(StackRef stack, CancellationToken cancellationToken) => GetJsonAsync(stack, HeatRoutes.Export, cancellationToken);

        /// <summary>The template as Heat holds it, parsed.</summary>
        internal Task<JObject> GetTemplateObjectAsync(StackRef stack, CancellationToken cancellationToken) => GetObjectAsync(stack, HeatRoutes.Template, cancellationToken);

        /// <summary>The environment as Heat holds it (hidden parameters' values masked), parsed.</summary>
        internal Task<JObject> GetEnvironmentObjectAsync(StackRef stack, CancellationToken cancellationToken) => GetObjectAsync(stack, HeatRoutes.Environment, cancellationToken);

        /// <summary>The files map as Heat holds it, parsed.</summary>
        internal Task<JObject> GetFilesObjectAsync(StackRef stack, CancellationToken cancellationToken) => GetObjectAsync(stack, HeatRoutes.Files, cancellationToken);

        private async Task<string> GetJsonAsync(StackRef stack, StackPath route, CancellationToken cancellationToken) =>
            HeatJson.Serialize(await GetObjectAsync(stack, route, cancellationToken).ConfigureAwait(false));

        private async Task<JObject> GetObjectAsync(StackRef stack, StackPath route, CancellationToken cancellationToken)
        {
            var (_, response) = await _stacks.ReadPinnedAsync(stack,
                (pinned, token) => _api.SendAsync(System.Net.Http.HttpMethod.Get, route.At(pinned), null, token), cancellationToken).ConfigureAwait(false);
            return response.Body();
        }
    }
}
