using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Plans
{
    /// <summary>
    /// Makes plans and applies them. A plan holds the very body that will be sent; applying it sends that body, with
    /// the secret parameters given again, only to the cloud and project it was made for, and only while the stack still
    /// matches its fingerprint (for a create: while no stack has the name). Between the check and the request Heat
    /// gives no lock, so an update made elsewhere in that moment is not caught; the check narrows that window to one
    /// request.
    /// </summary>
    public sealed class StackPlanner
    {
        private static readonly string[] Gone = { "the stack is gone" };

        /// <summary>What a plan shows for a secret parameter's value.</summary>
        public const string SecretValue = "(secret)";

        private readonly HeatClient _client;

        public StackPlanner(HeatClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>A plan to create a stack that does not exist yet: Heat's create preview as its rows.</summary>
        public async Task<HeatStackPlan> PlanCreateAsync(CreateStackRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var rows = await _client.Comparer.CompareCreateAsync(request, showNested: false, cancellationToken).ConfigureAwait(false);
            return NewPlan(HeatStackPlan.CreateOperation, new StackRef(request.StackName, null), StackBodies.Create(request), request.Template?.Template as JObject, rows);
        }

        /// <summary>A plan to update a stack (PATCH with <see cref="UpdateStackRequest.Existing"/>): Heat's preview as its
        /// rows, and the stack's fingerprint now.</summary>
        public async Task<HeatStackPlan> PlanUpdateAsync(StackRef stack, UpdateStackRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            stack = await _client.Stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var fingerprintTask = HeatStackFingerprint.ReadAsync(_client, stack, cancellationToken);
            var rowsTask = _client.Comparer.CompareAsync(stack, request, showNested: false, cancellationToken);
            // A patch without a template keeps the stack's: its declarations say which parameters are hidden.
            var templateTask = request.Template?.Template is JObject sent ? Task.FromResult(sent) : _client.StackData.GetTemplateObjectAsync(stack, cancellationToken);
            await Task.WhenAll(fingerprintTask, rowsTask, templateTask).ConfigureAwait(false);
            var plan = NewPlan(request.Existing ? HeatStackPlan.PatchOperation : HeatStackPlan.UpdateOperation, stack, StackBodies.Update(request), templateTask.Result, rowsTask.Result);
            plan.Fingerprint = fingerprintTask.Result;
            return plan;
        }

        /// <summary>
        /// Sends the plan's body to its stack, with <paramref name="secretParameters"/> (every secret the plan names,
        /// and nothing else). Returns the stack, and for a create the new stack as Heat answered.
        /// </summary>
        /// <exception cref="HeatPlanRefusedException">Nothing was sent: another cloud, a parameter missing or extra, or
        /// the stack moved since the plan was made.</exception>
        public async Task<(StackRef Stack, HeatStack? Created)> ApplyAsync(HeatStackPlan plan, IDictionary? secretParameters, CancellationToken cancellationToken)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            CheckTarget(plan);
            var body = (JObject)plan.Request.DeepClone();
            AddSecrets(plan, body, secretParameters);
            var name = plan.Target.StackName ?? throw new HeatPlanRefusedException(HeatPlanProblem.Invalid, "The plan names no stack.");
            if (plan.Operation == HeatStackPlan.CreateOperation)
            {
                var existing = await FindAsync(new StackRef(name, null), cancellationToken).ConfigureAwait(false);
                if (existing != null && existing.StackStatus != HeatStatus.DeleteComplete)
                {
                    throw Outdated(plan, new[] { $"a stack named {name} exists now (id {existing.Id}, {existing.StackStatus})" });
                }
                var created = await _client.Stacks.CreateAsync(name, body, cancellationToken).ConfigureAwait(false);
                return (new StackRef(created.StackName ?? name, created.Id), created);
            }
            if (plan.Fingerprint == null || (plan.Operation != HeatStackPlan.UpdateOperation && plan.Operation != HeatStackPlan.PatchOperation))
            {
                throw new HeatPlanRefusedException(HeatPlanProblem.Invalid, $"The plan's operation '{plan.Operation}' or its fingerprint is missing or unknown.");
            }
            var stack = new StackRef(name, plan.Fingerprint.StackId ?? plan.Target.StackId);
            HeatStackFingerprint now;
            try
            {
                now = await HeatStackFingerprint.ReadAsync(_client, stack, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatNotFoundException)
            {
                throw Outdated(plan, Gone);
            }
            var moved = plan.Fingerprint.Moved(now);
            if (moved.Count > 0) throw Outdated(plan, moved);
            await _client.Stacks.UpdateAsync(stack, body, plan.Operation == HeatStackPlan.PatchOperation, cancellationToken).ConfigureAwait(false);
            return (stack, null);
        }

        /// <summary>The stack, or null when Heat answers that it has none; any other failure is the caller's.</summary>
        public async Task<HeatStack?> FindAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await _client.Stacks.GetAsync(stack, cancellationToken, resolveOutputs: false).ConfigureAwait(false);
            }
            catch (HeatNotFoundException)
            {
                return null;
            }
        }

        private HeatStackPlan NewPlan(string operation, StackRef stack, JObject body, JObject? template, IReadOnlyList<HeatStackDifference> rows)
        {
            var session = _client.Session;
            var plan = new HeatStackPlan
            {
                CreatedAt = DateTime.UtcNow,
                CreatedBy = "Heat.PowerShell " + typeof(StackPlanner).Assembly.GetName().Version,
                Operation = operation,
                Target = new HeatPlanTarget
                {
                    AuthUrl = Secrets.RedactText(session.AuthUrl),
                    ProjectName = session.ProjectName,
                    ProjectId = session.ProjectId,
                    Region = session.Region,
                    HeatEndpoint = session.HeatEndpoint,
                    StackName = stack.StackName,
                    StackId = stack.StackId,
                },
                Request = body,
            };
            plan.SecretParameters = Scrub(body, template).ToArray();
            // A secret's row says that it changes, never from what to what.
            foreach (var row in rows.Where(r => r.Kind == "Parameter" && plan.SecretParameters.Contains(r.Name, StringComparer.Ordinal)))
            {
                if (row.Before != null) row.Before = SecretValue;
                if (row.After != null) row.After = SecretValue;
            }
            plan.Differences = rows.ToArray();
            return plan;
        }

        /// <summary>
        /// Takes the values of secret parameters out of the body (its parameters, its environment and its environment
        /// files' parameters and parameter_defaults) and returns their names: hidden in the template, or named like a
        /// secret.
        /// </summary>
        private static SortedSet<string> Scrub(JObject body, JObject? template)
        {
            var declared = (template?["parameters"] ?? template?["Parameters"]) as JObject;
            bool IsSecret(string name) => SecretNames.IsSecret(name) || ParameterSchemata.IsHidden(declared?[name] as JObject);
            var removed = new SortedSet<string>(StringComparer.Ordinal);
            bool Remove(JObject? section)
            {
                var secrets = section?.Properties().Where(p => IsSecret(p.Name)).ToList() ?? new List<JProperty>();
                foreach (var property in secrets)
                {
                    removed.Add(property.Name);
                    property.Remove();
                }
                return secrets.Count > 0;
            }
            Remove(body["parameters"] as JObject);
            Remove(body["environment"]?["parameters"] as JObject);
            Remove(body["environment"]?["parameter_defaults"] as JObject);
            if (body["environment_files"] is JArray files && body["files"] is JObject contents)
            {
                foreach (var url in files.Select(f => f.AsText()).OfType<string>())
                {
                    if (!(contents[url]?.AsText() is string text) || !(HeatJson.Parse(text) is JObject environment)) continue;
                    // Both sections, whatever the first held.
                    bool fromParameters = Remove(environment["parameters"] as JObject);
                    bool fromDefaults = Remove(environment["parameter_defaults"] as JObject);
                    if (fromParameters || fromDefaults) contents[url] = PythonJson.Dumps(environment);
                }
            }
            return removed;
        }

        private void CheckTarget(HeatStackPlan plan)
        {
            if (plan.Format != HeatStackPlan.FormatName || plan.Version != HeatStackPlan.CurrentVersion)
            {
                throw new HeatPlanRefusedException(HeatPlanProblem.Invalid,
                    $"This is not a plan of version {HeatStackPlan.CurrentVersion} (format '{plan.Format}', version {plan.Version}).");
            }
            var session = _client.Session;
            var problems = new List<string>();
            if (!SameUrl(plan.Target.HeatEndpoint, session.HeatEndpoint)) problems.Add($"Heat is {session.HeatEndpoint}, the plan's is {plan.Target.HeatEndpoint}");
            if (plan.Target.ProjectId != null && session.ProjectId != null && plan.Target.ProjectId != session.ProjectId)
            {
                problems.Add($"the project is {session.ProjectName} ({session.ProjectId}), the plan's is {plan.Target.ProjectName} ({plan.Target.ProjectId})");
            }
            if (problems.Count > 0)
            {
                throw new HeatPlanRefusedException(HeatPlanProblem.OtherTarget,
                    $"The plan for {plan.Target.StackName} was made for another cloud: {string.Join("; ", problems)}. Nothing was sent.", problems);
            }
        }

        private static void AddSecrets(HeatStackPlan plan, JObject body, IDictionary? given)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in given?.Keys ?? (ICollection)Array.Empty<object>()) names.Add(Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            var missing = plan.SecretParameters.Where(n => !names.Contains(n)).ToList();
            var extra = names.Where(n => !plan.SecretParameters.Contains(n, StringComparer.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                var said = new List<string>();
                if (missing.Count > 0) said.Add("it needs " + string.Join(", ", missing) + " (secret, so not in the plan)");
                if (extra.Count > 0) said.Add("it was not made with " + string.Join(", ", extra) + " (only the secret parameters are given again)");
                throw new HeatPlanRefusedException(HeatPlanProblem.Parameters,
                    $"The plan for {plan.Target.StackName} was not applied: {string.Join("; ", said)}. Nothing was sent.", missing.Concat(extra).ToList());
            }
            if (plan.SecretParameters.Length == 0 || given == null) return;
            if (!(body["parameters"] is JObject parameters)) body["parameters"] = parameters = new JObject();
            foreach (DictionaryEntry entry in given)
            {
                parameters[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = TemplateParameters.ConvertValue(entry.Value!);
            }
        }

        private static HeatPlanRefusedException Outdated(HeatStackPlan plan, IReadOnlyList<string> moved) =>
            new HeatPlanRefusedException(HeatPlanProblem.Outdated,
                $"The plan for {plan.Target.StackName} is out of date: {string.Join("; ", moved)}. Nothing was sent; make the plan again.", moved);

        private static bool SameUrl(string? a, string? b) =>
            string.Equals((a ?? string.Empty).TrimEnd('/'), (b ?? string.Empty).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
