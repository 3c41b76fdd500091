namespace Heat.Client.Stacks
{
    /// <summary>Heat's stack actions (<c>POST /stacks/{name}/{id}/actions</c>).</summary>
    public enum StackAction
    {
        Suspend,
        Resume,
        Check,
        CancelUpdate,
        CancelWithoutRollback,
    }
}
