using Heat.Client.Insight;
using Xunit;

namespace Heat.Client.Tests.Insight
{
    /// <summary>Compare-HeatStack's parameter rows: Heat writes a boolean back as Python does (False), a number as it
    /// was read; neither is a change from the template's false or 1.0.</summary>
    public sealed class ParameterValueTests
    {
        [Theory]
        [InlineData("False", "false", "boolean", true)]
        [InlineData("True", "yes", "boolean", true)]
        [InlineData("False", "true", "boolean", false)]
        [InlineData("1", "1.0", "number", true)]
        [InlineData("1", "2", "number", false)]
        [InlineData("False", "false", "string", false)]
        [InlineData("[1, 2]", "[1,2]", "json", true)]
        public void HeatsTextOfAValue_IsTheValueTheTemplateGives(string now, string next, string type, bool same)
        {
            Assert.Equal(same, StackComparer.SameValue(now, next, type));
        }
    }
}
