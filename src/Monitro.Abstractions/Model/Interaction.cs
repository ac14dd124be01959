namespace Monitro;

/// <summary>One contact between a person and the company, derived from a post.</summary>
/// <remarks>
/// Inbound interactions come from posts by the person; outbound ones from replies by the company's own
/// accounts (configured in the options) to the person. The id is natural, so recording the same
/// interaction twice has no effect.
/// </remarks>
public sealed record Interaction
{
    /// <summary>Gets the natural id of the interaction, <c>post-id|person-id</c> (see <see cref="CreateId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the identity key of the person (<see cref="Author.IdentityKey"/>).</summary>
    public required string PersonId { get; init; }

    /// <summary>Gets the id of the post the interaction comes from.</summary>
    public required string PostId { get; init; }

    /// <summary>Gets the kind of contact.</summary>
    public required InteractionKind Kind { get; init; }

    /// <summary>Gets who made the contact.</summary>
    public required InteractionDirection Direction { get; init; }

    /// <summary>Gets when the contact happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets the compound sentiment of the post, from -1 to +1, or <see langword="null"/> when not analyzed.</summary>
    public double? Sentiment { get; init; }

    /// <summary>Gets the intents found in the post.</summary>
    public IReadOnlyList<IntentHit> Intents { get; init; } = [];

    /// <summary>Gets a value indicating whether the post needs an answer from the company.</summary>
    public bool NeedsResponse { get; init; }

    /// <summary>Gets the id of the post this interaction answers (for replies), or <see langword="null"/>.</summary>
    public string? InReplyToPostId { get; init; }

    /// <summary>Gets the id of the first post of the thread the post belongs to (<see cref="Post.ThreadId"/>), or <see langword="null"/>.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets the names of the watches the post matched.</summary>
    public IReadOnlyList<string> Watches { get; init; } = [];

    /// <summary>Creates the id of an interaction.</summary>
    /// <param name="postId">The id of the post.</param>
    /// <param name="personId">The identity key of the person.</param>
    /// <returns>The id <c>post-id|person-id</c>.</returns>
    public static string CreateId(string postId, string personId) => string.Concat(postId, "|", personId);
}
