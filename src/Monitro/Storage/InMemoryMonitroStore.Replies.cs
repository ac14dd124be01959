using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IReplyOutbox"/> side of the in-memory store.</summary>
public sealed partial class InMemoryMonitroStore : IReplyOutbox
{
    private readonly Dictionary<string, Reply> _replies = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The reply has no id, or a version other than 1.</exception>
    public ValueTask<Reply> AddReplyAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ReplyChanges.CheckNew(reply);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_replies.TryGetValue(reply.Id, out var stored))
            {
                stored = reply;
                _replies[reply.Id] = reply;
            }

            return ValueTask.FromResult(stored);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Reply?> GetReplyAsync(string replyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_replies.GetValueOrDefault(replyId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Reply>> ListRepliesAsync(ReplyState state, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<Reply>>([.. _replies.Values
                .Where(reply => reply.State == state)
                .OrderBy(static reply => reply.CreatedAt)
                .ThenBy(static reply => reply.Id, StringComparer.Ordinal)
                .Take(maxCount)]);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> or <paramref name="leaseDuration"/> is zero or negative.</exception>
    public ValueTask<IReadOnlyList<Reply>> ClaimDueRepliesAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ReplyChanges.CheckClaim(maxCount, leaseDuration);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var claimed = _replies.Values
                .Where(reply => ReplyChanges.IsDue(reply, now))
                .OrderBy(static reply => reply.NextAttemptAt)
                .ThenBy(static reply => reply.Id, StringComparer.Ordinal)
                .Take(maxCount)
                .Select(reply => ReplyChanges.Claim(reply, now, leaseDuration))
                .ToList();
            foreach (var reply in claimed)
            {
                _replies[reply.Id] = reply;
            }

            return ValueTask.FromResult<IReadOnlyList<Reply>>(claimed);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> SaveReplyAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var stored = _replies.GetValueOrDefault(reply.Id) ?? throw ReplyChanges.Unknown(reply.Id);
            if (stored.Version != reply.Version - 1)
            {
                return ValueTask.FromResult(false);
            }

            _replies[reply.Id] = reply;
            if (ReplyChanges.Publishes(stored, reply))
            {
                LinkPublished(reply, now);
            }

            return ValueTask.FromResult(true);
        }
    }

    // Our new post becomes an outbound interaction of the person it answers: the item's, or else the answered post's author.
    private void LinkPublished(Reply published, DateTimeOffset now)
    {
        if (published.ItemId is { } itemId && _inbox.GetValueOrDefault(itemId) is { } item)
        {
            var outbound = ReplyChanges.Outbound(published, item);
            _interactions[outbound.Id] = outbound;
            if (ReplyChanges.Answer(item, published, now) is { } change)
            {
                Save(change, now);
            }
        }
        else if (ReplyChanges.AnsweredInteraction(_interactions.Values.Where(interaction => interaction.PostId == published.InReplyToPostId)) is { } answered)
        {
            var outbound = ReplyChanges.Outbound(published, answered);
            _interactions[outbound.Id] = outbound;
            ResolveAnswered(outbound, now);
        }
    }
}
