// The client's namespaces follow its folders (Stacks/, Events/, Errors/ ...). Nearly every file of the client uses
// several of them, so they are imported once here instead of in each file.
global using Heat.Client.Analysis;
global using Heat.Client.Errors;
global using Heat.Client.Events;
global using Heat.Client.Hooks;
global using Heat.Client.Insight;
global using Heat.Client.Outputs;
global using Heat.Client.Plans;
global using Heat.Client.Protection;
global using Heat.Client.Resources;
global using Heat.Client.ResourceTypes;
global using Heat.Client.Service;
global using Heat.Client.Snapshots;
global using Heat.Client.SoftwareConfigs;
global using Heat.Client.SoftwareDeployments;
global using Heat.Client.Stacks;
global using Heat.Client.TemplateVersions;
global using Heat.Client.Validation;
global using Heat.Client.Waiting;
