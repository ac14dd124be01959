namespace Monitro.CrashHarness;

/// <summary>The system clock moved forward, so that a restarted run sees the leases of a killed run as expired.</summary>
internal sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
