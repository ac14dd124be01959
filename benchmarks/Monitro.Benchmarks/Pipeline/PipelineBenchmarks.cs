using BenchmarkDotNet.Attributes;

namespace Monitro.Benchmarks.Pipeline;

/// <summary>
/// What the pipeline costs on top of matching: the same posts matched directly (the baseline) and run
/// through the whole pipeline (normalize, dedup, match, enrich, relate, commit to the in-memory store,
/// outbox delivery to a sink that does nothing).
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private List<Post> _posts = [];
    private MentionMatcher _matcher = null!;

    [Params(10_000)]
    public int PostCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _posts = SyntheticPosts.Create(PostCount, seed: 7);
        _matcher = new MentionMatcher();
        foreach (var watch in SyntheticPosts.Watches)
        {
            _matcher.AddWatch(watch);
        }
    }

    [Benchmark(Baseline = true)]
    public int MatchOnly()
    {
        var found = 0;
        foreach (var post in _posts)
        {
            found += _matcher.Match(post).Count;
        }

        return found;
    }

    [Benchmark]
    public Task<int> WholePipeline() => WholePipelineRun.ListenAsync(new InMemorySource("bench", _posts, batchSize: 256), SyntheticPosts.Watches);
}
