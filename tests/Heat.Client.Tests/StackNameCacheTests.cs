using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>A session remembers the id behind a stack name: a repeated read by name is one request, never a wrong one.</summary>
    public class StackNameCacheTests
    {
        private const string OldId = "1b9e6a0c-0d3e-4c1f-9a55-3c1f0e2d4b10";
        private const string NewId = "2c8f7b1d-1e4f-4d20-8b66-4d2a1f3e5c21";

        [Fact]
        public async Task Get_ByName_Twice_SendsOneRequestTheSecondTime()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", OldId));
            var client = heat.Client();

            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);
            var second = await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            Assert.Equal(OldId, second.Id);
            Assert.Equal(new[] { $"GET stacks/web", $"GET stacks/web/{OldId}", $"GET stacks/web/{OldId}" }, heat.Log);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Get_ByName_StackRecreatedUnderTheName_IsFoundByItsNewId(bool oldIdNotFound)
        {
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId, oldIdNotFound);
            var client = heat.Client();

            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);
            var second = await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);
            var third = await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            Assert.Equal(NewId, second.Id);
            Assert.Equal("CREATE_COMPLETE", second.StackStatus);
            Assert.Equal(NewId, third.Id);
            Assert.Equal(new[]
            {
                "GET stacks/web", $"GET stacks/web/{OldId}",
                $"GET stacks/web/{OldId}", "GET stacks/web", $"GET stacks/web/{NewId}",
                $"GET stacks/web/{NewId}",
            }, heat.Log);
        }

        [Fact]
        public async Task Get_ByName_StackDeletedAndNotRecreated_IsNotFound()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web").Redirect($"{heat.Endpoint}/stacks/web/{OldId}").Error(HttpStatusCode.NotFound, "The Stack (web) could not be found.", "EntityNotFound");
            heat.On(HttpMethod.Get, $"stacks/web/{OldId}")
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", OldId) })
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", OldId, "DELETE_COMPLETE") });
            var client = heat.Client();
            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            await Assert.ThrowsAsync<HeatNotFoundException>(() => client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default));
            Assert.Equal(0, client.Session.StackNames.Count);
        }

        [Fact]
        public async Task Get_ByIdOrByNameAndId_IsNotServedFromWhatANameStoodFor()
        {
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId);
            var client = heat.Client();
            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            var exact = await client.Stacks.GetAsync(new StackRef("web", OldId), default);

            Assert.Equal("DELETE_COMPLETE", exact.StackStatus);
            Assert.Equal(new[] { "GET stacks/web", $"GET stacks/web/{OldId}", $"GET stacks/web/{OldId}" }, heat.Log);
        }

        [Fact]
        public async Task Get_ByAnotherSpellingOfTheName_IsNotRemembered()
        {
            // Heat's database may match names without regard to case: "WEB" finds "web", but only "web" is its name.
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", OldId));
            heat.On(HttpMethod.Get, "stacks/WEB").Redirect($"{heat.Endpoint}/stacks/web/{OldId}");
            var client = heat.Client();

            await client.Stacks.GetAsync(StackRef.FromNameOrId("WEB"), default);
            await client.Stacks.GetAsync(StackRef.FromNameOrId(OldId), default);
            await client.Stacks.ResolveAsync(StackRef.FromNameOrId("WEB"), default);

            Assert.Equal(0, client.Session.StackNames.Count);
        }

        [Fact]
        public async Task Get_ByName_RememberedIdShowingAnotherStack_IsNotTrusted()
        {
            // Heat itself answers 404 when name and id disagree; a proxy or a broken Heat might not.
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web").Redirect($"{heat.Endpoint}/stacks/web/{OldId}").Redirect($"{heat.Endpoint}/stacks/web/{NewId}");
            heat.On(HttpMethod.Get, $"stacks/web/{OldId}")
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", OldId) })
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("other", OldId) });
            heat.On(HttpMethod.Get, $"stacks/web/{NewId}").Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", NewId) });
            var client = heat.Client();
            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            var second = await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            Assert.Equal("web", second.StackName);
            Assert.Equal(NewId, second.Id);
        }

        [Fact]
        public async Task Resolve_AlwaysAsksHeat_SoAnActionGoesToTheStackOfThatNameNow()
        {
            // What is resolved is acted on, or read at routes Heat answers for a deleted stack too: never a remembered id.
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId);
            heat.On(HttpMethod.Post, $"stacks/web/{NewId}/actions").Status(HttpStatusCode.OK);
            var client = heat.Client();
            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            var resolved = await client.Stacks.ResolveAsync(StackRef.FromNameOrId("web"), default);
            await client.Stacks.ActionAsync(resolved, StackAction.Suspend, default);

            Assert.Equal(NewId, resolved.StackId);
            Assert.Equal(new[] { "GET stacks/web", $"POST stacks/web/{NewId}/actions" }, heat.Log.Skip(2));
            Assert.True(client.Session.StackNames.TryGet("web", out var remembered));
            Assert.Equal(NewId, remembered.StackId);
        }

        [Fact]
        public async Task Delete_ForgetsTheName()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", OldId)).DeletesStack("web", OldId);
            var client = heat.Client();
            var resolved = await client.Stacks.ResolveAsync(StackRef.FromNameOrId("web"), default);
            Assert.True(client.Session.StackNames.TryGet("web", out _));

            await client.Stacks.DeleteAsync(resolved, default);

            Assert.False(client.Session.StackNames.TryGet("web", out _));
        }

        [Fact]
        public async Task Abandon_ForgetsTheName()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", OldId));
            heat.On(HttpMethod.Delete, $"stacks/web/{OldId}/abandon").Json(HttpStatusCode.OK, new JObject { ["name"] = "web", ["id"] = OldId });
            var client = heat.Client();
            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            await client.StackData.AbandonAsync(StackRef.FromNameOrId("web"), default);

            Assert.False(client.Session.StackNames.TryGet("web", out _));
        }

        [Fact]
        public async Task Create_RemembersTheNewId()
        {
            var heat = new FakeHeat().CreatesStack("web", NewId).RecreatesStack("web", OldId, NewId);
            var client = heat.Client();
            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            await client.Stacks.CreateAsync(new CreateStackRequest { StackName = "web", Template = new TemplateBundle { Template = JObject.Parse("{\"heat_template_version\": \"2018-08-31\"}") } }, default);
            var read = await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            Assert.Equal(NewId, read.Id);
            Assert.Equal($"GET stacks/web/{NewId}", heat.Log.Last());
            Assert.Equal(1, heat.Log.Count(r => r == "GET stacks/web"));
        }

        [Fact]
        public async Task TwoSessions_DoNotShareWhatTheyRemember()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", OldId));
            await heat.Client().Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            await heat.Client().Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            Assert.Equal(2, heat.Log.Count(r => r == "GET stacks/web"));
        }

        [Fact]
        public async Task Disconnect_ForgetsEveryName()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", OldId));
            var client = heat.Client();
            await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            client.Session.Dispose();

            Assert.Equal(0, client.Session.StackNames.Count);
        }

        [Fact]
        public async Task ConcurrentReaders_OfOneSession_EachGetTheirStack()
        {
            var heat = new FakeHeat();
            for (int i = 0; i < 20; i++) heat.ShowsStack(HeatFixtures.StackDetail("s" + i, $"id-{i}"));
            var session = heat.TokenSession();

            var reads = Enumerable.Range(0, 400).Select(n => Task.Run(async () =>
            {
                var name = "s" + (n % 20);
                var stack = await new HeatClient(session).Stacks.GetAsync(StackRef.FromNameOrId(name), default);
                return (name, stack);
            })).ToArray();
            var results = await Task.WhenAll(reads);

            Assert.All(results, r => Assert.Equal("id-" + r.name.Substring(1), r.stack.Id));
            Assert.Equal(20, session.StackNames.Count);
        }

        [Fact]
        public void Cache_ManyThreadsAtOnce_StaysWithinItsBoundAndConsistent()
        {
            var cache = new StackNameCache(capacity: 64);
            var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            var threads = Enumerable.Range(0, 4).Select(t => new System.Threading.Thread(() =>
            {
                try
                {
                    for (int n = 0; n < 300_000; n++)
                    {
                        var name = "s" + ((n * 7 + t * 13) % 500);
                        if (n % 11 == 0) cache.Forget(new StackRef(name, null));
                        else if (n % 3 != 0) cache.Remember(new StackRef(name, "id-" + name));
                        else if (cache.TryGet(name, out var found)) Assert.Equal("id-" + name, found.StackId);
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Empty(failures);
            Assert.InRange(cache.Count, 0, 64);
            // Whatever the threads left, the order of eviction still matches the entries: 64 new names evict all of them.
            for (int i = 0; i < 64; i++) cache.Remember(new StackRef("z" + i, "id-z" + i));
            Assert.Equal(64, cache.Count);
            Assert.All(Enumerable.Range(0, 64), i => Assert.True(cache.TryGet("z" + i, out _)));
        }

        [Fact]
        public void Cache_PastItsCapacity_ForgetsTheOldestFirst()
        {
            var cache = new StackNameCache(capacity: 3);
            foreach (var name in new[] { "a", "b", "c", "d" }) cache.Remember(new StackRef(name, "id-" + name));
            cache.Remember(new StackRef("b", "id-b2"));
            cache.Remember(new StackRef("e", "id-e"));

            Assert.Equal(3, cache.Count);
            Assert.False(cache.TryGet("a", out _));
            Assert.False(cache.TryGet("c", out _));
            Assert.True(cache.TryGet("b", out var b));
            Assert.Equal("id-b2", b.StackId);
            Assert.True(cache.TryGet("d", out _));
            Assert.True(cache.TryGet("e", out _));
        }

        [Fact]
        public void Session_RemembersAtMostItsBound()
        {
            var heat = new FakeHeat();
            var session = heat.TokenSession();
            for (int i = 0; i < StackNameCache.DefaultCapacity + 100; i++) session.StackNames.Remember(new StackRef("s" + i, "id-" + i));

            Assert.Equal(StackNameCache.DefaultCapacity, session.StackNames.Count);
            Assert.False(session.StackNames.TryGet("s0", out _));
        }

        [Fact]
        public void Forget_KeepsANewerStackOfTheSameName()
        {
            var cache = new StackNameCache();
            cache.Remember(new StackRef("web", NewId));

            cache.Forget(new StackRef("web", OldId));

            Assert.True(cache.TryGet("web", out var kept));
            Assert.Equal(NewId, kept.StackId);
        }
    }
}
