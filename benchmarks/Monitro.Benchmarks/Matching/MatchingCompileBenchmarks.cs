using BenchmarkDotNet.Attributes;
using Monitro.Matching;

namespace Monitro.Benchmarks.Matching;

/// <summary>Time to compile and index a whole watch set, and the memory the matcher keeps per watch.</summary>
[MemoryDiagnoser]
public class MatchingCompileBenchmarks
{
    private List<Watch> _watches = [];

    [Params(10_000, 100_000)]
    public int WatchCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _watches = new MatchingCorpus().Watches(WatchCount);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var matcher = new MentionMatcher(_watches);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// Retained by the matcher: {(after - before) / WatchCount} bytes per watch ({matcher.Watches.Count} watches)");
        GC.KeepAlive(matcher);
    }

    /// <summary>Parses and compiles every query (checking that it has index keys) without indexing: the part of a compile that does not depend on the index design.</summary>
    [Benchmark(Baseline = true)]
    public int ParseAndCompileOnly()
    {
        var compiled = 0;
        foreach (var watch in _watches)
        {
            _ = CompiledWatch.Compile(watch);
            compiled++;
        }

        return compiled;
    }

    /// <summary>Compiles the queries and builds every index of a matcher.</summary>
    [Benchmark]
    public MentionMatcher Compile() => new(_watches);
}
