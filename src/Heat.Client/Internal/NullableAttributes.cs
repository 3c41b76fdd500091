// netstandard2.0 has no nullable-analysis attributes; .NET Core 3.0 and later define these, with the same names, in
// System.Diagnostics.CodeAnalysis. The compiler finds them by their full name, so these internal copies tell it what
// .NET's would. The namespace is .NET's, not this folder's, for that reason. The test projects see this assembly's
// internals: one that named such an attribute itself would find two (nothing there needs to).
namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>The argument is not null when the method returns <see cref="ReturnValue"/> (a TryGet's out value).</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class NotNullWhenAttribute : Attribute
    {
        public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

        public bool ReturnValue { get; }
    }

    /// <summary>The result is not null when the named argument is not null (null in, null out).</summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = true)]
    internal sealed class NotNullIfNotNullAttribute : Attribute
    {
        public NotNullIfNotNullAttribute(string parameterName) => ParameterName = parameterName;

        public string ParameterName { get; }
    }
}
