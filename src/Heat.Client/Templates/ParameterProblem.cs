namespace Heat.Client.Templates
{
    /// <summary>A parameter value Heat would refuse on create, in Heat's own words.</summary>
    public sealed class ParameterProblem
    {
        public ParameterProblem(string name, string message)
        {
            Name = name;
            Message = message;
        }

        /// <summary>The parameter's name.</summary>
        public string Name { get; }

        /// <summary>What Heat says: "Parameter 'count' is invalid: 7 is out of range (min: 1, max: 5)", "The Parameter
        /// (image) was not provided."</summary>
        public string Message { get; }

        public override string ToString() => Message;
    }
}
