using System.Diagnostics;
using System.Globalization;
using Monitro.Alerting.State;
using Monitro.Relationships;
using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// <c>restore read-totals [interactions] [folder]</c>: what a start that checks each stored snapshot against its
/// person's totals reads before it builds anything, on the file of <c>restore prepare</c> (see <see cref="RestoreStartup"/>):
/// the alert-state rows (the current snapshots among them decoded) and every identity's count, fingerprint and latest
/// moment (<see cref="IInteractionTotals"/>), paged as a start pages them. It builds nothing, like <c>read</c> and
/// <c>read-recent</c>, and prints its time, its allocations and what it read.
/// </summary>
internal static class RestoreTotalsRead
{
    public static int Run(IReadOnlyList<string> arguments)
    {
        var interactions = arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = arguments.Count > 1 ? arguments[1] : Path.Combine(Path.GetTempPath(), "monitro-restore");
        var file = new RestoreHistoryFile(folder, interactions);
        if (!file.IsReady)
        {
            Console.Error.WriteLine($"{file.Path} is not ready: run `restore prepare {interactions} {folder}` first.");
            return 2;
        }

        ReadAsync(file).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task ReadAsync(RestoreHistoryFile file)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        using var store = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = file.Path });
        await store.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        var parameters = new RelationshipParameters(new RelationshipOptions()).Hash;
        var snapshots = 0;
        foreach (var row in await store.GetAlertStateAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (PersonSnapshot.Read(row) is { } snapshot && snapshot.IsCurrent(parameters))
            {
                snapshots++;
            }
        }

        var identities = 0L;
        var counted = 0L;
        var page = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var read = await store.GetInteractionTotalsAsync(page, CancellationToken.None).ConfigureAwait(false);
            identities += read.Items.Count;
            counted += read.Items.Sum(totals => totals.Count);
            if (read.ContinuationToken is null)
            {
                break;
            }

            page = page with { ContinuationToken = read.ContinuationToken };
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"read-totals: {elapsed.TotalSeconds:0.00} s, {allocated / 1e6:0} MB allocated; {snapshots} snapshots, totals of {identities} identities counting {counted} interactions"));
    }
}
