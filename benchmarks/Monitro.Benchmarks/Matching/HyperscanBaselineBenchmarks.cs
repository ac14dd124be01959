using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Monitro.Benchmarks.Matching;

/// <summary>
/// Posts per second of the matcher on keyword watch sets (1–4 keyword or phrase alternatives each, no boolean
/// logic) against Hyperscan scanning the same posts for the same alternatives as case-insensitive literals, one
/// database id per watch reported once per post. Hyperscan gets the posts already encoded as UTF-8; Monitro
/// matches words (Hyperscan substrings), so Hyperscan's match count is the higher. Both compile times are printed.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(HyperscanAvailable))]
public class HyperscanBaselineBenchmarks : IDisposable
{
    private const int Posts = 2_000;

    private List<Post> _posts = [];
    private byte[][] _utf8 = [];
    private MentionMatcher _matcher = null!;
    private HyperscanDatabase? _hyperscan;

    [Params(1_000, 10_000)]
    public int WatchCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new MatchingCorpus();
        var watches = corpus.KeywordWatches(WatchCount);
        _posts = corpus.Posts(Posts);
        _utf8 = [.. _posts.Select(p => Encoding.UTF8.GetBytes(p.Text))];
        var patterns = new List<(string, uint)>();
        for (var i = 0; i < watches.Count; i++)
        {
            foreach (var alternative in watches[i].Query.Split(" OR ", StringSplitOptions.None))
            {
                patterns.Add((alternative.Trim('"'), (uint)i));
            }
        }

        var clock = Stopwatch.StartNew();
        _hyperscan = new HyperscanDatabase(patterns);
        var hyperscanCompile = clock.Elapsed;
        clock.Restart();
        _matcher = new MentionMatcher(watches);
        var monitroCompile = clock.Elapsed;
        Console.WriteLine(
            $"// {WatchCount} keyword watches ({patterns.Count} alternatives): compile Hyperscan {hyperscanCompile.TotalSeconds:F2} s, " +
            $"Monitro {monitroCompile.TotalSeconds:F2} s; matches on {Posts} posts: Hyperscan {Hyperscan()}, Monitro {Monitro()}");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public int Hyperscan()
    {
        var matches = 0;
        foreach (var text in _utf8)
        {
            matches += _hyperscan!.CountMatches(text);
        }

        return matches;
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public int Monitro()
    {
        var matches = 0;
        foreach (var post in _posts)
        {
            matches += _matcher.Match(post).Count;
        }

        return matches;
    }

    public void Dispose()
    {
        _hyperscan?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the Hyperscan benchmarks only where the library is installed, and says why otherwise.</summary>
    public sealed class HyperscanAvailable() : OptionalBaselineConfig(() => HyperscanLibrary.IsAvailable, () => HyperscanLibrary.SkipReason);
}
