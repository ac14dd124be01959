using Monitro.Alerting.Delivery;

namespace Monitro.Tests.Delivery;

/// <summary>The arithmetic of the default delivery policy, as docs/webhooks.md states it.</summary>
public sealed class DeliveryRetryPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Backoff_Defaults_DoublesFromOneSecondUpToFiveMinutes()
    {
        var policy = new DeliveryRetryPolicy(new MonitroOptions());

        var waits = Enumerable.Range(1, 12).Select(policy.Backoff).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300], waits.Select(w => (int)w.TotalSeconds));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.75)]
    [InlineData(1.0, 1.0)]
    public void NextAttempt_Jitter_WaitsBetweenHalfAndAllOfTheBackoff(double random, double share)
    {
        var policy = new DeliveryRetryPolicy(new MonitroOptions(), () => random);

        var next = policy.NextAttempt(attempt: 3, Start, Start, retryAfter: null);

        Assert.Equal(Start + TimeSpan.FromSeconds(4 * share), next);
    }

    [Fact]
    public void NextAttempt_RetryAfterLongerThanTheBackoff_WaitsAsAsked()
    {
        var policy = new DeliveryRetryPolicy(new MonitroOptions(), () => 1.0);

        Assert.Equal(Start + TimeSpan.FromMinutes(10), policy.NextAttempt(1, Start, Start, TimeSpan.FromMinutes(10)));
        Assert.Equal(Start + TimeSpan.FromSeconds(1), policy.NextAttempt(1, Start, Start, TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void NextAttempt_Defaults_RideOutAnHourAndGiveUpOnlyAfterSixHours()
    {
        // The slowest schedule (every wait at its full length) and the fastest (every wait halved). No wait is longer
        // than five minutes, so an alert is tried again at most five minutes after a receiver comes back.
        foreach (var random in new[] { 1.0, 0.0 })
        {
            var policy = new DeliveryRetryPolicy(new MonitroOptions(), () => random);
            var now = Start;
            var attempt = 0;
            DateTimeOffset? next = Start;
            while (next is { } due)
            {
                now = due;
                attempt++;
                next = policy.NextAttempt(attempt, now, Start, retryAfter: null);
                if (next is { } following)
                {
                    Assert.True(following - now <= TimeSpan.FromMinutes(5), "no wait is longer than the cap");
                }
            }

            // The last attempt falls within the last five minutes of the six-hour window, far below the attempt cap.
            Assert.InRange(now - Start, TimeSpan.FromHours(6) - TimeSpan.FromMinutes(5), TimeSpan.FromHours(6));
            Assert.InRange(attempt, random == 1.0 ? 79 : 150, random == 1.0 ? 81 : 155);
        }
    }

    [Fact]
    public void NextAttempt_AtTheAttemptCap_GivesUp()
    {
        var policy = new DeliveryRetryPolicy(new MonitroOptions { SinkMaxAttempts = 3 });

        Assert.NotNull(policy.NextAttempt(2, Start, Start, null));
        Assert.Null(policy.NextAttempt(3, Start, Start, null));
    }
}
