using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Heat.Client.Validation;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Stacks
{
    /// <summary>The JSON bodies of Heat's stack requests, built from the requests' options as heatclient builds them.</summary>
    internal static class StackBodies
    {
        /// <summary><c>POST /stacks</c>: a create, or an adopt of abandoned data.</summary>
        public static JObject Create(CreateStackRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (Strings.IsNullOrWhiteSpace(request.StackName)) throw new ArgumentException("A stack needs a name.");
            var body = new JObject { ["stack_name"] = request.StackName };
            if (request.AdoptStackData != null)
            {
                AddAdoptData(body, request.AdoptStackData);
                if (request.Template != null) TemplateBody.Add(body, request.Template, templateOptional: true);
            }
            else
            {
                TemplateBody.Add(body, request.Template);
            }
            body["parameters"] = TemplateParameters.Format((IDictionary)(request.Parameters ?? new Dictionary<string, object>()));
            if (request.TimeoutMinutes.HasValue) body["timeout_mins"] = request.TimeoutMinutes.Value;
            body["disable_rollback"] = request.DisableRollback;
            if (request.Tags != null && request.Tags.Count > 0) body["tags"] = string.Join(",", request.Tags);
            return body;
        }

        /// <summary><c>PUT</c> or <c>PATCH</c> of a stack, and of its update preview.</summary>
        public static JObject Update(UpdateStackRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var body = new JObject();
            if (request.Template != null) TemplateBody.Add(body, request.Template, templateOptional: request.Existing);
            else if (!request.Existing) throw new ArgumentException("A full update needs a template; use Existing to keep the stack's own.");
            if (request.Parameters != null && (request.Parameters.Count > 0 || !request.Existing))
            {
                body["parameters"] = TemplateParameters.Format((IDictionary)request.Parameters);
            }
            if (request.ClearParameters != null && request.ClearParameters.Count > 0) body["clear_parameters"] = new JArray(request.ClearParameters.ToArray());
            if (request.TimeoutMinutes.HasValue) body["timeout_mins"] = request.TimeoutMinutes.Value;
            if (request.DisableRollback.HasValue) body["disable_rollback"] = request.DisableRollback.Value;
            if (request.Tags != null) body["tags"] = string.Join(",", request.Tags);
            if (request.Converge) body["converge"] = true;
            return body;
        }

        /// <summary><c>POST .../actions</c>: the action's name as the only key (<c>{"suspend": null}</c>).</summary>
        public static JObject Action(StackAction action)
        {
            switch (action)
            {
                case StackAction.Suspend: return new JObject { ["suspend"] = null };
                case StackAction.Resume: return new JObject { ["resume"] = null };
                case StackAction.Check: return new JObject { ["check"] = null };
                case StackAction.CancelUpdate: return new JObject { ["cancel_update"] = null };
                case StackAction.CancelWithoutRollback: return new JObject { ["cancel_without_rollback"] = null };
                default: throw new ArgumentOutOfRangeException(nameof(action));
            }
        }

        /// <summary>As heatclient's adopt: the data goes as text, and the files it carries go as the request's files.</summary>
        private static void AddAdoptData(JObject body, string data)
        {
            JObject? parsed;
            try
            {
                parsed = HeatJson.Parse(data) as JObject;
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw new ArgumentException("The adopt data is not JSON: " + e.Message, e);
            }
            if (parsed == null) throw new ArgumentException("The adopt data is not a JSON object.");
            body["adopt_stack_data"] = data;
            if (parsed["files"] is JObject files && files.Count > 0) body["files"] = files;
        }
    }
}
