namespace Monitro.Storage.Shared;

/// <summary>The checks and bounds of a stored-post read, in the stores' millisecond times.</summary>
internal static class StoredPostReads
{
    /// <summary>Checks a query and returns its bounds in Unix milliseconds (no bound as the extreme values).</summary>
    public static (long From, long Until, long? AfterTime, string? AfterId) Bounds(StoredPostQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, StoredPostQuery.MaxLimit, nameof(query));
        return (
            query.From is { } from ? from.ToUnixTimeMilliseconds() : long.MinValue,
            query.Until is { } until ? until.ToUnixTimeMilliseconds() : long.MaxValue,
            query.After is { } after ? after.CreatedAt.ToUnixTimeMilliseconds() : null,
            query.After?.PostId);
    }
}
