namespace Monitro;

/// <summary>
/// A store that keeps everything in process memory: the default when no durable store is configured, and
/// the store of tests and of the quick start.
/// </summary>
/// <remarks>
/// <para>It honours the store contract (atomic batch commits with their checkpoint, idempotent upserts, an
/// alert outbox with leases) but loses everything when the process ends, and it keeps every stored post:
/// use a durable store (for example <c>UseSqlite</c>) for long-running services.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class InMemoryMonitroStore : IMonitroStore, IAlertOutbox
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, SourceCheckpoint> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Post> _posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Mention> _mentions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Interaction> _interactions = new(StringComparer.Ordinal);
    private readonly List<SkippedItem> _deadItems = [];
    private readonly List<OutboxDeadLetter> _deadAlerts = [];
    private readonly Dictionary<string, OutboxSlot> _outbox = new(StringComparer.Ordinal);
    private readonly HashSet<string> _settledAlertKeys = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Initializes a new instance of the <see cref="InMemoryMonitroStore"/> class.</summary>
    /// <param name="timeProvider">The clock for outbox leases and due times; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public InMemoryMonitroStore(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets a snapshot of the stored posts.</summary>
    public IReadOnlyList<Post> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts.Values];
            }
        }
    }

    /// <summary>Gets a snapshot of the stored mentions.</summary>
    public IReadOnlyList<Mention> Mentions
    {
        get
        {
            lock (_gate)
            {
                return [.. _mentions.Values];
            }
        }
    }

    /// <summary>Gets a snapshot of the stored interactions.</summary>
    public IReadOnlyList<Interaction> Interactions
    {
        get
        {
            lock (_gate)
            {
                return [.. _interactions.Values];
            }
        }
    }

    /// <summary>Gets a snapshot of the items sources could not read.</summary>
    public IReadOnlyList<SkippedItem> DeadLetters
    {
        get
        {
            lock (_gate)
            {
                return [.. _deadItems];
            }
        }
    }

    /// <summary>Gets a snapshot of the alerts that were given up, with the reason.</summary>
    public IReadOnlyList<OutboxDeadLetter> DeadAlerts
    {
        get
        {
            lock (_gate)
            {
                return [.. _deadAlerts];
            }
        }
    }

    /// <summary>Gets the number of alerts waiting in the outbox.</summary>
    public int PendingAlertCount
    {
        get
        {
            lock (_gate)
            {
                return _outbox.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_checkpoints.GetValueOrDefault(sourceName));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        cancellationToken.ThrowIfCancellationRequested();
        var known = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var id in postIds)
            {
                if (_posts.ContainsKey(id))
                {
                    known.Add(id);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlySet<string>>(known);
    }

    /// <inheritdoc />
    public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            foreach (var post in commit.Posts)
            {
                _posts[post.Id] = post;
            }

            foreach (var mention in commit.Mentions)
            {
                _mentions[mention.Id] = mention;
            }

            foreach (var interaction in commit.Interactions)
            {
                _interactions[interaction.Id] = interaction;
            }

            foreach (var retracted in commit.Retractions)
            {
                Retract(retracted);
            }

            _deadItems.AddRange(commit.Skipped);
            foreach (var alert in commit.Alerts)
            {
                // A replayed batch must not send an alert again that was already delivered or given up.
                if (!_settledAlertKeys.Contains(alert.IdempotencyKey) && !_outbox.ContainsKey(alert.IdempotencyKey))
                {
                    _outbox[alert.IdempotencyKey] = new OutboxSlot(alert, ++_sequence) { DueAt = now };
                }
            }

            if (commit.Checkpoint is not null)
            {
                _checkpoints[commit.SourceName] = commit.Checkpoint;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var claimed = _outbox.Values
                .Where(slot => slot.DueAt <= now && slot.LeaseUntil <= now)
                .OrderBy(slot => slot.DueAt)
                .ThenBy(slot => slot.Sequence)
                .Take(maxCount)
                .ToList();
            foreach (var slot in claimed)
            {
                slot.LeaseUntil = now + leaseDuration;
            }

            return ValueTask.FromResult<IReadOnlyList<OutboxEntry>>(
                [.. claimed.Select(slot => new OutboxEntry(slot.Alert, slot.Attempts, slot.LastError))]);
        }
    }

    /// <inheritdoc />
    public ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        lock (_gate)
        {
            if (_outbox.Remove(idempotencyKey))
            {
                _settledAlertKeys.Add(idempotencyKey);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        lock (_gate)
        {
            if (_outbox.TryGetValue(idempotencyKey, out var slot))
            {
                slot.Attempts++;
                slot.LastError = failure;
                slot.DueAt = nextAttemptAt;
                slot.LeaseUntil = DateTimeOffset.MinValue;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        lock (_gate)
        {
            if (_outbox.Remove(idempotencyKey, out var slot))
            {
                _settledAlertKeys.Add(idempotencyKey);
                _deadAlerts.Add(new OutboxDeadLetter(slot.Alert, slot.Attempts + 1, reason));
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Retract(string postId)
    {
        _posts.Remove(postId);
        foreach (var key in _mentions.Where(pair => pair.Value.Post.Id == postId).Select(pair => pair.Key).ToList())
        {
            _mentions.Remove(key);
        }
    }

    private sealed class OutboxSlot(Alert alert, long sequence)
    {
        public Alert Alert { get; } = alert;

        public long Sequence { get; } = sequence;

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset DueAt { get; set; }

        public DateTimeOffset LeaseUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
