using System.Buffers;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Monitro.Matching;

namespace Monitro.Benchmarks.Matching;

/// <summary>
/// Posts per second of the indexed matcher against three baselines: every watch evaluated on every post, one
/// compiled regex alternation of the keyword watches' words, and a SearchValues any-hit scan of those words.
/// </summary>
[MemoryDiagnoser]
public class MatchingThroughputBenchmarks : IDisposable
{
    private const int Posts = 2_000;
    private const int SlowPosts = 20;
    private const int RegexWatchLimit = 10_000;

    private List<Post> _posts = [];
    private MentionMatcher _matcher = null!;
    private CompiledWatch[] _compiled = [];
    private Regex _regex = null!;
    private SearchValues<string> _searchValues = null!;
    private PostContext _context = null!;
    private readonly QueryEvaluator _evaluator = new();

    [Params(1_000, 10_000, 100_000)]
    public int WatchCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new MatchingCorpus();
        var watches = corpus.Watches(WatchCount);
        _posts = corpus.Posts(Posts);
        _matcher = new MentionMatcher(watches);
        _compiled = [.. watches.Select(CompiledWatch.Compile)];
        var keywords = corpus.Keywords.Distinct().ToList();

        // The regex baseline gets the keywords of at most the first 10,000 watches: more does not finish in useful time.
        var regexCorpus = new MatchingCorpus();
        regexCorpus.Watches(Math.Min(WatchCount, RegexWatchLimit));
        var regexKeywords = regexCorpus.Keywords.Distinct();
        _regex = new Regex(@"\b(?:" + string.Join("|", regexKeywords.Select(Regex.Escape)) + @")\b", RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        _searchValues = SearchValues.Create(keywords.ToArray(), StringComparison.OrdinalIgnoreCase);
        _context = new PostContext();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SlowPosts)]
    public int NaivePerWatch()
    {
        var matches = 0;
        for (var p = 0; p < SlowPosts; p++)
        {
            _context.Load(_posts[p]);
            foreach (var watch in _compiled)
            {
                if (_evaluator.Evaluate(watch.Root, _context))
                {
                    matches++;
                }
            }
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

    [Benchmark(OperationsPerInvoke = SlowPosts)]
    public int RegexAlternation()
    {
        var matches = 0;
        for (var p = 0; p < SlowPosts; p++)
        {
            matches += _regex.Count(_posts[p].Text);
        }

        return matches;
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public int SearchValuesAnyHit()
    {
        var matches = 0;
        foreach (var post in _posts)
        {
            if (post.Text.AsSpan().ContainsAny(_searchValues))
            {
                matches++;
            }
        }

        return matches;
    }

    public void Dispose()
    {
        _context?.Dispose();
        GC.SuppressFinalize(this);
    }
}
