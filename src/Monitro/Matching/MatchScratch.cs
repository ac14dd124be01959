namespace Monitro.Matching;

/// <summary>The per-thread working memory of matching, so matching a post allocates little beyond its results.</summary>
internal sealed class MatchScratch
{
    [ThreadStatic]
    private static MatchScratch? t_current;

    /// <summary>Gets the scratch of the current thread.</summary>
    public static MatchScratch Current => t_current ??= new MatchScratch();

    /// <summary>Gets the post being matched.</summary>
    public PostContext Post { get; } = new();

    /// <summary>Gets the evaluator.</summary>
    public QueryEvaluator Evaluator { get; } = new();

    /// <summary>Gets the candidate set.</summary>
    public CandidateSet Candidates { get; } = new();

    /// <summary>Gets a list for collecting spans.</summary>
    public List<MatchSpan> Spans { get; } = [];

    /// <summary>Gets room for the anchor occurrences of a post (<see cref="WordHitDecider"/>).</summary>
    public AnchorHit[] Hits { get; } = new AnchorHit[WordHitDecider.MaxHits];

    /// <summary>Gets room for the anchor occurrences that are whole words (<see cref="WordHitDecider"/>).</summary>
    public AnchorHit[] WordHits { get; } = new AnchorHit[WordHitDecider.MaxHits];

    /// <summary>Gets the stretches of text around the anchor occurrences of a post (<see cref="WordHitDecider"/>).</summary>
    public HitRegions Regions { get; } = new();

    /// <summary>Gets or sets why the pre-filter last sent a post with anchors down the full path, or why its occurrences alone did not decide it.</summary>
    public DecisionObstacle Obstacle { get; set; }

    /// <summary>Gets a list for collecting the mentions of a post with their watch names (empty between posts).</summary>
    public List<KeyValuePair<string, Mention>> Mentions { get; } = [];
}
