namespace Monitro;

/// <summary>Publishes replies on one platform, as one of our accounts.</summary>
/// <remarks>
/// <para>The reply outbox calls <see cref="PublishAsync"/> at least once per reply, and again after a failure or a
/// crash whose outcome it cannot know: an implementation makes the second call publish nothing new when the first
/// one did (an idempotency key, a record key that conflicts, or a look-up of our recent posts) and answer the same post.</para>
/// <para>It must not retry the publishing request itself (the outbox does, knowing what may have happened), and never
/// logs credentials or the reply's text above Trace.</para>
/// </remarks>
public interface IReplyPublisher
{
    /// <summary>Gets the platform, for example <c>mastodon</c>: the source part of the post ids it answers.</summary>
    string Platform { get; }

    /// <summary>Gets the name of our account: the name the publisher was registered under.</summary>
    string Account { get; }

    /// <summary>Gets the longest reply the platform accepts for this account.</summary>
    /// <param name="cancellationToken">A token that cancels the look-up.</param>
    /// <returns>The limit.</returns>
    ValueTask<ReplyLimit> GetLimitAsync(CancellationToken cancellationToken = default);

    /// <summary>Chooses the record key of a new reply, for platforms where the client names the record; kept with the reply for every attempt.</summary>
    /// <param name="now">The time of the creation.</param>
    /// <returns>The key, or <see langword="null"/> when the platform names its posts itself (the default).</returns>
    string? ChooseRecordKey(DateTimeOffset now) => null;

    /// <summary>Publishes a reply, or finds it published by an earlier attempt.</summary>
    /// <param name="reply">The reply; <see cref="Reply.Attempts"/> above 1 means an earlier attempt may have published it.</param>
    /// <param name="cancellationToken">A token that cancels the attempt.</param>
    /// <returns>Our post on the platform.</returns>
    /// <exception cref="ReplyPublishException">The platform refused or failed the reply.</exception>
    ValueTask<PublishedReply> PublishAsync(Reply reply, CancellationToken cancellationToken = default);
}
