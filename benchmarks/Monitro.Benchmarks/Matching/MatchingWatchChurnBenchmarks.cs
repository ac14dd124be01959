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

    /// <summary>Adds a new watch each time: what the caller waits for (sealing a full index of new watches included;
    /// merging sealed indexes runs in the background).</summary>
    [Benchmark]
    public void AddNew() => _matcher.AddWatch(NewWatch());

    /// <summary>Adds 64 new watches and waits for the background merges they cause: the whole cost of an add, amortized.</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public void AddNewWithMerges()
    {
        for (var i = 0; i < 64; i++)
        {
            _matcher.AddWatch(NewWatch());
        }

        _matcher.WaitForMerges();
    }

    private Watch NewWatch()
    {
        var id = (_next++).ToString(CultureInfo.InvariantCulture);
        return new Watch { Name = "new-" + id, Query = "brand" + id + " OR \"brand new\" -hiring" };
    }
}
