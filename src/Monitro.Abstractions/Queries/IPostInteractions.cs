namespace Monitro;

/// <summary>Finds who wrote a stored post, from the post's stored inbound interaction, so that an answer to the post can be attributed to them.</summary>
/// <remarks>
/// <para>A reader that remembers recent authors only in memory (a scaled-out source lease that moved to another machine)
/// asks the store when one of our answers replies to a post it no longer remembers. The person chosen is the one a
/// published reply is linked to (<see cref="IReplyOutbox"/>): a post has one inbound interaction, its author's.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IPostInteractions
{
    /// <summary>Gets the inbound interaction of a post with its person as last seen.</summary>
    /// <param name="postId">The id of the post.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>
    /// The interaction and its person, or <see langword="null"/> when the store holds none: the post was not kept, it is
    /// one of ours, or its person was erased.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="postId"/> is null or empty.</exception>
    ValueTask<RecordedInteraction?> GetInboundInteractionAsync(string postId, CancellationToken cancellationToken = default);
}
