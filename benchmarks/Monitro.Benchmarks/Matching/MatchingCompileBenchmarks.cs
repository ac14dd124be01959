using BenchmarkDotNet.Attributes;

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

    [Benchmark]
    public MentionMatcher Compile() => new(_watches);
}
