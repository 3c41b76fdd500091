using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.SoftwareDeployments
{
    /// <summary>
    /// Software deployments: <c>/software_deployments</c> (list, create), <c>/software_deployments/{id}</c> (show, update,
    /// delete) and <c>/software_deployments/metadata/{server_id}</c> (what a server's agent reads).
    /// </summary>
    public sealed class SoftwareDeploymentsClient
    {
        private readonly HeatApi _api;

        internal SoftwareDeploymentsClient(HeatApi api)
        {
            _api = api;
        }

        /// <summary>Every deployment (Heat answers in one page), or those to one server.</summary>
        public async Task<IReadOnlyList<HeatSoftwareDeployment>> ListAsync(SoftwareDeploymentListOptions options, CancellationToken cancellationToken)
        {
            var route = Query.Append(HeatRoutes.SoftwareDeployments, Query.From(options ?? new SoftwareDeploymentListOptions()));
            return await _api.GetListAsync<HeatSoftwareDeployment>(route, "software_deployments", cancellationToken).ConfigureAwait(false);
        }

        public Task<HeatSoftwareDeployment> GetAsync(string deploymentId, CancellationToken cancellationToken)
        {
            return SoftwareConfigsClient.NamingId(deploymentId, _api.GetAsync<HeatSoftwareDeployment>(HeatRoutes.SoftwareDeployment(deploymentId), "software_deployment", cancellationToken));
        }

        /// <summary>
        /// Creates a deployment. Heat stores the server id as given, without asking Nova, and then pushes the server's new
        /// metadata (the configs deployed to it) to the server resource, if Heat knows one with that id.
        /// </summary>
        public async Task<HeatSoftwareDeployment> CreateAsync(CreateSoftwareDeploymentRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            RequireId(request.ServerId, "server");
            RequireId(request.ConfigId, "software config");
            var body = new JObject
            {
                ["server_id"] = request.ServerId,
                ["config_id"] = request.ConfigId,
                ["input_values"] = TemplateParameters.ToJson(request.InputValues ?? new Dictionary<string, object>()),
                ["action"] = request.Action ?? HeatStatus.Update,
                ["status"] = request.Status ?? HeatStatus.InProgress,
            };
            if (request.StatusReason != null) body["status_reason"] = request.StatusReason;
            var response = await _api.SendAsync(HttpMethod.Post, HeatRoutes.SoftwareDeployments, body, cancellationToken).ConfigureAwait(false);
            return Created(response, "POST");
        }

        /// <summary>
        /// Changes a deployment (PUT): what a server's agent does to report a result (status, status reason, output values).
        /// Sent again after a transient failure: it sets values, so a second arrival leaves the same deployment.
        /// </summary>
        public async Task<HeatSoftwareDeployment> UpdateAsync(string deploymentId, UpdateSoftwareDeploymentRequest request, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.SoftwareDeployment(deploymentId);
            if (request == null) throw new ArgumentNullException(nameof(request));
            var body = new JObject();
            if (request.ConfigId != null) body["config_id"] = request.ConfigId;
            if (request.InputValues != null) body["input_values"] = TemplateParameters.ToJson(request.InputValues);
            if (request.OutputValues != null) body["output_values"] = TemplateParameters.ToJson(request.OutputValues);
            if (request.Action != null) body["action"] = request.Action;
            if (request.Status != null) body["status"] = request.Status;
            if (request.StatusReason != null) body["status_reason"] = request.StatusReason;
            var response = await SoftwareConfigsClient.NamingId(deploymentId,
                _api.SendAsync(HttpMethod.Put, route, body, cancellationToken, idempotent: true)).ConfigureAwait(false);
            return Created(response, "PUT");
        }

        public async Task DeleteAsync(string deploymentId, CancellationToken cancellationToken)
        {
            await SoftwareConfigsClient.NamingId(deploymentId, _api.SendAsync(HttpMethod.Delete, HeatRoutes.SoftwareDeployment(deploymentId), null, cancellationToken)).ConfigureAwait(false);
        }

        /// <summary>
        /// The configs deployed to a server, as its agent (os-collect-config) reads them: one per deployment, ordered by
        /// config name (Heat's order), each with its script, inputs, outputs and options.
        /// </summary>
        public async Task<IReadOnlyList<HeatSoftwareConfig>> GetMetadataAsync(string serverId, CancellationToken cancellationToken)
        {
            return await _api.GetListAsync<HeatSoftwareConfig>(HeatRoutes.ServerMetadata(serverId), "metadata", cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A deployment's output values (Heat has no route for them: they are read from the deployment), by name in
        /// ordinal order. Nothing before the server's agent has signalled.
        /// </summary>
        public async Task<IReadOnlyList<HeatSoftwareDeploymentOutput>> GetOutputsAsync(string deploymentId, CancellationToken cancellationToken)
        {
            var deployment = await GetAsync(deploymentId, cancellationToken).ConfigureAwait(false);
            return OutputsOf(deployment);
        }

        /// <summary>The output values of a deployment already read, by name in ordinal order.</summary>
        public static IReadOnlyList<HeatSoftwareDeploymentOutput> OutputsOf(HeatSoftwareDeployment deployment)
        {
            if (deployment?.OutputValues == null) return Array.Empty<HeatSoftwareDeploymentOutput>();
            return deployment.OutputValues.Keys.Cast<object>().Select(k => (string)k).OrderBy(k => k, StringComparer.Ordinal)
                .Select(name => new HeatSoftwareDeploymentOutput
                {
                    OutputName = name,
                    OutputValue = deployment.OutputValues[name],
                    DeploymentId = deployment.Id,
                    ServerId = deployment.ServerId,
                })
                .ToList();
        }

        /// <summary>A deployment names its server and its config: without either Heat would store a deployment of nothing.</summary>
        private static void RequireId(string? id, string what)
        {
            if (Strings.IsNullOrEmpty(id)) throw new ArgumentException($"A {what} id is null or empty.");
        }

        private static HeatSoftwareDeployment Created(HeatResponse response, string method)
        {
            var deployment = HeatApi.Read<HeatSoftwareDeployment>(response, response.Object("software_deployment"));
            if (Strings.IsNullOrEmpty(deployment.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, method, response.FinalUri, response.ContentType, "the software deployment it returns has no id");
            }
            return deployment;
        }
    }
}
