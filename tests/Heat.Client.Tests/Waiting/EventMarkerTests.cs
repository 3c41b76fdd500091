using System.Threading.Tasks;
using Heat.Client.Models;
using Xunit;
using static Heat.Client.Tests.Waiting.WaitFacts;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>A wait reads only the events after its marker, and the marker moves past what it read.</summary>
    public class EventMarkerTests
    {
        [Fact]
        public async Task AMarkerTakenBeforeTheAction_IsWhereTheWaitStarts_WithoutAskingHeat()
        {
            bool asked = false;

            var marker = await EventMarker.StartAsync(new StackWatchOptions { Marker = "ev-7" }, () => { asked = true; return Task.FromResult("ev-9"); });

            Assert.Equal("ev-7", marker.Value);
            Assert.False(asked);
        }

        [Fact]
        public async Task ANewStack_StartsAtItsFirstEvent_WithoutAskingHeat()
        {
            bool asked = false;

            var marker = await EventMarker.StartAsync(new StackWatchOptions { IsNew = true }, () => { asked = true; return Task.FromResult("ev-9"); });

            Assert.Null(marker.Value);
            Assert.False(asked);
        }

        [Fact]
        public async Task AnExistingStackWithoutAMarker_StartsAfterItsNewestEvent_SoItsHistoryIsNeverRead()
        {
            var marker = await EventMarker.StartAsync(new StackWatchOptions(), () => Task.FromResult("ev-9"));

            Assert.Equal("ev-9", marker.Value);
        }

        [Fact]
        public void ItMovesPastTheNewestEventRead()
        {
            var marker = new EventMarker("ev-1");

            marker.MovePast(new[] { Event("ev-2", "a", "CREATE_IN_PROGRESS"), Event("ev-3", "a", "CREATE_COMPLETE") });

            Assert.Equal("ev-3", marker.Value);
        }

        [Fact]
        public void NoEvents_OrAnEventWithoutAnId_LeaveItWhereItWas()
        {
            var marker = new EventMarker("ev-1");

            marker.MovePast(new HeatEvent[0]);
            marker.MovePast(new[] { Event(null, "a", "CREATE_COMPLETE") });

            Assert.Equal("ev-1", marker.Value);
        }
    }
}
