// The client's namespaces follow its folders (Stacks/, Events/, Errors/ ...). Nearly every file here uses several
// of them, so they are imported once for the project instead of in each file.
global using Heat.Client;
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

// The module's own folders, each its namespace: every cmdlet uses the bases, the parameter groups, the support
// types and the operation model.
global using Heat.PowerShell.Base;
global using Heat.PowerShell.Errors;
global using Heat.PowerShell.Operations;
global using Heat.PowerShell.Parameters;
global using Heat.PowerShell.Support;
