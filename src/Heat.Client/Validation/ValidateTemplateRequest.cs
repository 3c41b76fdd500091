using System.Collections.Generic;
using Heat.Client.Internal;
using Heat.Client.Templates;

namespace Heat.Client.Validation
{
    /// <summary><c>POST /validate</c>: the template, and how Heat should look at it.</summary>
    public sealed class ValidateTemplateRequest
    {
        public TemplateBundle? Template { get; set; }

        /// <summary>Heat's error codes to let pass (<c>ignore_errors=99001,...</c>), as heatclient's --ignore-errors.</summary>
        [Query("ignore_errors", Joined = true)]
        public IList<string> IgnoreErrors { get; } = new List<string>();

        /// <summary>Include the nested templates' parameters.</summary>
        [Query("show_nested")]
        public bool ShowNested { get; set; }

        /// <summary>Parameter name to value, as for a create; none: Heat checks the template alone.</summary>
        public IDictionary<string, object> Parameters { get; set; } = new Dictionary<string, object>();
    }
}
