using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitro.Benchmarks.Matching;
using Monitro.Benchmarks.Pipeline;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// Streams a JSON Lines file of posts through the whole pipeline (into the in-memory store or SQLite), or through
/// the bare baseline that parses each line and inserts every post into SQLite.
/// </summary>
internal static class PipelineStream
{
    public static int Run(StreamArguments options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitro-stream-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var corpus = new MatchingCorpus();
            var watches = options.KeywordWatches ? corpus.KeywordWatches(options.Watches) : corpus.Watches(options.Watches);
            var lines = Path.Combine(folder, "posts.jsonl");
            JsonLinesWorkload.Write(lines, corpus.Posts(options.Posts, options.MinimumPostLength));
            StreamMeasurement.Print($"corpus: {options.Posts:N0} posts in {new FileInfo(lines).Length / 1_048_576.0:F1} MiB of JSON Lines, {watches.Count:N0} watches, {Environment.ProcessorCount} processor(s) seen");

            using var jitLog = Environment.GetEnvironmentVariable("MONITRO_JIT_LOG") is "1" ? new JitLog() : null;
            using var allocationLog = Environment.GetEnvironmentVariable("MONITRO_ALLOCATION_LOG") is "1" ? new AllocationLog() : null;
            var runtime = RuntimeCounters.Now;
            using var cpu = new CpuClock();
            var startAllocated = GC.GetTotalAllocatedBytes(precise: true);
            var startCollections = GC.CollectionCount(0);
            var startCpu = cpu.Now;
            var startCompiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            var wall = Stopwatch.StartNew();
            SlicedSource? sliced = null;
            IListeningSource Observe(IListeningSource source) => sliced = new SlicedSource(source, options.Posts, cpu);
            var found = options.Mode switch
            {
                StreamMode.BareSqlite => JsonLinesWorkload.InsertAllIntoSqlite(lines, Path.Combine(folder, "bare.db")),
                StreamMode.PipelineSqlite => JsonLinesWorkload.RunPipelineAsync(lines, watches, Path.Combine(folder, "monitro.db"), Observe).GetAwaiter().GetResult(),
                _ => JsonLinesWorkload.RunPipelineAsync(lines, watches, sqlitePath: null, Observe).GetAwaiter().GetResult(),
            };
            wall.Stop();
            var used = cpu.Now - startCpu;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - startAllocated;
            var spent = RuntimeCounters.Now - runtime;
            if (sliced is not null)
            {
                StreamMeasurement.Print($"start-up: {(sliced.FirstReadAt - startCpu).TotalSeconds:F3} s of CPU and {sliced.CompiledAtFirstRead - startCompiled:N0} methods compiled before the first line was read");
                StreamMeasurement.Print($"slices read (posts per CPU second of this process): {string.Join(' ', sliced.Rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}");
                StreamMeasurement.Print($"methods compiled by the JIT per slice: {string.Join(' ', sliced.CompiledMethods)}");
            }

            StreamMeasurement.Print($"runtime: {spent.GcPause.TotalSeconds:F2} s of garbage-collection pauses ({spent.Gen0:N0} gen-0, {spent.Gen1:N0} gen-1, {spent.Gen2:N0} gen-2 collections); {spent.Jit.TotalSeconds:F2} s compiling {spent.JitMethods:N0} methods; {spent.WorkItems:N0} thread-pool work items; {spent.LockContentions:N0} lock contentions");
            foreach (var (type, bytes) in allocationLog?.ByType.Take(25) ?? [])
            {
                StreamMeasurement.Print($"allocated {(double)bytes / options.Posts,8:F1} B per post (sampled) {type}");
            }

            foreach (var (at, tier, method, took) in jitLog?.Compiled ?? [])
            {
                StreamMeasurement.Print($"jit {at.TotalSeconds:F3} s {tier} {took.TotalMilliseconds:F2} ms {method}");
            }

            StreamMeasurement.Print($"{options.Mode}: {options.Posts / used.TotalSeconds:N0} posts per CPU second ({used.TotalSeconds:F2} s of CPU); {options.Posts / wall.Elapsed.TotalSeconds:N0} posts/s over {wall.Elapsed.TotalSeconds:F2} s of wall time; {found:N0} rows or mentions; {allocated / options.Posts:N0} B allocated per post, {GC.CollectionCount(0) - startCollections:N0} collections");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
