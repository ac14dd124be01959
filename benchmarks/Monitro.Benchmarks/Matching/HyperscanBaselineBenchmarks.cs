using System.Diagnostics;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Monitro.Benchmarks.Matching;

/// <summary>
/// Posts per second of the matcher on keyword watch sets (1–4 keyword or phrase alternatives each, no boolean
/// logic) against Hyperscan scanning the same posts for the same alternatives as case-insensitive literals, one
/// database id per watch reported once per post. Hyperscan gets the posts already encoded as UTF-8; Monitro
/// matches words (Hyperscan substrings), so Hyperscan's match count is the higher. Both compile times are printed.
/// <c>MonitroWithoutKey</c> and <c>MonitroWithKey</c> split Monitro's cost: the same number of posts, only those its
/// pre-filter skips (no key of any watch in them: the anchor scan is all the work) and only those it lets through.
/// <c>MonitroWithoutKeyUnscanned</c> matches the skipped posts with the pre-filter turned off (tokenized and looked
/// up in the index like any other post): what a skipped post would cost when the pre-filter stands aside, the figure
/// its bar is derived from (benchmarks/README.md).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(HyperscanAvailable))]
public class HyperscanBaselineBenchmarks : IDisposable
{
    private const int Posts = 2_000;

    // Fewer posts than the pre-filter samples before it may stand aside.
    private const int SampleSizeBelow = 1_000;

    private List<Post> _posts = [];
    private List<Post> _withoutKey = [];
    private List<Post> _withKey = [];
    private byte[][] _utf8 = [];
    private MentionMatcher _matcher = null!;
    private MentionMatcher _unscanned = null!;
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
        SplitByPrefilter(corpus);
        _unscanned = WithoutPrefilter(watches);
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

    [Benchmark(OperationsPerInvoke = Posts)]
    public int MonitroWithoutKey() => MatchAll(_withoutKey);

    [Benchmark(OperationsPerInvoke = Posts)]
    public int MonitroWithKey() => MatchAll(_withKey);

    [Benchmark(OperationsPerInvoke = Posts)]
    public int MonitroWithoutKeyUnscanned() => MatchAll(_unscanned, _withoutKey);

    public void Dispose()
    {
        _hyperscan?.Dispose();
        GC.SuppressFinalize(this);
    }

    private int MatchAll(List<Post> posts) => MatchAll(_matcher, posts);

    private static int MatchAll(MentionMatcher matcher, List<Post> posts)
    {
        var matches = 0;
        foreach (var post in posts)
        {
            matches += matcher.Match(post).Count;
        }

        return matches;
    }

    // A matcher of the same watches whose pre-filter is off (an internal switch the tests use, reached by reflection).
    private static MentionMatcher WithoutPrefilter(IEnumerable<Watch> watches)
    {
        var skips = typeof(MentionMatcher).GetProperty("SkipsPostsWithoutAnchors", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("MentionMatcher.SkipsPostsWithoutAnchors is gone; update this benchmark.");
        var matcher = new MentionMatcher();
        skips.SetValue(matcher, false);
        matcher.AddWatches(watches);
        return matcher;
    }

    // More posts of the same corpus, sorted by the pre-filter's verdict (an internal check, reached by reflection so
    // the library's internals stay closed to this project) until each list has as many as the main list.
    private void SplitByPrefilter(MatchingCorpus corpus)
    {
        var passes = typeof(MentionMatcher).GetMethod("PassesPrefilter", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("MentionMatcher.PassesPrefilter is gone; update this benchmark.");
        var watches = _matcher.Watches;
        MentionMatcher? probe = null;
        var asked = 0;
        (_withoutKey, _withKey) = ([], []);
        while (_withoutKey.Count < Posts || _withKey.Count < Posts)
        {
            foreach (var post in corpus.Posts(Posts))
            {
                // A new matcher before its check has sampled enough posts to stand aside, so every verdict is a scan's.
                if (asked++ % SampleSizeBelow == 0)
                {
                    probe = new MentionMatcher(watches);
                }

                var list = (bool)passes.Invoke(probe, [post])! ? _withKey : _withoutKey;
                if (list.Count < Posts)
                {
                    list.Add(post);
                }
            }
        }
    }

    /// <summary>Runs the Hyperscan benchmarks only where the library is installed, and says why otherwise.</summary>
    public sealed class HyperscanAvailable() : OptionalBaselineConfig(() => HyperscanLibrary.IsAvailable, () => HyperscanLibrary.SkipReason);
}
