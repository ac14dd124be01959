namespace Monitro.Samples.QuickStart;

/// <summary>A clock stopped at one moment, so the quick start prints the same output on every run.</summary>
/// <remarks>Only the time of day is fixed; timers still run in real time.</remarks>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
