namespace Heat.Client.Internal
{
    /// <summary>
    /// A route below a stack (<c>snapshots/{id}</c>), its values already checked and encoded by <see cref="HeatRoutes"/>:
    /// made before the stack is looked up, so a bad value is refused before any request, and placed under the stack
    /// (<see cref="At"/>) once its name and id are known.
    /// </summary>
    internal sealed class StackPath
    {
        private readonly string _path;

        public StackPath(string path)
        {
            _path = path;
        }

        /// <summary>This path and one more segment, already encoded (or a fixed word such as "restore").</summary>
        public StackPath Then(string encodedSegment) => new StackPath(_path + "/" + encodedSegment);

        /// <summary><c>stacks/{name}/{id}/</c> and this path.</summary>
        public string At(StackRef stack) => HeatRoutes.Stack(stack) + "/" + _path;

        public override string ToString() => _path;
    }
}
