namespace Monitro;

/// <summary>
/// The exponential backoff every Monitro retry uses (a failing poll, a dropped stream, a failed source read, an alert
/// delivery): the first delay, doubled per further failure, capped, optionally spread by jitter.
/// </summary>
public static class Backoff
{
    /// <summary>The jitter Monitro's sources use: a wait is shortened by up to a fifth.</summary>
    public const double RecommendedJitter = 0.2;

    /// <summary>Gets the wait before the next attempt after <paramref name="failures"/> failures in a row.</summary>
    /// <param name="failures">The failures in a row so far, at least 1.</param>
    /// <param name="initialDelay">The wait after the first failure.</param>
    /// <param name="maxDelay">The longest wait; the result never exceeds it.</param>
    /// <param name="jitter">
    /// The share (0 to 1) by which the wait is randomly shortened, so that many clients failing together do not retry
    /// together; 0 for none.
    /// </param>
    /// <returns><paramref name="initialDelay"/> × 2^(<paramref name="failures"/> − 1), at most <paramref name="maxDelay"/>, less up to <paramref name="jitter"/> of it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failures"/> is below 1, a delay is negative, or <paramref name="jitter"/> is outside 0..1.</exception>
    public static TimeSpan Delay(int failures, TimeSpan initialDelay, TimeSpan maxDelay, double jitter = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failures);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);

        // Doubles are exact enough here and cannot overflow the way ticks × 2^n would.
        var ticks = initialDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 62));
        var delay = ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
        if (jitter == 0)
        {
            return delay;
        }

#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        return delay * (1 - (Random.Shared.NextDouble() * jitter));
#pragma warning restore CA5394
    }
}
