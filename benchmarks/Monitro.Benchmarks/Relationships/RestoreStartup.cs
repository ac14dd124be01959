using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Alerting.State;
using Monitro.Diagnostics;
using Monitro.Pipeline;
using Monitro.Relationships;
using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// <c>restore prepare|full|snapshots|read|read-recent [interactions] [folder]</c>: the start-up restore of the relationships from a
/// SQLite file, as a user's process sees it, from opening the store to the registry being ready, with the pipeline's
/// own restorers. <c>full</c> is the start-up before the snapshots (every stored interaction replayed);
/// <c>snapshots</c> is today's (the stored snapshots read and used, the interactions after them replayed); <c>read</c>
/// only reads the stored history, as both do, and builds nothing: the part of a start-up that snapshots cannot cut
/// while the registry holds every interaction of every person; <c>read-recent</c> reads what a start that loaded each
/// person's older history only on first touch would read (the alert-state rows, and the interactions from the earliest
/// snapshot's moment on, <see cref="IRecentInteractionHistory"/>) and builds nothing either. The file,
/// <see cref="RestoreHistoryFile"/>, is written by <c>prepare</c> (once; later calls find it ready). Each run prints
/// its time, its allocations and the top relationships it restored, which must be the same for both.
/// </summary>
/// <remarks>A plain process, not a BenchmarkDotNet benchmark: one restore at this size takes tens of seconds, beyond what an in-process BenchmarkDotNet job allows.</remarks>
internal static class RestoreStartup
{
    public static int Run(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0 || arguments[0] is not ("prepare" or "full" or "snapshots" or "read" or "read-recent"))
        {
            Console.Error.WriteLine("usage: restore prepare|full|snapshots|read|read-recent [interactions] [folder]");
            return 2;
        }

        var interactions = arguments.Count > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = arguments.Count > 2 ? arguments[2] : Path.Combine(Path.GetTempPath(), "monitro-restore");
        var file = new RestoreHistoryFile(folder, interactions);
        if (arguments[0] == "prepare")
        {
            file.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine("ready: " + file.Path);
            return 0;
        }

        if (!file.IsReady)
        {
            Console.Error.WriteLine($"{file.Path} is not ready: run `restore prepare {interactions} {folder}` first.");
            return 2;
        }

        if (arguments[0] is "read" or "read-recent")
        {
            ReadAsync(file, recent: arguments[0] == "read-recent").GetAwaiter().GetResult();
            return 0;
        }

        RestoreAsync(file, useSnapshots: arguments[0] == "snapshots").GetAwaiter().GetResult();
        return 0;
    }

    // The read of the history alone, paged as the restorer pages it: every interaction and its person decoded, nothing built.
    // Recent: the alert-state rows, then only the interactions from the earliest current snapshot's moment on.
    private static async Task ReadAsync(RestoreHistoryFile file, bool recent)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        using var store = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = file.Path });
        await store.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        DateTimeOffset? since = null;
        var snapshots = 0;
        if (recent)
        {
            var parameters = new RelationshipParameters(new RelationshipOptions()).Hash;
            foreach (var row in await store.GetAlertStateAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (PersonSnapshot.Read(row) is { } snapshot && snapshot.IsCurrent(parameters))
                {
                    snapshots++;
                    since = since is { } earliest && earliest <= snapshot.AsOf ? earliest : snapshot.AsOf;
                }
            }
        }

        var count = 0L;
        var page = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var read = since is { } from
                ? await store.GetInteractionsSinceAsync(from, page, CancellationToken.None).ConfigureAwait(false)
                : await store.GetInteractionsAsync(page, CancellationToken.None).ConfigureAwait(false);
            count += read.Items.Count;
            if (read.ContinuationToken is null)
            {
                break;
            }

            page = page with { ContinuationToken = read.ContinuationToken };
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(recent ? "read-recent" : "read")}: {elapsed.TotalSeconds:0.00} s, {allocated / 1e6:0} MB allocated; {snapshots} snapshots, {count} interactions"));
    }

    private static async Task RestoreAsync(RestoreHistoryFile file, bool useSnapshots)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        using var store = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = file.Path });
        await store.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        var registry = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var services = new PipelineServices(
            [], new MentionMatcher(), store, store, [], registry, null, null, new MonitroOptions(), TimeProvider.System,
            new MonitroMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), NullLogger.Instance);
        if (useSnapshots)
        {
            await new AlertStateRestorer(store).RestoreAsync(services, CancellationToken.None).ConfigureAwait(false);
        }

        await new RelationshipRestorer(store).RestoreAsync(services, CancellationToken.None).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var asOf = SyntheticInteractions.Start.AddSeconds(file.Interactions * 6.0);
        var top = string.Join(", ", registry.GetTop(5, asOf).Select(snapshot => string.Create(CultureInfo.InvariantCulture, $"{snapshot.PersonId} {snapshot.Bond:0.####} {snapshot.OpenItems}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(useSnapshots ? "snapshots" : "full")}: {elapsed.TotalSeconds:0.00} s, {allocated / 1e6:0} MB allocated; top: {top}"));
    }
}
