namespace Monitro.Relationships;

/// <summary>
/// Adds a duration to a moment without leaving the calendar: a history may hold moments at its very end (a CRM's
/// placeholder dates, a broken clock), and a due time or wake-up past the last representable moment is simply never.
/// </summary>
internal static class SaturatingTime
{
    /// <summary>Gets the moment <paramref name="duration"/> (not negative) after <paramref name="at"/>, or the last representable moment.</summary>
    public static DateTimeOffset After(DateTimeOffset at, TimeSpan duration) =>
        DateTimeOffset.MaxValue - at > duration ? at + duration : DateTimeOffset.MaxValue;
}
