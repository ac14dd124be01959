namespace Monitro.Storage.Shared;

/// <summary>The rules of the reply outbox that every store applies the same way: what is due, what a claim changes, and the inbox item a published reply resolves.</summary>
internal static class ReplyChanges
{
    /// <summary>Whether a reply may be claimed now: queued, due, and without a live lease.</summary>
    public static bool IsDue(Reply reply, DateTimeOffset now) =>
        reply.State == ReplyState.Queued && reply.NextAttemptAt <= now && (reply.LeaseUntil is null || reply.LeaseUntil <= now);

    /// <summary>The reply after a claim: leased, one more attempt, the next version.</summary>
    public static Reply Claim(Reply reply, DateTimeOffset now, TimeSpan leaseDuration) =>
        reply with { LeaseUntil = now + leaseDuration, Attempts = reply.Attempts + 1, Version = reply.Version + 1, UpdatedAt = now };

    /// <summary>Checks a new reply before it is stored.</summary>
    public static void CheckNew(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentException.ThrowIfNullOrWhiteSpace(reply.Id, nameof(reply));
        if (reply.Version != 1)
        {
            throw new ArgumentException("A new reply has version 1.", nameof(reply));
        }
    }

    /// <summary>Checks the arguments of a claim.</summary>
    public static void CheckClaim(int maxCount, TimeSpan leaseDuration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
    }

    /// <summary>Whether a saved change publishes a reply: the moment our post is linked to the person it answers, once per reply.</summary>
    public static bool Publishes(Reply before, Reply after) =>
        before.State != ReplyState.Published && after.State == ReplyState.Published && after.PublishedPostId is not null;

    /// <summary>The open item answered by our published reply, and the kind of its alert; <see langword="null"/> when the item is no longer open.</summary>
    public static (InboxItem Item, string Kind)? Answer(InboxItem item, Reply published, DateTimeOffset now)
    {
        if (!item.IsOpen)
        {
            return null;
        }

        var answeredAt = published.PublishedAt ?? now;
        return (item with
        {
            State = InboxItemState.Resolved,
            AnsweredByPostId = published.PublishedPostId,
            AnsweredAt = answeredAt,
            Version = item.Version + 1,
            UpdatedAt = now,
        }, AlertKinds.ItemResolved);
    }

    /// <summary>Our published reply as an outbound interaction with the item's person, in the item's thread: what Care and the role rules read.</summary>
    public static Interaction Outbound(Reply published, InboxItem item) => Outbound(published, item.PersonId, item.ThreadId);

    /// <summary>
    /// Our published reply, created without an inbox item, as an outbound interaction with the author of the post it
    /// answers (<paramref name="answered"/>, that post's inbound interaction), in that post's thread: the interaction
    /// the pipeline makes when it reads our post back, under the same id.
    /// </summary>
    public static Interaction Outbound(Reply published, Interaction answered) =>
        Outbound(published, answered.PersonId, answered.ThreadId ?? answered.PostId);

    /// <summary>The inbound interaction of the post a reply answers, among the interactions of that post; <see langword="null"/> when none was stored.</summary>
    /// <remarks>A post has one inbound interaction, its author's; the ordinal-first person decides should a store hold more.</remarks>
    public static Interaction? AnsweredInteraction(IEnumerable<Interaction> interactionsOfThePost) =>
        interactionsOfThePost
            .Where(static interaction => interaction.Direction == InteractionDirection.Inbound)
            .OrderBy(static interaction => interaction.PersonId, StringComparer.Ordinal)
            .FirstOrDefault();

    private static Interaction Outbound(Reply published, string personId, string threadId) => new()
    {
        Id = Interaction.CreateId(published.PublishedPostId!, personId),
        PersonId = personId,
        PostId = published.PublishedPostId!,
        Kind = InteractionKind.Reply,
        Direction = InteractionDirection.Outbound,
        OccurredAt = published.PublishedAt ?? published.UpdatedAt,
        InReplyToPostId = published.InReplyToPostId,
        ThreadId = threadId,
    };

    public static KeyNotFoundException Unknown(string replyId) => new($"There is no reply '{replyId}'.");
}
