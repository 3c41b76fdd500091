using System.Management.Automation;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// <see cref="TemplateSourceParameters"/> as the dynamic parameters of one cmdlet, <typeparamref name="TCmdlet"/>: a
    /// type of its own, for the reason <see cref="StackDefinitionParameters{TCmdlet}"/> gives.
    /// </summary>
    /// <typeparam name="TCmdlet">The cmdlet that offers the parameters.</typeparam>
    public sealed class TemplateSourceParameters<TCmdlet> : TemplateSourceParameters where TCmdlet : Cmdlet
    {
    }
}
