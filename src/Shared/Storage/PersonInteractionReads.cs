namespace Monitro.Storage.Shared;

/// <summary>The argument checks of <see cref="IPersonInteractions"/>, alike in every store.</summary>
internal static class PersonInteractionReads
{
    /// <summary>Checks the person, the period and the limit.</summary>
    public static void Check(string personId, InsightPeriod period, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        period.Check(nameof(period));
        InsightResults.CheckLimit(limit, IPersonInteractions.MaxInteractions, nameof(limit));
    }
}
