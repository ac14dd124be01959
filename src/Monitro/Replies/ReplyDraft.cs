namespace Monitro;

/// <summary>A reply to create through <see cref="ReplyDesk.CreateAsync"/>.</summary>
public sealed record ReplyDraft
{
    /// <summary>Gets the name of our account that answers (the name its publisher was registered under).</summary>
    public required string Account { get; init; }

    /// <summary>Gets the id of the post to answer (a <see cref="Post.Id"/> of the account's platform).</summary>
    public required string InReplyToPostId { get; init; }

    /// <summary>Gets the text of the reply.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the inbox item the reply answers, or <see langword="null"/>; it is resolved when the reply is published.</summary>
    public string? ItemId { get; init; }

    /// <summary>Gets the agent who wrote it, or <see langword="null"/>.</summary>
    public string? Author { get; init; }

    /// <summary>
    /// Gets the id to give the reply, or <see langword="null"/> for a new one. Creating again with the same id returns the
    /// reply already committed, so a client that retries its own request creates one reply.
    /// </summary>
    public string? Id { get; init; }
}
