using System.Globalization;
using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// The benchmark file's store as a lazy start reads it: its history, one person's history, and per-identity totals,
/// which come from the store when it keeps them (<see cref="IInteractionTotals"/>) and otherwise from the side file that
/// <c>restore prepare</c> writes beside the database (one line per identity, as a store's totals table holds them).
/// </summary>
internal sealed class LazyStartStore(SqliteMonitroStore store, string totalsFile) : IInteractionHistory, IPersonInteractionHistory, IInteractionTotals
{
    private List<InteractionTotals>? _totals;
    private long _interactionsRead;

    /// <summary>Gets the number of interactions read through either history.</summary>
    public long InteractionsRead => Interlocked.Read(ref _interactionsRead);

    /// <summary>Writes the totals of a seeded history to a side file, unless it exists.</summary>
    public static async Task WriteTotalsAsync(string path, SyntheticInteractions seeded, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return;
        }

        var lines = seeded.Interactions
            .GroupBy(interaction => interaction.PersonId, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => string.Create(
                CultureInfo.InvariantCulture,
                $"{group.Key}\t{group.Count()}\t{group.Aggregate(0UL, (sum, interaction) => unchecked(sum + InteractionFingerprint.Of(interaction.Id)))}\t{group.Max(interaction => interaction.OccurredAt).ToUnixTimeMilliseconds()}"));
        await File.WriteAllLinesAsync(path + ".part", lines, cancellationToken).ConfigureAwait(false);
        File.Move(path + ".part", path);
    }

    public async ValueTask<Page<RecordedInteraction>> GetInteractionsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var read = await store.GetInteractionsAsync(page, cancellationToken).ConfigureAwait(false);
        _ = Interlocked.Add(ref _interactionsRead, read.Items.Count);
        return read;
    }

    public async ValueTask<Page<RecordedInteraction>> GetInteractionsOfAsync(string personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var read = await store.GetInteractionsOfAsync(personId, page, cancellationToken).ConfigureAwait(false);
        _ = Interlocked.Add(ref _interactionsRead, read.Items.Count);
        return read;
    }

    public async ValueTask<Page<InteractionTotals>> GetInteractionTotalsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        if (TotalsOf(store) is { } kept)
        {
            return await kept.GetInteractionTotalsAsync(page, cancellationToken).ConfigureAwait(false);
        }

        _totals ??= [.. (await File.ReadAllLinesAsync(totalsFile, cancellationToken).ConfigureAwait(false)).Select(Parse)];
        var from = page.ContinuationToken is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var to = Math.Min(from + page.PageSize, _totals.Count);
        return new Page<InteractionTotals>(_totals[from..to], to < _totals.Count ? to.ToString(CultureInfo.InvariantCulture) : null);
    }

    // The store's own totals, once it keeps them.
    private static IInteractionTotals? TotalsOf(object store) => store as IInteractionTotals;

    private static InteractionTotals Parse(string line)
    {
        var fields = line.Split('\t');
        return new InteractionTotals(
            fields[0],
            long.Parse(fields[1], CultureInfo.InvariantCulture),
            ulong.Parse(fields[2], CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(fields[3], CultureInfo.InvariantCulture)));
    }
}
