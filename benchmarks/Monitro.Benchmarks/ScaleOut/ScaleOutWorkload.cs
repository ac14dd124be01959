using System.Globalization;
using Monitro.Benchmarks.Matching;
using Monitro.Orleans;

namespace Monitro.Benchmarks.ScaleOut;

/// <summary>
/// The posts and watches every scale-out benchmark uses: the matching corpus's keyword watches spread over tenants,
/// and its posts under ids that are new at each run, so no run finds the posts or interactions of an earlier one.
/// </summary>
internal sealed class ScaleOutWorkload
{
    public const int Tenants = 4;
    private readonly List<Post> _posts;
    private int _runs;

    public ScaleOutWorkload(int posts, int watches)
    {
        var corpus = new MatchingCorpus();
        Watches = corpus.KeywordWatches(watches);
        _posts = corpus.Posts(posts);
        foreach (var (watch, i) in Watches.Select((w, i) => (w, i)))
        {
            Registry.Set(TenantOf(i), watch);
        }
    }

    /// <summary>Gets every watch, as one process holds them.</summary>
    public List<Watch> Watches { get; }

    /// <summary>Gets the watches of every tenant, as the cluster holds them.</summary>
    public InMemoryTenantWatchRegistry Registry { get; } = new();

    public int PostCount => _posts.Count;

    /// <summary>Gets the posts of the next run, under ids no earlier run used.</summary>
    public List<Post> NextRun()
    {
        var run = Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture);
        return _posts.ConvertAll(post => post with { Id = $"bench:{run}-{post.Id["bench:".Length..]}", Source = "bench" });
    }

    private static string TenantOf(int watch) => "tenant" + (watch % Tenants).ToString(CultureInfo.InvariantCulture);
}
