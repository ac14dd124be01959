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
/// <c>restore prepare|full|snapshots|read|read-recent|lazy[-clean] [interactions] [folder]</c>: the start-up restore of the relationships from a
/// SQLite file, as a user's process sees it, from opening the store to the registry being ready, with the pipeline's
/// own restorers. <c>full</c> is the start-up before the snapshots (every stored interaction replayed);
/// <c>snapshots</c> is today's (the stored snapshots read and used, the interactions after them replayed); <c>read</c>
/// only reads the stored history, as both do, and builds nothing: the part of a start-up that snapshots cannot cut
/// while the registry holds every interaction of every person; <c>read-recent</c> reads what a start that loaded each
/// person's older history only on first touch would read (the alert-state rows, and the interactions from the earliest
/// snapshot's moment on, <see cref="IRecentInteractionHistory"/>) and builds nothing either; <c>lazy</c> is the start that
/// reads the snapshots and the per-identity totals, replays only the people whose snapshot does not fit, and reads the
/// others' interactions in the background (<see cref="LazyStartStore"/>): it prints when the registry was ready and when
/// everyone was loaded. A mode with <c>-clean</c> (<c>prepare-clean</c>, <c>snapshots-clean</c>, <c>lazy-clean</c>, ...) runs
/// on the file whose snapshots cover the whole history, as a clean stop leaves them. The file,
/// <see cref="RestoreHistoryFile"/>, is written by <c>prepare</c> (once; later calls find it ready). Each run prints
/// its time, its allocations and the top relationships it restored, which must be the same for both.
/// </summary>
/// <remarks>A plain process, not a BenchmarkDotNet benchmark: one restore at this size takes tens of seconds, beyond what an in-process BenchmarkDotNet job allows.</remarks>
internal static class RestoreStartup
{
    public static int Run(IReadOnlyList<string> arguments)
    {
        var clean = arguments.Count > 0 && arguments[0].EndsWith("-clean", StringComparison.Ordinal);
        var mode = clean ? arguments[0][..^"-clean".Length] : arguments.Count > 0 ? arguments[0] : "";
        if (mode is not ("prepare" or "full" or "snapshots" or "read" or "read-recent" or "lazy"))
        {
            Console.Error.WriteLine("usage: restore prepare|full|snapshots|read|read-recent|lazy[-clean] [interactions] [folder]");
            return 2;
        }

        var interactions = arguments.Count > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = arguments.Count > 2 ? arguments[2] : Path.Combine(Path.GetTempPath(), "monitro-restore");
        var file = new RestoreHistoryFile(folder, interactions, clean);
        if (mode == "prepare")
        {
            file.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine("ready: " + file.Path);
            return 0;
        }

        if (!file.IsReady)
        {
            Console.Error.WriteLine($"{file.Path} is not ready: run `restore prepare{(clean ? "-clean" : "")} {interactions} {folder}` first.");
            return 2;
        }

        if (mode is "read" or "read-recent")
        {
            ReadAsync(file, recent: mode == "read-recent").GetAwaiter().GetResult();
            return 0;
        }

        if (mode == "lazy")
        {
            RestoreLazilyAsync(file).GetAwaiter().GetResult();
            return 0;
        }

        RestoreAsync(file, useSnapshots: mode == "snapshots").GetAwaiter().GetResult();
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
        var services = ServicesOf(store, registry, meters);
        if (useSnapshots)
        {
            await new AlertStateRestorer(store).RestoreAsync(services, CancellationToken.None).ConfigureAwait(false);
        }

        await new RelationshipRestorer(store).RestoreAsync(services, CancellationToken.None).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(useSnapshots ? "snapshots" : "full")}{(file.Clean ? "-clean" : "")}: ready {elapsed.TotalSeconds:0.00} s (process CPU {cpu.TotalSeconds:0.00} s), {allocated / 1e6:0} MB allocated; top: {Top(registry, file)}"));
    }

    // Ready when the restorer returns (the pipeline would start reading its sources); loaded when the background load has read everyone.
    private static async Task RestoreLazilyAsync(RestoreHistoryFile file)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        using var store = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = file.Path });
        await store.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        var source = new LazyStartStore(store);
        var registry = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var services = ServicesOf(store, registry, meters);
        await new AlertStateRestorer(store).RestoreAsync(services, CancellationToken.None).ConfigureAwait(false);
        await new RelationshipRestorer(source).RestoreAsync(services, CancellationToken.None).ConfigureAwait(false);
        var ready = Stopwatch.GetElapsedTime(started);
        var readyCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var readAtStart = source.InteractionsRead;
        var unloaded = registry.UnloadedCount;

        var top = Top(registry, file); // waits for the background load
        var loaded = Stopwatch.GetElapsedTime(started);
        var loadedCpu = Process.GetCurrentProcess().TotalProcessorTime;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"lazy{(file.Clean ? "-clean" : "")}: ready {ready.TotalSeconds:0.00} s (process CPU {readyCpu.TotalSeconds:0.00} s), {readAtStart} interactions read, {unloaded} people left to load; all loaded {loaded.TotalSeconds:0.00} s (process CPU {loadedCpu.TotalSeconds:0.00} s), {source.InteractionsRead} read in all; {allocated / 1e6:0} MB allocated; top: {top}"));
    }

    private static PipelineServices ServicesOf(SqliteMonitroStore store, RelationshipRegistry registry, ServiceProvider meters) => new(
        [], new MentionMatcher(), store, store, [], registry, null, null, new MonitroOptions(), TimeProvider.System,
        new MonitroMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), NullLogger.Instance);

    private static string Top(RelationshipRegistry registry, RestoreHistoryFile file)
    {
        var asOf = SyntheticInteractions.Start.AddSeconds(file.Interactions * 6.0);
        return string.Join(", ", registry.GetTop(5, asOf).Select(snapshot => string.Create(CultureInfo.InvariantCulture, $"{snapshot.PersonId} {snapshot.Bond:0.####} {snapshot.OpenItems}")));
    }
}
