namespace Monitro;

/// <summary>A post that needs an answer from us, and where handling it stands.</summary>
/// <remarks>
/// There is at most one item per post, created by the pipeline in the commit that stores the post. The item is
/// resolved when one of our accounts answers in its thread (see <see cref="IsAnsweredBy"/>) or by hand.
/// </remarks>
public sealed record InboxItem
{
    /// <summary>Gets the id of the item, which is the id of the post that needs an answer.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the identity key of the person who wrote the post.</summary>
    public required string PersonId { get; init; }

    /// <summary>Gets the platform of the post (for example <c>mastodon</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the thread of the post: its <see cref="Post.ThreadId"/>, or the post's own id when it starts a thread.</summary>
    public required string ThreadId { get; init; }

    /// <summary>Gets the strongest reason the post needs an answer.</summary>
    public required InboxItemKind Kind { get; init; }

    /// <summary>Gets the intents found in the post.</summary>
    public IReadOnlyList<IntentLabel> Signals { get; init; } = [];

    /// <summary>Gets the time of the post.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when an answer is due, from the response targets of the relationship options.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Gets where the item stands.</summary>
    public InboxItemState State { get; init; }

    /// <summary>Gets the id of the agent the item is assigned to, or <see langword="null"/>.</summary>
    public string? Assignee { get; init; }

    /// <summary>Gets why the item was ignored, or <see langword="null"/>.</summary>
    public string? IgnoredReason { get; init; }

    /// <summary>Gets the id of our post that answered the item in its thread, or <see langword="null"/> (also when resolved by hand).</summary>
    public string? AnsweredByPostId { get; init; }

    /// <summary>Gets the time of our answer in the thread, or <see langword="null"/>.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Gets the number of changes the item went through; 1 when created. Each change raises one event.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Gets when the item last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets a value indicating whether the item still waits for an answer (new, assigned or waiting).</summary>
    public bool IsOpen => State is InboxItemState.New or InboxItemState.Assigned or InboxItemState.Waiting;

    /// <summary>Gets the thread key of a post: its thread id, or its own id when it starts a thread.</summary>
    /// <param name="post">The post.</param>
    /// <returns>The thread key.</returns>
    public static string ThreadOf(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.ThreadId ?? post.Id;
    }

    /// <summary>
    /// Tells whether one of our posts answers this item: it replies to the item's post itself, or it belongs to the
    /// item's thread and replies to a post of the item's person; and it is not older than the item.
    /// </summary>
    /// <param name="replyToPostId">The id of the post ours replies to.</param>
    /// <param name="threadId">The thread key of our post (<see cref="ThreadOf"/>).</param>
    /// <param name="answeredPersonId">The identity key of the author of the post ours replies to.</param>
    /// <param name="answeredAt">The time of our post.</param>
    /// <returns><see langword="true"/> when our post answers the item.</returns>
    public bool IsAnsweredBy(string? replyToPostId, string threadId, string answeredPersonId, DateTimeOffset answeredAt) =>
        replyToPostId is not null
        && answeredAt >= CreatedAt
        && (string.Equals(replyToPostId, Id, StringComparison.Ordinal)
            || (string.Equals(threadId, ThreadId, StringComparison.Ordinal) && string.Equals(answeredPersonId, PersonId, StringComparison.Ordinal)));
}
