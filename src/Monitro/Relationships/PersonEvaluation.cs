namespace Monitro.Relationships;

/// <summary>
/// A person scored at one moment: the numbers transitions compare (the Bond and its band, the roles, the response
/// items), with the public snapshot built from them only when asked for.
/// </summary>
/// <remarks>
/// Most evaluations (each person a batch touches, each wake-up) raise nothing, and nobody reads their explanations,
/// factors or evidence; building those is most of the work of scoring, so it waits for <see cref="Snapshot"/>. The
/// snapshot is built from the person's state as it is when first asked for: ask before the state changes again.
/// </remarks>
internal sealed class PersonEvaluation
{
    private readonly RelationshipParameters _parameters;
    private readonly double? _followersPercentile;
    private RelationshipSnapshot? _snapshot;

    public PersonEvaluation(PersonState state, RelationshipParameters parameters, DateTimeOffset asOf, double? followersPercentile, List<Interaction> timeline, List<ResponseItem> items, BondMeasure bond, AffectMeasure affect, int roles)
    {
        State = state;
        _parameters = parameters;
        AsOf = asOf;
        _followersPercentile = followersPercentile;
        Timeline = timeline;
        Items = items;
        Bond = bond;
        Affect = affect;
        Roles = roles;
    }

    public PersonState State { get; }

    public DateTimeOffset AsOf { get; }

    /// <summary>Gets the person's interactions in time order (at one instant, their post before our answer): the state's own list, read before it changes.</summary>
    public List<Interaction> Timeline { get; }

    /// <summary>Gets the posts that needed an answer, with the answers and recoveries found.</summary>
    public List<ResponseItem> Items { get; }

    public BondMeasure Bond { get; }

    public AffectMeasure Affect { get; }

    /// <summary>Gets the roles suggested, as bits of <see cref="RelationshipRole"/> (<see cref="RoleRules.Bit"/>).</summary>
    public int Roles { get; }

    /// <summary>Gets the band of the Bond (<see cref="BondScore.Strong"/>, …).</summary>
    public string Band => Bond.Band;

    /// <summary>Gets a value indicating whether <see cref="Snapshot"/> was built.</summary>
    public bool IsExplained => _snapshot is not null;

    /// <summary>Gets the public snapshot, every score explained; built at the first call.</summary>
    public RelationshipSnapshot Snapshot => _snapshot ??= PersonScorer.Explain(this, _parameters, _followersPercentile);
}
