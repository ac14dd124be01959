using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Text;
using Monitro.Benchmarks.Matching;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// Streams a long run of posts through the matcher in this one process, as a worker does, and prints posts per
/// second per slice of the stream. Unlike BenchmarkDotNet, it does not warm up first: what it shows is how soon the
/// runtime optimizes the hot path (run it under <c>taskset -c 1</c> to see a process that has one CPU).
/// </summary>
internal static class StreamMeasurement
{
    private const int Slices = 10;

    public static int Run(string[] args)
    {
        if (!StreamArguments.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(StreamArguments.Usage);
            return 2;
        }

        return options.Mode == StreamMode.Match ? Match(options) : PipelineStream.Run(options);
    }

    private static int Match(StreamArguments options)
    {
        var corpus = new MatchingCorpus();
        var watches = options.KeywordWatches ? corpus.KeywordWatches(options.Watches) : corpus.Watches(options.Watches);
        var posts = corpus.Posts(options.Posts, options.MinimumPostLength);
        var bytes = posts.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Text));
        Print($"corpus: {posts.Count:N0} posts of {(double)bytes / posts.Count:F0} UTF-8 bytes on average, {watches.Count:N0} {(options.KeywordWatches ? "keyword" : "mixed")} watches, {Environment.ProcessorCount} processor(s) seen");

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var compileCpu = new CpuClock();
        var compileCpuStart = compileCpu.Now;
        var compileCollections = GC.CollectionCount(0);
        var compileAllocated = GC.GetAllocatedBytesForCurrentThread();
        var compileJitted = JitInfo.GetCompiledMethodCount();
        var compile = Stopwatch.StartNew();
        var matcher = new MentionMatcher(watches);
        compile.Stop();
        compileAllocated = GC.GetAllocatedBytesForCurrentThread() - compileAllocated;
        compileJitted = JitInfo.GetCompiledMethodCount() - compileJitted;

        // On a shared machine the CPU time is the steadier figure (the compile runs on this thread, with the collector's work).
        var compileCpuTime = compileCpu.Now - compileCpuStart;
        compileCollections = GC.CollectionCount(0) - compileCollections;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Print($"compile: {compile.Elapsed.TotalSeconds:F3} s ({compileCpuTime.TotalSeconds:F3} s of CPU, {compileCollections} collections); retained {retained / watches.Count:N0} B per watch");
        PrintCompileWork(watches, compileAllocated, compileJitted);

        using var jitLog = Environment.GetEnvironmentVariable("MONITRO_JIT_LOG") is "1" ? new JitLog() : null;
        var streamStart = jitLog?.Now ?? TimeSpan.Zero;
        var matched = 0L;
        var sliceSize = posts.Count / Slices;
        using var cpuClock = new CpuClock();
        var startCpu = cpuClock.Now;
        var sliceCpu = startCpu;
        var total = Stopwatch.StartNew();
        var rates = new List<double>(Slices);
        var compiledMethods = new List<long>(Slices);
        var lastCompiled = JitInfo.GetCompiledMethodCount();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < posts.Count; i++)
        {
            matched += matcher.Match(posts[i]).Count;
            if ((i + 1) % sliceSize == 0)
            {
                var now = cpuClock.Now;
                rates.Add(sliceSize / (now - sliceCpu).TotalSeconds);
                sliceCpu = now;
                compiledMethods.Add(JitInfo.GetCompiledMethodCount() - lastCompiled);
                lastCompiled = JitInfo.GetCompiledMethodCount();
            }
        }

        total.Stop();
        var cpu = cpuClock.Now - startCpu;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Print($"slices (posts per CPU second of this process): {string.Join(' ', rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}");
        Print($"methods compiled by the JIT per slice: {string.Join(' ', compiledMethods)}");
        if (jitLog is not null)
        {
            foreach (var (at, tier, method, took) in jitLog.Compiled.Where(c => c.At >= streamStart))
            {
                Print($"jit {(at - streamStart).TotalSeconds:F3} s {tier} {took.TotalMilliseconds:F2} ms {method}");
            }
        }

        Print($"match: {posts.Count / cpu.TotalSeconds:N0} posts per CPU second ({cpu.TotalSeconds:F2} s of CPU); {posts.Count / total.Elapsed.TotalSeconds:N0} posts/s over {total.Elapsed.TotalSeconds:F2} s of wall time; {matched:N0} mentions");
        PrintWork(matcher, posts, allocated);
        return 0;
    }

    // Exact counts of the compile: bytes allocated and methods compiled by the JIT while the matcher was built, and
    // (after it, so that it does not warm the compile up) the bytes that parsing and checking every query alone
    // allocates, through the public MonitroQuery.Validate, which compiles each query on its own.
    private static void PrintCompileWork(List<Watch> watches, long allocated, long jitted)
    {
        var parseAllocated = GC.GetAllocatedBytesForCurrentThread();
        foreach (var watch in watches)
        {
            MonitroQuery.Validate(watch.Query);
        }

        parseAllocated = GC.GetAllocatedBytesForCurrentThread() - parseAllocated;
        Print($"compile work: {(double)allocated / watches.Count:N0} B allocated per watch, {jitted:N0} methods compiled by the JIT; queries parsed and checked alone: {(double)parseAllocated / watches.Count:N0} B allocated per watch");
    }

    // Exact counts, independent of the machine's load: bytes allocated per post over the timed stream, and (after it,
    // untimed) the candidate watches the index hands to the evaluator per post, over the first posts.
    private static void PrintWork(MentionMatcher matcher, List<Post> posts, long allocated)
    {
        var counted = Math.Min(posts.Count, 20_000);
        var candidates = 0L;
        var mentions = 0L;
        for (var i = 0; i < counted; i++)
        {
            candidates += matcher.FindCandidates(posts[i]).Count;
            mentions += matcher.Match(posts[i]).Count;
        }

        Print($"work: {(double)allocated / posts.Count:N0} B allocated per post; over the first {counted:N0} posts {(double)candidates / counted:F2} candidates (watches evaluated) and {(double)mentions / counted:F2} mentions per post");
        PrintVerdicts(matcher, posts, counted);
    }

    // What the pre-filter makes of the first posts: skipped, decided from its anchors' occurrences without tokenizing,
    // decided by tokenizing only the text around them, or tokenized whole and looked up, with what kept a post from the
    // plain-word decision (an internal check, reached by reflection; absent from builds before it existed). Then the
    // same for a matcher that decides plain words only, which shows what the text around the occurrences adds.
    private static void PrintVerdicts(MentionMatcher matcher, List<Post> posts, int counted)
    {
        const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;
        var withObstacle = typeof(MentionMatcher).Assembly.GetType("Monitro.Matching.DecisionObstacle") is { } obstacleType
            ? typeof(MentionMatcher).GetMethod("PrefilterVerdictOf", Internal, [typeof(Post), obstacleType.MakeByRefType()])
            : null;
        if (withObstacle is null)
        {
            if (typeof(MentionMatcher).GetMethod("PrefilterVerdictOf", Internal, [typeof(Post)]) is not { } verdictOf)
            {
                return;
            }

            var verdicts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < counted; i++)
            {
                var verdict = verdictOf.Invoke(matcher, [posts[i]])!.ToString()!;
                verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
            }

            Print($"pre-filter over the first {counted:N0} posts: {Describe(verdicts)}");
            return;
        }

        PrintVerdicts("pre-filter", matcher, withObstacle, posts, counted);
        if (typeof(MentionMatcher).GetProperty("DecidesNearAnchorHits", BindingFlags.Instance | BindingFlags.NonPublic) is { } nearHits)
        {
            var wordsOnly = new MentionMatcher();
            nearHits.SetValue(wordsOnly, false);
            wordsOnly.AddWatches(matcher.Watches);
            PrintVerdicts("plain words only", wordsOnly, withObstacle, posts, counted);
        }
    }

    private static void PrintVerdicts(string label, MentionMatcher matcher, MethodInfo verdictOf, List<Post> posts, int counted)
    {
        var verdicts = new Dictionary<string, int>(StringComparer.Ordinal);
        var obstacles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counted; i++)
        {
            object?[] arguments = [posts[i], null];
            var verdict = verdictOf.Invoke(matcher, arguments)!.ToString()!;
            verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
            if (verdict != "Skip" && arguments[1]!.ToString() is var obstacle and not "None")
            {
                var key = verdict + "/" + obstacle;
                obstacles[key] = obstacles.GetValueOrDefault(key) + 1;
            }
        }

        Print($"{label} over the first {counted:N0} posts: {Describe(verdicts)}");
        Print($"{label}, why not decided as plain words: {Describe(obstacles)}");
    }

    private static string Describe(Dictionary<string, int> counts) =>
        string.Join(", ", counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}")));

    public static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
