namespace Monitro;

/// <summary>The state of the relationship with one person at one moment, with the reason for its score.</summary>
public sealed record RelationshipSnapshot
{
    /// <summary>Gets the identity key of the person (<see cref="Author.IdentityKey"/>).</summary>
    public required string PersonId { get; init; }

    /// <summary>Gets the person's latest known identity details.</summary>
    public required Author Person { get; init; }

    /// <summary>Gets the moment the snapshot describes.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the strength of the relationship, from 0 to 100.</summary>
    public required double Bond { get; init; }

    /// <summary>Gets the band of <see cref="Bond"/>: <c>strong</c>, <c>warm</c>, <c>weak</c> or <c>dormant</c>.</summary>
    public required string Band { get; init; }

    /// <summary>Gets the number of interactions from the person.</summary>
    public required int Inbound { get; init; }

    /// <summary>Gets the number of interactions from the company's accounts to the person.</summary>
    public required int Outbound { get; init; }

    /// <summary>Gets the mean sentiment of the person's posts about us, from -1 to +1, or <see langword="null"/> with no analyzed posts.</summary>
    public double? AverageSentiment { get; init; }

    /// <summary>Gets the number of the person's posts that need an answer and have none yet.</summary>
    public required int OpenItems { get; init; }

    /// <summary>Gets when the first interaction happened.</summary>
    public required DateTimeOffset FirstContactAt { get; init; }

    /// <summary>Gets when the latest interaction happened.</summary>
    public required DateTimeOffset LastContactAt { get; init; }

    /// <summary>Gets a one-line reason for the score, naming its main factors.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the identity keys merged into the person (the person id first).</summary>
    public IReadOnlyList<string> Identities { get; init; } = [];

    /// <summary>Gets the CRM contact id, or <see langword="null"/> when the CRM does not know the person.</summary>
    public string? ContactId { get; init; }

    /// <summary>Gets the Bond score with its factors (its value is <see cref="Bond"/>).</summary>
    public RelationshipScore? BondDetail { get; init; }

    /// <summary>Gets the Affect score: decayed mean sentiment about us, 50 = neutral; no value under the minimum evidence.</summary>
    public RelationshipScore? Affect { get; init; }

    /// <summary>Gets the Care score: how well and how fast the company answered what needed an answer.</summary>
    public RelationshipScore? Care { get; init; }

    /// <summary>Gets the Reach score (followers percentile among known people), or <see langword="null"/> when off or unknown. It ranks; it never strengthens a bond.</summary>
    public RelationshipScore? Reach { get; init; }

    /// <summary>Gets the Intent score per label (decayed noisy-OR of the hits), for labels with any hit.</summary>
    public IReadOnlyDictionary<IntentLabel, RelationshipScore> Intents { get; init; } = new Dictionary<IntentLabel, RelationshipScore>();

    /// <summary>Gets the suggested roles, CRM facts first, then guesses by priority.</summary>
    public IReadOnlyList<RoleSuggestion> Roles { get; init; } = [];

    /// <summary>Gets the main role, or <see langword="null"/> when none applies.</summary>
    public RelationshipRole? Role { get; init; }

    /// <summary>Gets a hash of the parameters the snapshot was computed with.</summary>
    public string? ParametersHash { get; init; }

    /// <summary>Gets the parameters the snapshot was computed with, by name, in invariant culture, so the scores can be reproduced.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
