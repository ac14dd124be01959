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
}
