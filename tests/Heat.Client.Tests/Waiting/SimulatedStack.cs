using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>
    /// One stack as Heat shows it over time, served by a FakeServer: its status, its events (with Heat's marker paging),
    /// its resources. Each read of new events moves it one step along a script, as time would.
    /// </summary>
    internal sealed class SimulatedStack
    {
        private readonly object _lock = new object();
        private readonly List<JObject> _events = new List<JObject>();
        private readonly Queue<Action> _script = new Queue<Action>();
        private int _nextEvent;

        public SimulatedStack(string status = "CREATE_IN_PROGRESS", params string[] resources)
        {
            Status = status;
            Resources = resources;
        }

        public const string Name = "web";
        public const string Id = "5e0c1f2a";

        public string Status { get; set; }

        public string Reason { get; set; } = "state changed";

        public string[] Resources { get; }

        /// <summary>When true the stack answers 404 (deleted and forgotten).</summary>
        public bool Gone { get; set; }

        /// <summary>When true every request is answered 503 (Heat restarting behind a proxy).</summary>
        public bool Down { get; set; }

        public int StackReads;
        public int EventReads;
        public readonly List<string> MarkersAsked = new List<string>();

        public SimulatedStack Then(Action step)
        {
            _script.Enqueue(step);
            return this;
        }

        /// <summary>Adds an event of a resource (or of the stack itself, when the resource is the stack's name).</summary>
        public void Event(string resource, string status, string reason = "state changed")
        {
            lock (_lock)
            {
                _nextEvent++;
                _events.Add(new JObject
                {
                    ["id"] = "ev-" + _nextEvent.ToString("D3"),
                    ["event_time"] = "2026-11-25T10:00:" + (_nextEvent % 60).ToString("D2"),
                    ["resource_name"] = resource,
                    ["logical_resource_id"] = resource,
                    ["physical_resource_id"] = resource == Name ? Id : "phys-" + resource,
                    ["resource_status"] = status,
                    ["resource_status_reason"] = reason,
                    ["links"] = new JArray(new JObject { ["rel"] = "stack", ["href"] = "http://heat/v1/p1/stacks/" + Name + "/" + Id }),
                });
                if (resource == Name) Status = status;
            }
        }

        public IReadOnlyList<string> EventIds
        {
            get
            {
                lock (_lock) return _events.Select(e => (string)e["id"]).ToList();
            }
        }

        public FakeReply Handle(FakeRequest request)
        {
            if (Down) return FakeReply.Text("Service Unavailable", status: 503);
            if (Gone) return FakeReply.Json("{\"error\": {\"message\": \"The Stack (web) could not be found.\"}}", 404);
            var path = request.Path;
            var query = request.Query.Split('&').Where(p => p.Contains('=')).ToDictionary(p => p.Split('=')[0], p => Uri.UnescapeDataString(p.Split('=')[1]));
            lock (_lock)
            {
                if (path.EndsWith("/events"))
                {
                    if (query.TryGetValue("sort_dir", out var dir) && dir == "desc")
                    {
                        var newest = _events.LastOrDefault();
                        return FakeReply.Json(new JObject { ["events"] = newest == null ? new JArray() : new JArray(newest) }.ToString());
                    }
                    Interlocked.Increment(ref EventReads);
                    query.TryGetValue("marker", out var marker);
                    MarkersAsked.Add(marker);
                    if (_script.Count > 0) _script.Dequeue()();
                    var after = marker == null ? _events : _events.SkipWhile(e => (string)e["id"] != marker).Skip(1);
                    return FakeReply.Json(new JObject { ["events"] = new JArray(after.Take(100)) }.ToString());
                }
                if (path.EndsWith("/resources"))
                {
                    return FakeReply.Json(new JObject { ["resources"] = new JArray(Resources.Select(r => new JObject
                    {
                        ["resource_name"] = r, ["resource_type"] = "OS::Heat::TestResource", ["resource_status"] = "INIT_COMPLETE", ["links"] = new JArray(),
                    })) }.ToString());
                }
                if (path.EndsWith("/stacks"))
                {
                    var listed = Status == "DELETE_COMPLETE" ? new JArray() : new JArray(StackJson());
                    return FakeReply.Json(new JObject { ["stacks"] = listed }.ToString());
                }
                Interlocked.Increment(ref StackReads);
                return FakeReply.Json(new JObject { ["stack"] = StackJson() }.ToString());
            }
        }

        private JObject StackJson() => new JObject
        {
            ["id"] = Id,
            ["stack_name"] = Name,
            ["stack_status"] = Status,
            ["stack_status_reason"] = Reason,
            ["links"] = new JArray(),
        };
    }
}
