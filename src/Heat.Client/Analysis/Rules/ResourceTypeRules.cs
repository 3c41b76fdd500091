using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Analysis.Schemas;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Rules
{
    /// <summary>A resource type the cloud does not offer (checked only when schemas were given).</summary>
    public sealed class UnknownResourceTypeRule : TemplateRule
    {
        public override string Name => "HeatUnknownResourceType";

        public override string Description => "A resource's type is not one the cloud offers (from its resource type list), nor a child template or a resource_registry entry.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Error;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            if (document.Schemas == null) yield break;
            foreach (var resource in document.ResourceNames)
            {
                var type = document.TypeOf(resource);
                if (type == null || type.Child != null || type.IsUnreadTemplate || document.Schemas.Offers(type.Name)) continue;
                if (document.Schemas.UnavailableReason(type.Name) != null || !document.Schemas.OffersNamespaceOf(type.Name)) continue; // HeatUnavailableResourceType's
                yield return Finding(document, TypeToken(document, resource), resource, $"Resource '{resource}' has type '{type.Name}', which this cloud does not offer.",
                    NameSuggestions.DidYouMean(document.Schemas.Names, type.Name) ?? "Check the name with Get-HeatResourceType, or map it in an environment's resource_registry.");
            }
        }

        internal static JToken? TypeToken(AnalyzedTemplate document, string resource)
        {
            var definition = document.Resources[resource] as JObject;
            return definition?["type"] ?? definition?["Type"] ?? definition;
        }
    }

    /// <summary>A resource type the cloud does not offer to this user though it may have it: reserved by policy, or its
    /// service not in the catalog (a warning: Heat validates such a template, and refuses to create it).</summary>
    public sealed class UnavailableResourceTypeRule : TemplateRule
    {
        public override string Name => "HeatUnavailableResourceType";

        public override string Description => "A resource's type is not offered to this user: policy reserves it (OS::Keystone:: for administrators), or the cloud does not run its service.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Warning;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            if (document.Schemas == null) yield break;
            foreach (var resource in document.ResourceNames)
            {
                var type = document.TypeOf(resource);
                if (type == null || type.Child != null || type.IsUnreadTemplate || document.Schemas.Offers(type.Name)) continue;
                var reason = document.Schemas.UnavailableReason(type.Name);
                if (reason == null && document.Schemas.OffersNamespaceOf(type.Name)) continue; // HeatUnknownResourceType's
                var why = reason != null ? TerminalText.Line(reason) : "no type of its namespace is offered: policy may reserve them for other users, or the cloud does not run their service";
                yield return Finding(document, UnknownResourceTypeRule.TypeToken(document, resource), resource,
                    $"Resource '{resource}' has type '{type.Name}', which this cloud does not offer to you ({why}).",
                    "Run it as a user the cloud lets use the type, or on a cloud that runs its service.");
            }
        }
    }

    /// <summary>A deprecated, unsupported or hidden resource type.</summary>
    public sealed class DeprecatedResourceTypeRule : TemplateRule
    {
        private static readonly HashSet<string> Statuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "DEPRECATED", "UNSUPPORTED", "HIDDEN" };

        public override string Name => "HeatDeprecatedResourceType";

        public override string Description => "A resource's type is deprecated, unsupported or hidden in the cloud's schema: it may go, or already work only in part.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Warning;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            foreach (var resource in document.ResourceNames)
            {
                var type = document.TypeOf(resource);
                var info = type == null ? null : document.Schemas?.Find(type.Name);
                if (info?.SupportStatus == null || !Statuses.Contains(info.SupportStatus)) continue;
                var why = string.IsNullOrWhiteSpace(info.SupportMessage) ? string.Empty : " " + TerminalText.Line(info.SupportMessage!.Trim());
                yield return Finding(document, UnknownResourceTypeRule.TypeToken(document, resource), resource,
                    $"Resource '{resource}' has type '{info.Name}', which is {info.SupportStatus.ToUpperInvariant()}.{why}");
            }
        }
    }

    /// <summary>A get_attr (Fn::GetAtt) of an attribute the resource's type does not have.</summary>
    public sealed class UnknownAttributeRule : TemplateRule
    {
        public override string Name => "HeatUnknownAttribute";

        public override string Description => "get_attr names an attribute the resource's type (or its child template's outputs) does not have.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Error;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            foreach (var call in document.Calls.Where(c => c.Function == "get_attr" || c.Function == "Fn::GetAtt"))
            {
                if (!(call.Argument is JArray arguments) || arguments.Count < 2 || call.TargetName is not string resource) continue;
                if (!(arguments[1] is JValue value) || value.Type != JTokenType.String || document.Resources[resource] == null) continue;
                var attribute = (string)value!;
                if (PropertySchemas.HasAttribute(document, resource, attribute) != false) continue;
                var type = document.TypeOf(resource)!;
                var known = type.Child != null
                    ? ((type.Child["outputs"] ?? type.Child["Outputs"]) as JObject ?? new JObject()).Properties().Select(p => p.Name)
                    : document.Schemas!.Find(type.Name)!.Attributes;
                var what = type.Child != null ? "its child template's outputs do" : $"type '{type.Name}' does";
                yield return Finding(document, value, resource, $"{call.Function} asks '{resource}' for attribute '{attribute}', which {what} not have.",
                    NameSuggestions.DidYouMean(known, attribute));
            }
        }
    }
}
