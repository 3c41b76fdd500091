using System;
using System.Collections.Generic;

namespace Heat.Client.Errors
{
    /// <summary>
    /// Keystone refused a token for the project asked, though it accepted the user's password (or token) without a
    /// project: the user has no role on that project, or there is no such project in that domain. Keystone answers both
    /// as it answers a wrong password, so this is found by asking once more without the project.
    /// </summary>
    public sealed class HeatProjectNotAuthorizedException : HeatException
    {
        public HeatProjectNotAuthorizedException(string message, string? userName, string? project, IReadOnlyList<string>? userProjects,
            Exception? inner = null)
            : base(message, inner)
        {
            UserName = userName;
            Project = project;
            UserProjects = userProjects;
        }

        /// <summary>The user Keystone accepted.</summary>
        public string? UserName { get; }

        /// <summary>The project asked for, as given (a name, or an id).</summary>
        public string? Project { get; }

        /// <summary>The projects the user has a role on (names), as Keystone lists them; null when it could not be read.</summary>
        public IReadOnlyList<string>? UserProjects { get; }
    }
}
