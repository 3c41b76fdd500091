using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    public class ErrorMappingTests
    {
        private static Task<Models.HeatStack> GetWeb(HeatClient client) => client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

        [Fact]
        public async Task BadRequest_CarriesHeatsMessageAndType()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "validate").Error(HttpStatusCode.BadRequest,
                "The template version is invalid: heat_template_version: 2099-01-01", "InvalidTemplateVersion");

            var error = await Assert.ThrowsAsync<HeatBadRequestException>(() => heat.Client().Templates.ValidateAsync(
                new ValidateTemplateRequest { Template = new Heat.Client.Templates.TemplateBundle { Template = new JObject() } }, "t", default));

            Assert.Equal("The template version is invalid: heat_template_version: 2099-01-01", error.Message);
            Assert.Equal("InvalidTemplateVersion", error.ErrorType);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal("POST", error.Method);
        }

        [Theory]
        [InlineData(HttpStatusCode.Unauthorized, typeof(HeatAuthenticationException))]
        [InlineData(HttpStatusCode.Forbidden, typeof(HeatForbiddenException))]
        [InlineData(HttpStatusCode.NotFound, typeof(HeatNotFoundException))]
        [InlineData(HttpStatusCode.Conflict, typeof(HeatConflictException))]
        [InlineData(HttpStatusCode.InternalServerError, typeof(HeatServerException))]
        [InlineData(HttpStatusCode.ServiceUnavailable, typeof(HeatServerException))]
        [InlineData((HttpStatusCode)413, typeof(HeatBadRequestException))]
        public async Task EachStatus_HasItsException(HttpStatusCode status, Type expected)
        {
            var heat = new FakeHeat();
            // Only error.message and error.type: the client must not need the rest of Heat's envelope.
            heat.On(HttpMethod.Get, "stacks/web").Json(status, new JObject
            {
                ["error"] = new JObject { ["message"] = "said by the server", ["type"] = "SomeType" },
            });

            var error = await Assert.ThrowsAnyAsync<HeatException>(() => GetWeb(heat.Client(o => o.RetryDelay = TimeSpan.FromMilliseconds(1))));

            Assert.IsType(expected, error);
            Assert.Equal("said by the server", error.Message);
            Assert.Equal(status, error.StatusCode);
        }

        [Fact]
        public async Task NotFound_SaysWhichStack()
        {
            var heat = new FakeHeat().MissingStack("nope");

            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() => heat.Client().Stacks.GetAsync(StackRef.FromNameOrId("nope"), default));

            Assert.Equal("The Stack (nope) could not be found.", error.Message);
            Assert.Equal("EntityNotFound", error.ErrorType);
        }

        [Fact]
        public async Task HtmlErrorPage_BecomesReadableText()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web").Text(HttpStatusCode.BadGateway, "text/html",
                "<html><body><h1>502 Bad Gateway</h1>\n<p>The proxy got no answer.</p></body></html>");

            var error = await Assert.ThrowsAsync<HeatServerException>(() => GetWeb(heat.Client(o => o.RetryDelay = TimeSpan.FromMilliseconds(1))));

            Assert.Equal("502 Bad Gateway The proxy got no answer.", error.Message);
        }

        [Fact]
        public async Task EmptyErrorBody_UsesTheReasonPhrase()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web").Status(HttpStatusCode.InternalServerError);

            var error = await Assert.ThrowsAsync<HeatServerException>(() => GetWeb(heat.Client()));

            Assert.Equal("Internal Server Error", error.Message);
        }

        [Fact]
        public async Task TokenSession_DoesNotRetryA401()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web").Error(HttpStatusCode.Unauthorized, "Authentication required");

            await Assert.ThrowsAsync<HeatAuthenticationException>(() => GetWeb(heat.Client()));

            Assert.Equal(new[] { "GET stacks/web" }, heat.Log);
        }

        [Fact]
        public async Task SlowServer_IsATimeoutError_NamingTheRequest()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web").Hang();
            var client = heat.Client(o =>
            {
                o.Timeout = TimeSpan.FromMilliseconds(200);
                o.MaxRetries = 0;
            });

            var error = await Assert.ThrowsAsync<HeatConnectionException>(() => GetWeb(client));

            Assert.True(error.IsTimeout);
            Assert.Contains("timeout", error.Message);
            Assert.Contains("/stacks/web", error.Message);
        }

        [Fact]
        public async Task Cancellation_StopsARequestInFlight()
        {
            var heat = new FakeHeat();
            var started = new TaskCompletionSource<bool>();
            heat.On(HttpMethod.Get, "stacks/web").Hang(() => started.SetResult(true));
            var client = heat.Client();
            using var cancellation = new CancellationTokenSource();
            var watch = System.Diagnostics.Stopwatch.StartNew();

            var call = client.Stacks.GetAsync(StackRef.FromNameOrId("web"), cancellation.Token);
            await started.Task;
            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the request went on after it was cancelled");
        }

        [Fact]
        public async Task TooManyRedirects_AreAnError()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/loop").Redirect(heat.Endpoint + "/stacks/loop");

            var error = await Assert.ThrowsAsync<HeatRedirectRefusedException>(() => heat.Client().Stacks.GetAsync(StackRef.FromNameOrId("loop"), default));

            Assert.Contains("redirects", error.Message);
        }
    }
}
