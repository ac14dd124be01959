namespace Monitro.Relationships;

/// <summary>The order a store returns a history in, (moment to the millisecond as stored, then id ordinal), for histories read in parts and put together.</summary>
internal static class HistoryOrder
{
    /// <summary>Compares two stored interactions by that order.</summary>
    public static int Compare(RecordedInteraction first, RecordedInteraction second)
    {
        var byMoment = first.Interaction.OccurredAt.ToUnixTimeMilliseconds().CompareTo(second.Interaction.OccurredAt.ToUnixTimeMilliseconds());
        return byMoment != 0 ? byMoment : string.CompareOrdinal(first.Interaction.Id, second.Interaction.Id);
    }
}
