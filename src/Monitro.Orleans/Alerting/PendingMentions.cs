using System.Globalization;

namespace Monitro.Orleans.Alerting;

/// <summary>
/// What a lease stored for a tenant with alert rules and the tenant's alert grain has not routed yet: alert-state rows
/// naming each new mention (with its author's relationship role when the lease read it), and rows naming each post the
/// source retracted when the tenant raises retraction alerts; one scope per lease commit
/// (<c>cluster-alert-pending|source|epoch|batch</c>, and the same with <c>|retracted</c> for the retractions), written
/// in that commit and cleared by the grain in the commit that routes them.
/// </summary>
/// <remarks>
/// <para>One scope per commit, because a scope is cleared whole: a grain clears only scopes it read whole, never rows a lease
/// added after its read. The mention rows name the mention, so they are read back with it and not at all once it is
/// gone; the retractions have their own scope, so a post id can never be taken for a mention id.</para>
/// <para>The rows are due from the start of time (<see cref="DueAt"/>, the Unix epoch): the grain reads them by the stores'
/// index on the due time bounded at that moment, which returns these rows and no other (a wake-up or an alert check is
/// due at a real moment), so a routing reads what is waiting, not the tenant's open windows; and the cluster's
/// clock finds a tenant with mentions or retractions left waiting due at once.</para>
/// </remarks>
internal static class PendingMentions
{
    /// <summary>The start of every pending scope.</summary>
    public const string Prefix = "cluster-alert-pending|";

    private const string Retracted = "|retracted";

    /// <summary>The due time of every pending row: the Unix epoch, earlier than any real moment.</summary>
    public static readonly DateTimeOffset DueAt = DateTimeOffset.UnixEpoch;

    // Rows read per page: a lease commit is one scope, so a page usually holds several commits' mentions.
    private const int PageSize = 1000;

    /// <summary>Gets the scope of the mentions of one lease commit.</summary>
    public static string ScopeOf(string sourceName, long epoch, long batch) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{sourceName}|{epoch}|{batch}");

    /// <summary>Gets the rows that keep mentions pending, each with its author's role when known.</summary>
    public static List<AlertStateRow> Rows(string scope, IEnumerable<Mention> mentions, IReadOnlyDictionary<string, string?> roles) =>
        [.. mentions.Select(mention => new AlertStateRow
        {
            Scope = scope,
            Item = mention.Id,
            PersonId = mention.Post.Author.IdentityKey,
            RefersToMention = true,
            Payload = roles.GetValueOrDefault(mention.Post.Author.IdentityKey),
            DueAt = DueAt,
        })];

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

    /// <summary>Gets the rows that keep a commit's retractions pending.</summary>
    public static List<AlertStateRow> RetractionRows(string scope, IEnumerable<string> postIds) =>
        [.. postIds.Distinct(StringComparer.Ordinal).Select(postId => new AlertStateRow { Scope = scope + Retracted, Item = postId, DueAt = DueAt })];

    /// <summary>Reads what is pending out of a tenant's stored rows, one entry per lease commit, in the order of the scopes.</summary>
    public static List<PendingBatch> Read(IReadOnlyList<AlertStateRow> rows)
    {
        var batches = new SortedDictionary<string, PendingBatch>(StringComparer.Ordinal);
        foreach (var row in rows.Where(static row => row.Scope.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var retraction = !row.RefersToMention && row.Scope.EndsWith(Retracted, StringComparison.Ordinal);
            if (row.Mention is null && !retraction)
            {
                continue;
            }

            var key = retraction ? row.Scope[..^Retracted.Length] : row.Scope;
            if (!batches.TryGetValue(key, out var batch))
            {
                batches[key] = batch = new PendingBatch([], new Dictionary<string, string>(StringComparer.Ordinal), [], []);
            }

            if (!batch.Scopes.Contains(row.Scope))
            {
                batch.Scopes.Add(row.Scope);
            }

            if (retraction)
            {
                batch.Retractions.Add(row.Item);
            }
            else
            {
                batch.Mentions.Add(row.Mention!);
                if (row.Payload is { } role)
                {
                    batch.Roles[row.Mention!.Id] = role;
                }
            }
        }

        return [.. batches.Values];
    }
}
