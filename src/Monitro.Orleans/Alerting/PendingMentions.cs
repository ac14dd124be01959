using System.Globalization;

namespace Monitro.Orleans.Alerting;

/// <summary>
/// The mentions a lease stored for a tenant with alert rules and the tenant's alert grain has not routed yet: alert-state
/// rows naming the mention, one scope per lease commit (<c>cluster-alert-pending|source|epoch|batch</c>), written in
/// that commit and cleared by the grain in the commit that routes them.
/// </summary>
/// <remarks>
/// <para>One scope per commit, because a scope is cleared whole: a grain clears only scopes it read whole, never rows a lease
/// added after its read. The rows name the mention, so they are read back with it and not at all once it is gone.</para>
/// <para>The rows are due from the start of time (<see cref="DueAt"/>, the Unix epoch): the grain reads them by the stores'
/// index on the due time bounded at that moment, which returns these rows and no other (a wake-up or an alert check is
/// due at a real moment), so a routing reads the mentions waiting, not the tenant's open windows; and the cluster's
/// clock finds a tenant with mentions left waiting due at once.</para>
/// </remarks>
internal static class PendingMentions
{
    /// <summary>The start of every pending scope.</summary>
    public const string Prefix = "cluster-alert-pending|";

    /// <summary>The due time of every pending row: the Unix epoch, earlier than any real moment.</summary>
    public static readonly DateTimeOffset DueAt = DateTimeOffset.UnixEpoch;

    // Rows read per page: a lease commit is one scope, so a page usually holds several commits' mentions.
    private const int PageSize = 1000;

    /// <summary>Gets the scope of the mentions of one lease commit.</summary>
    public static string ScopeOf(string sourceName, long epoch, long batch) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{sourceName}|{epoch}|{batch}");

    /// <summary>Gets the rows that keep mentions pending.</summary>
    public static List<AlertStateRow> Rows(string scope, IEnumerable<Mention> mentions) =>
        [.. mentions.Select(mention => new AlertStateRow { Scope = scope, Item = mention.Id, PersonId = mention.Post.Author.IdentityKey, RefersToMention = true, DueAt = DueAt })];

    /// <summary>Reads the pending rows of a tenant's store by the due index, page by page: the rows waiting and no other.</summary>
    public static async Task<List<AlertStateRow>> ReadAsync(IDueAlertStateStore store, CancellationToken cancellationToken)
    {
        var rows = new List<AlertStateRow>();
        while (true)
        {
            var page = await store.GetDueAlertStateAsync(DueAt, PageSize, rows.Count == 0 ? null : rows[^1], cancellationToken).ConfigureAwait(false);
            rows.AddRange(page);
            if (page.Count < PageSize)
            {
                return rows;
            }
        }
    }

    /// <summary>Reads the pending mentions out of a tenant's stored rows, by scope, in the order of the scopes.</summary>
    public static List<(string Scope, List<Mention> Mentions)> Read(IReadOnlyList<AlertStateRow> rows) =>
        [.. rows
            .Where(static row => row.Mention is not null && row.Scope.StartsWith(Prefix, StringComparison.Ordinal))
            .GroupBy(static row => row.Scope, StringComparer.Ordinal)
            .OrderBy(static group => group.Key, StringComparer.Ordinal)
            .Select(static group => (group.Key, group.Select(static row => row.Mention!).ToList()))];
}
