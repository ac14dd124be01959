namespace Monitro;

/// <summary>A reply from one of our accounts to a post, kept in the reply outbox until it is published exactly once.</summary>
/// <remarks>
/// A reply is committed first (<see cref="IReplyOutbox.AddReplyAsync"/>) and published afterwards by the dispatcher,
/// which leases it, calls the platform's <see cref="IReplyPublisher"/>, and records the outcome. Every change bumps
/// <see cref="Version"/>, so two processes never both record an outcome for the same attempt.
/// </remarks>
public sealed record Reply
{
    /// <summary>Gets the id of the reply, also its idempotency key on the platform where the platform has one.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the platform (for example <c>mastodon</c>), the <see cref="IReplyPublisher.Platform"/> of its publisher.</summary>
    public required string Platform { get; init; }

    /// <summary>Gets the name of our account that publishes it (the name its publisher was registered under).</summary>
    public required string Account { get; init; }

    /// <summary>Gets the id of the post the reply answers (a <see cref="Post.Id"/>).</summary>
    public required string InReplyToPostId { get; init; }

    /// <summary>Gets the inbox item the reply answers, or <see langword="null"/>.</summary>
    public string? ItemId { get; init; }

    /// <summary>Gets the text of the reply.</summary>
    public required string Text { get; init; }

    /// <summary>Gets where the reply stands.</summary>
    public ReplyState State { get; init; }

    /// <summary>Gets the agent who wrote it, or <see langword="null"/>.</summary>
    public string? Author { get; init; }

    /// <summary>Gets who approved it, or <see langword="null"/> (also when no approval was needed).</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>
    /// Gets the record key chosen once, when the reply was created, for platforms that let the client name the new
    /// post (Bluesky's TID), so a retry names the same record and conflicts instead of posting twice; otherwise <see langword="null"/>.
    /// </summary>
    public string? RecordKey { get; init; }

    /// <summary>Gets when the reply entered the publishing queue (created without approval, or approved), or <see langword="null"/> while it awaits approval; its retry window counts from here.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>Gets how many publishing attempts were started (counted when an attempt claims the reply).</summary>
    public int Attempts { get; init; }

    /// <summary>Gets when the reply is due to be tried (again).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Gets until when the current attempt holds the reply, or <see langword="null"/> when no attempt does.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Gets what went wrong last (no secrets), or <see langword="null"/>.</summary>
    public string? LastError { get; init; }

    /// <summary>Gets the id of our published post (a <see cref="Post.Id"/>), or <see langword="null"/> until published.</summary>
    public string? PublishedPostId { get; init; }

    /// <summary>Gets the public address of our published post, or <see langword="null"/>.</summary>
    public Uri? PublishedUrl { get; init; }

    /// <summary>Gets when it was published, or <see langword="null"/>.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Gets when the reply was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the reply last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the number of changes the reply went through; 1 when created.</summary>
    public int Version { get; init; } = 1;
}
