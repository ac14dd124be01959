namespace Monitro;

/// <summary>
/// The durable queue of our replies: a reply is committed here before anything is sent, and leaves the queue only
/// as published, rejected or dead. A store that implements it keeps replies with the rest of its data.
/// </summary>
/// <remarks>
/// <para>Changes are optimistic: <see cref="SaveReplyAsync"/> writes a reply only over the version it was read at,
/// and a claim bumps the version, so an attempt whose lease expired (its process stalled, another claimed the reply)
/// cannot record an outcome over the newer attempt.</para>
/// <para>Implementations are thread-safe, and safe to share between processes where the store is.</para>
/// </remarks>
public interface IReplyOutbox
{
    /// <summary>Commits a new reply; when a reply with the same id exists, keeps that one.</summary>
    /// <param name="reply">The reply, with <see cref="Reply.Version"/> 1.</param>
    /// <param name="cancellationToken">A token that cancels the write before it starts.</param>
    /// <returns>The stored reply: the new one, or the one already stored under its id.</returns>
    ValueTask<Reply> AddReplyAsync(Reply reply, CancellationToken cancellationToken = default);

    /// <summary>Reads a reply.</summary>
    /// <param name="replyId">The id of the reply.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The reply, or <see langword="null"/> when there is none.</returns>
    ValueTask<Reply?> GetReplyAsync(string replyId, CancellationToken cancellationToken = default);

    /// <summary>Lists replies in one state, oldest first.</summary>
    /// <param name="state">The state.</param>
    /// <param name="maxCount">The most replies to return.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The replies.</returns>
    ValueTask<IReadOnlyList<Reply>> ListRepliesAsync(ReplyState state, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> queued replies that are due and hold no live lease, oldest due first:
    /// each gets a lease until now + <paramref name="leaseDuration"/>, one more <see cref="Reply.Attempts"/> and the next version.
    /// </summary>
    /// <param name="maxCount">The most replies to claim.</param>
    /// <param name="leaseDuration">How long the claim holds before the reply becomes due again.</param>
    /// <param name="cancellationToken">A token that cancels the claim.</param>
    /// <returns>The claimed replies, as stored after the claim.</returns>
    ValueTask<IReadOnlyList<Reply>> ClaimDueRepliesAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a changed reply when the stored one is still at <c>reply.Version - 1</c>. When the change publishes a
    /// reply to an inbox item, the same transaction stores our reply as an outbound interaction with the item's
    /// person in the item's thread, and resolves the item if it is open (answered by <see cref="Reply.PublishedPostId"/>
    /// at <see cref="Reply.PublishedAt"/>).
    /// </summary>
    /// <param name="reply">The reply after the change, with the next version.</param>
    /// <param name="cancellationToken">A token that cancels the write before it starts.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> when the stored reply changed in between.</returns>
    /// <exception cref="KeyNotFoundException">There is no reply with that id.</exception>
    ValueTask<bool> SaveReplyAsync(Reply reply, CancellationToken cancellationToken = default);
}
