using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RichardSzalay.MockHttp;
using Xunit;

namespace Heat.Client.Tests
{
    public class ErrorMappingTests
    {
        private static Task<Models.HeatStack> GetWeb(HeatClient client) => client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

        [Fact]
        public async Task BadRequest_CarriesHeatsMessageAndType()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Post, TestCloud.Heat + "/validate").RespondJson(HttpStatusCode.BadRequest, @"{
                ""explanation"": ""The server could not comply with the request since it is either malformed or otherwise incorrect."",
                ""code"": 400,
                ""error"": {""message"": ""The template version is invalid: heat_template_version: 2099-01-01"", ""traceback"": null, ""type"": ""InvalidTemplateVersion""},
                ""title"": ""Bad Request""}");
            var client = TestCloud.Client(mock);

            var error = await Assert.ThrowsAsync<HeatBadRequestException>(() => client.Templates.ValidateAsync(
                new ValidateTemplateRequest { Template = new Heat.Client.Templates.TemplateBundle { Template = new Newtonsoft.Json.Linq.JObject() } }, "t", default));

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
        [InlineData((HttpStatusCode)413, typeof(HeatException))]
        public async Task EachStatus_HasItsException(HttpStatusCode status, Type expected)
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/web").RespondJson(status,
                "{\"error\": {\"message\": \"said by the server\", \"type\": \"SomeType\"}}");
            var client = TestCloud.Client(mock);

            var error = await Assert.ThrowsAnyAsync<HeatException>(() => GetWeb(client));

            Assert.IsType(expected, error);
            Assert.Equal("said by the server", error.Message);
            Assert.Equal(status, error.StatusCode);
        }

        [Fact]
        public async Task NotFound_SaysWhichStack()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/nope").RespondJson(HttpStatusCode.NotFound,
                "{\"explanation\": \"The resource could not be found.\", \"code\": 404, \"error\": {\"message\": \"The Stack (nope) could not be found.\", \"traceback\": null, \"type\": \"EntityNotFound\"}, \"title\": \"Not Found\"}");
            var client = TestCloud.Client(mock);

            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() => client.Stacks.GetAsync(StackRef.FromNameOrId("nope"), default));

            Assert.Equal("The Stack (nope) could not be found.", error.Message);
            Assert.Equal("EntityNotFound", error.ErrorType);
        }

        [Fact]
        public async Task HtmlErrorPage_BecomesReadableText()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/web").Respond(HttpStatusCode.BadGateway, "text/html",
                "<html><body><h1>502 Bad Gateway</h1>\n<p>The proxy got no answer.</p></body></html>");
            var client = TestCloud.Client(mock);

            var error = await Assert.ThrowsAsync<HeatServerException>(() => GetWeb(client));

            Assert.Equal("502 Bad Gateway The proxy got no answer.", error.Message);
        }

        [Fact]
        public async Task EmptyErrorBody_UsesTheReasonPhrase()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/web").Respond(HttpStatusCode.InternalServerError);
            var client = TestCloud.Client(mock);

            var error = await Assert.ThrowsAsync<HeatServerException>(() => GetWeb(client));

            Assert.Equal("Internal Server Error", error.Message);
        }

        [Fact]
        public async Task TokenSession_DoesNotRetryA401()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            var heat = mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/web").RespondJson(HttpStatusCode.Unauthorized,
                "{\"error\": {\"message\": \"Authentication required\"}}");
            var client = TestCloud.Client(mock);

            await Assert.ThrowsAsync<HeatAuthenticationException>(() => GetWeb(client));

            Assert.Equal(1, mock.GetMatchCount(heat));
        }

        [Fact]
        public async Task SlowServer_IsATimeoutError_NamingTheRequest()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/web").Respond(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
                return new HttpResponseMessage(HttpStatusCode.OK);
            });
            var session = await HeatSession.ConnectAsync(new Keystone.AuthOptions
            {
                Method = Keystone.AuthMethod.Token,
                Token = TestCloud.Secure("t"),
                HeatEndpoint = TestCloud.Heat,
                Timeout = TimeSpan.FromMilliseconds(200),
                MaxRetries = 0,
            }, mock);

            var error = await Assert.ThrowsAsync<HeatConnectionException>(() => GetWeb(new HeatClient(session)));

            Assert.True(error.IsTimeout);
            Assert.Contains("timeout", error.Message);
            Assert.Contains("/stacks/web", error.Message);
        }

        [Fact]
        public async Task Cancellation_StopsARequestInFlight()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            var started = new TaskCompletionSource<bool>();
            mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/web").Respond(async () =>
            {
                started.SetResult(true);
                await Task.Delay(TimeSpan.FromSeconds(30));
                return new HttpResponseMessage(HttpStatusCode.OK);
            });
            var client = TestCloud.Client(mock);
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
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/loop").Respond(_ =>
            {
                var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                redirect.Headers.Location = new Uri(TestCloud.Heat + "/stacks/loop");
                return redirect;
            });
            var client = TestCloud.Client(mock);

            var error = await Assert.ThrowsAsync<HeatRedirectRefusedException>(() => client.Stacks.GetAsync(StackRef.FromNameOrId("loop"), default));

            Assert.Contains("redirects", error.Message);
        }
    }
}
