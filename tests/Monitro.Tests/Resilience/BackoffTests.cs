
namespace Monitro.Tests.Resilience;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(6, 160)]
    [InlineData(7, 300)]
    [InlineData(1_000, 300)]
    public void Delay_WithoutJitter_DoublesPerFailureUpToTheCap(int failures, int expectedSeconds)
    {
        var delay = Backoff.Delay(failures, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void Delay_WithJitter_IsShortenedByAtMostThatShareAndNeverExceedsTheCap()
    {
        var delays = Enumerable.Range(0, 1_000).Select(i => Backoff.Delay(1 + (i % 12), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 0.2)).ToList();

        for (var i = 0; i < delays.Count; i++)
        {
            var full = Backoff.Delay(1 + (i % 12), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
            Assert.InRange(delays[i], full * 0.8, full);
        }

        // Spread, not one fixed value: sources failing together must not retry together.
        Assert.True(delays.Where((_, i) => i % 12 == 11).Distinct().Count() > 10);
    }

    [Fact]
    public void Delay_HugeFailureCountsAndDelays_DoNotOverflow()
    {
        Assert.Equal(TimeSpan.MaxValue, Backoff.Delay(int.MaxValue, TimeSpan.FromDays(1), TimeSpan.MaxValue));
        Assert.Equal(TimeSpan.FromDays(1), Backoff.Delay(100, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Delay_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(1, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 1.5));
    }
}
