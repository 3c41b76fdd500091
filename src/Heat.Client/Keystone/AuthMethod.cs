namespace Heat.Client.Keystone
{
    /// <summary>How a session authenticates: a password, an application credential, or a token it was given.</summary>
    public enum AuthMethod
    {
        Password,
        ApplicationCredential,
        Token,
    }
}
