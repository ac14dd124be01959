using Microsoft.Extensions.Time.Testing;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Tests.Common;

public sealed class SourceHealthTrackerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private SourceHealthTracker CreateSut() => new("feed", _time, silenceThreshold: TimeSpan.FromHours(1), failureThreshold: 3);

    [Fact]
    public void Snapshot_NoPostForLongerThanTheThreshold_IsSilent()
    {
        var sut = CreateSut();
        sut.RecordSuccess(posts: 0);
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(sut.Snapshot().IsSilent);

        _time.Advance(TimeSpan.FromMinutes(2));

        var status = sut.Snapshot();
        Assert.True(status.IsSilent);
        Assert.False(status.IsHealthy);
    }

    [Fact]
    public void Snapshot_APostArrives_IsNoLongerSilent()
    {
        var sut = CreateSut();
        _time.Advance(TimeSpan.FromHours(2));

        sut.RecordSuccess(posts: 3);

        var status = sut.Snapshot();
        Assert.False(status.IsSilent);
        Assert.Equal(_time.GetUtcNow(), status.LastPostAt);
    }

    [Fact]
    public void Snapshot_FailuresUpToTheThreshold_IsFailingUntilTheNextSuccess()
    {
        var sut = CreateSut();
        sut.RecordFailure("HTTP 500");
        sut.RecordFailure("HTTP 500");
        Assert.False(sut.Snapshot().IsFailing);

        Assert.Equal(3, sut.RecordFailure("HTTP 503"));
        var failing = sut.Snapshot();
        Assert.True(failing.IsFailing);
        Assert.Equal("HTTP 503", failing.LastError);

        sut.RecordSuccess(posts: 0);
        var recovered = sut.Snapshot();
        Assert.False(recovered.IsFailing);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal("HTTP 503", recovered.LastError);
    }
}
