using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace Heat.ModuleLoad
{
    /// <summary>
    /// Import-Module of a binary module as Windows PowerShell 5.1 does it for Heat.PowerShell.psd1's RootModule: the
    /// assembly loaded from its path (Assembly.LoadFrom, so Heat.Client is found beside it), its public types scanned
    /// for cmdlets, each IModuleAssemblyInitializer's OnImport run; then, as on a command's first use (or Get-Command
    /// -Syntax, Get-Help), every public [Parameter] property read with its attributes.
    /// </summary>
    internal static class WindowsPowerShellImport
    {
        public static Assembly Import(string moduleFolder, Report report)
        {
            var assembly = Assembly.LoadFrom(Path.Combine(moduleFolder, "Heat.PowerShell.dll"));
            var types = assembly.GetExportedTypes();
            foreach (var type in types.Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract))
            {
                if (type.GetCustomAttributes(typeof(CmdletAttribute), false).Length == 0)
                {
                    continue;
                }
                // The name from the attribute's metadata: the stand-in System.Management.Automation's properties are stubs.
                var cmdlet = type.GetCustomAttributesData().First(a => a.AttributeType == typeof(CmdletAttribute));
                report.Add("cmdlet", cmdlet.ConstructorArguments[0].Value + "-" + cmdlet.ConstructorArguments[1].Value);
            }

            foreach (var type in types.Where(t => typeof(IModuleAssemblyInitializer).IsAssignableFrom(t) && !t.IsAbstract))
            {
                ((IModuleAssemblyInitializer)Activator.CreateInstance(type)).OnImport();
                report.Add("initializer", type.FullName);
            }

            var parameters = new List<string>();
            foreach (var type in types)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var attributes = property.GetCustomAttributes(true);
                    if (attributes.OfType<ParameterAttribute>().Any())
                    {
                        parameters.Add(type.Name + "." + property.Name + ":" + property.PropertyType.Name);
                    }
                }
            }
            report.Add("parameters", parameters.Count.ToString());
            return assembly;
        }
    }
}
