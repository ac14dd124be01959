namespace Monitro.Relationships;

/// <summary>Exponential decay by half-life; events in the future (clock skew) count in full.</summary>
internal static class Decay
{
    public static double Factor(DateTimeOffset occurredAt, DateTimeOffset asOf, TimeSpan halfLife)
    {
        var age = asOf - occurredAt;
        return age <= TimeSpan.Zero ? 1.0 : Math.Pow(0.5, age / halfLife);
    }
}
