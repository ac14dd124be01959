using BenchmarkDotNet.Attributes;

namespace Monitro.Benchmarks.Matching;

/// <summary>
/// Time to compile keyword watch sets (<see cref="MatchingCorpus.KeywordWatches"/>) into a matcher, against building
/// a plain dictionary from each alternative (keyword or phrase) to its watches: the least any index of the same terms
/// costs. Also prints the memory the matcher keeps per watch.
/// </summary>
[MemoryDiagnoser]
public class KeywordCompileBenchmarks
{
    private List<Watch> _watches = [];
    private List<(string Term, int Watch)> _terms = [];

    [Params(1_000, 100_000)]
    public int WatchCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _watches = new MatchingCorpus().KeywordWatches(WatchCount);
        _terms = [.. _watches.SelectMany((watch, index) => watch.Query.Split(" OR ").Select(term => (term.Trim('"'), index)))];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var matcher = new MentionMatcher(_watches);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// Retained by the matcher: {(after - before) / WatchCount} bytes per keyword watch ({matcher.Watches.Count} watches, {_terms.Count} alternatives)");
        GC.KeepAlive(matcher);
    }

    /// <summary>Builds a case-insensitive dictionary from every alternative to the watches that have it.</summary>
    [Benchmark(Baseline = true)]
    public Dictionary<string, List<int>> DictionaryOfTerms()
    {
        var index = new Dictionary<string, List<int>>(_terms.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (term, watch) in _terms)
        {
            if (!index.TryGetValue(term, out var watches))
            {
                index[term] = watches = [];
            }

            watches.Add(watch);
        }

        return index;
    }

    /// <summary>Parses, compiles and indexes every watch.</summary>
    [Benchmark]
    public MentionMatcher Compile() => new(_watches);
}
