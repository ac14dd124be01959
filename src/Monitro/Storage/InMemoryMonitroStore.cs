using Monitro.Storage;
using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>
/// A store that keeps everything in process memory: the default when no durable store is configured, and
/// the store of tests and of the quick start.
/// </summary>
/// <remarks>
/// <para>It keeps the same contract as the durable stores: batch commits validated and applied whole with their
/// checkpoint, idempotent upserts, tombstones for retracted posts, an alert outbox with leases, keyset-paged
/// queries (<see cref="IMonitroQueries"/>), relationship snapshots and forgetting a person
/// (<see cref="IPersonDataEraser"/>). It loses everything when the process ends and keeps every stored post, and
/// its queries scan what it holds: use a durable store (for example <c>UseSqlite</c>) for long-running services.</para>
/// <para>Thread-safe: one lock guards all data, so a reader never sees half a commit.</para>
/// </remarks>
public sealed partial class InMemoryMonitroStore :
    IMonitroStore, IAlertOutbox, IAlertDeadLetters, IMonitroQueries, IInteractionHistory, IPersonInteractionHistory, IRecentInteractionHistory, IInteractionTotals, IPersonDataEraser, IRelationshipSnapshotStore
{
    // The longest post text a commit may carry, as in the durable stores' default.
    private const int MaxTextLength = 10_000_000;

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, SourceCheckpoint> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonRow> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdentityRow> _identities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostRow> _posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Mention> _mentions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Interaction> _interactions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string PersonId, long AsOf), RelationshipSnapshot> _snapshots = [];
    private readonly Dictionary<(string Kind, string Origin, string Position), DeadLetterRow> _deadLetters = [];
    private readonly Dictionary<string, OutboxSlot> _outbox = new(StringComparer.Ordinal);
    private readonly SettledAlertKeys _settledAlertKeys = new();
    private readonly List<OutboxSlot> _claimBuffer = [];
    private long _outboxSequence;
    private long _deadLetterSequence;

    /// <summary>Initializes a new instance of the <see cref="InMemoryMonitroStore"/> class.</summary>
    /// <param name="timeProvider">The clock for outbox leases, due times and dead letters; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public InMemoryMonitroStore(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets a snapshot of the stored posts (retracted posts left).</summary>
    public IReadOnlyList<Post> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts.Values.Select(row => row.Post).OfType<Post>()];
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
                return [.. _mentions.Values.Select(WithStoredPost)];
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

    /// <summary>Gets a snapshot of the items sources could not read, oldest first (one per source and position).</summary>
    public IReadOnlyList<SkippedItem> DeadLetters
    {
        get
        {
            lock (_gate)
            {
                return [.. DeadLettersOldestFirst(DeadLetterKinds.SourceItem)
                    .Select(row => new SkippedItem(row.Letter.Origin, row.Letter.Position, row.Letter.Reason, row.Letter.Excerpt))];
            }
        }
    }

    /// <summary>Gets a snapshot of the alerts that were given up, with the reason, oldest first.</summary>
    public IReadOnlyList<OutboxDeadLetter> DeadAlerts
    {
        get
        {
            lock (_gate)
            {
                return [.. DeadLettersOldestFirst(DeadLetterKinds.Alert)
                    .Select(row => new OutboxDeadLetter(row.Alert!, row.Attempts, row.Letter.Reason))];
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

    private static long Milliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    // A mention is read with its post as stored now (the newest version of the post), as a durable store joins them.
    private Mention WithStoredPost(Mention mention) =>
        _posts.TryGetValue(mention.Post.Id, out var row) && row.Post is { } post ? mention with { Post = post } : mention;

    private IEnumerable<DeadLetterRow> DeadLettersOldestFirst(string kind) =>
        _deadLetters.Values.Where(row => row.Letter.Kind == kind).OrderBy(row => row.Id);
}
