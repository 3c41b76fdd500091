using System.Management.Automation;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// <see cref="StackDefinitionParameters"/> as the dynamic parameters of one cmdlet, <typeparamref name="TCmdlet"/>.
    /// PowerShell describes a dynamic-parameter type once per process and numbers that description's parameter sets in
    /// place for the cmdlet that binds it; two cmdlets with different sets sharing one type, run at once in two runspaces
    /// (ForEach-Object -Parallel, runbook workers), read each other's numbering and refuse records for a set they never
    /// asked for. A type per cmdlet keeps each description to the cmdlet it was numbered for.
    /// </summary>
    /// <typeparam name="TCmdlet">The cmdlet that offers the parameters.</typeparam>
    public sealed class StackDefinitionParameters<TCmdlet> : StackDefinitionParameters where TCmdlet : Cmdlet
    {
    }
}
