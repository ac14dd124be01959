namespace Monitro;

/// <summary>
/// What an operator does with alerts that delivery gave up: send them again (re-drive), one by one or all of a
/// sink's once it is back, or drop them (discard). List them with <see cref="IMonitroQueries.GetDeadLettersAsync"/>:
/// they are the dead letters of kind <see cref="DeadLetterKinds.Alert"/>, positioned at their idempotency key.
/// </summary>
/// <remarks>
/// <para>The reason of a dead alert starts with the name of the sink that failed it and a colon
/// (<c>WebhookAlertSink: HttpRequestException: …</c>, the sink's type name), which is what
/// <see cref="RedriveSinkAsync"/> matches.</para>
/// <para>Re-driving puts the alert back in the outbox as a new entry (no failed attempts, due at once, a new retry
/// window) and forgets that its key was settled, so the dispatcher delivers it again with the same idempotency key.
/// Discarding deletes the dead letter and keeps the key settled, so a replayed batch still does not enqueue it.</para>
/// <para>Implementations are thread-safe, and safe to share between processes where the store is.</para>
/// </remarks>
public interface IAlertDeadLetters
{
    /// <summary>Puts one dead alert back in the outbox.</summary>
    /// <param name="idempotencyKey">The key of the alert (the dead letter's position).</param>
    /// <param name="cancellationToken">A token that cancels the update.</param>
    /// <returns><see langword="true"/> when the alert was dead and is now waiting again; <see langword="false"/> when no dead alert has that key.</returns>
    ValueTask<bool> RedriveAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Puts back in the outbox every dead alert whose reason names the sink, for example once its receiver is back.</summary>
    /// <param name="sinkName">The sink's type name, as the reasons start with it (<c>WebhookAlertSink</c>).</param>
    /// <param name="cancellationToken">A token that cancels the update.</param>
    /// <returns>How many alerts were put back.</returns>
    ValueTask<int> RedriveSinkAsync(string sinkName, CancellationToken cancellationToken = default);

    /// <summary>Deletes one dead alert for good; its key stays settled.</summary>
    /// <param name="idempotencyKey">The key of the alert (the dead letter's position).</param>
    /// <param name="cancellationToken">A token that cancels the update.</param>
    /// <returns><see langword="true"/> when a dead alert was deleted.</returns>
    ValueTask<bool> DiscardAsync(string idempotencyKey, CancellationToken cancellationToken = default);
}
