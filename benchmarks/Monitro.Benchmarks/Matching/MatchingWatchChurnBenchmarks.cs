using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Monitro.Benchmarks.Matching;

/// <summary>Cost of changing the watch set of a running matcher.</summary>
[MemoryDiagnoser]
public class MatchingWatchChurnBenchmarks
{
    private MentionMatcher _matcher = null!;
    private int _next;

    [Params(1_000, 10_000, 100_000)]
    public int WatchCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _matcher = new MentionMatcher(new MatchingCorpus().Watches(WatchCount));
        _next = 0;
    }

    /// <summary>Adds a watch and removes it again (a user editing one watch).</summary>
    [Benchmark(Baseline = true)]
    public bool AddThenRemove()
    {
        _matcher.AddWatch(new Watch { Name = "churn", Query = "brandnew OR \"brand new\" -hiring" });
        return _matcher.RemoveWatch("churn");
    }

    /// <summary>Adds a new watch each time, so merges of the levels and main-index rebuilds are included, amortized.</summary>
    [Benchmark]
    public void AddNew()
    {
        var id = (_next++).ToString(CultureInfo.InvariantCulture);
        _matcher.AddWatch(new Watch { Name = "new-" + id, Query = "brand" + id + " OR \"brand new\" -hiring" });
    }
}
