using System.Runtime.CompilerServices;
using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>What the in-memory store keeps beside the model objects, row by row as a durable store does.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <summary>A person, keyed by their identity key: when they were first and last seen.</summary>
    private sealed record PersonRow(DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);

    /// <summary>A platform identity as last seen (the details of the newest post win).</summary>
    private sealed record IdentityRow(Author Author, DateTimeOffset SeenAt);

    /// <summary>A post, or the tombstone of a retracted one: no content, but still known, so a replay cannot bring it back.</summary>
    private sealed record PostRow(string AuthorId, Post? Post, DateTimeOffset? RetractedAt)
    {
        public bool IsRetracted { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => RetractedAt is not null; }
    }

    /// <summary>A dead letter with its sequence number (its place, newest last) and, for an alert, the alert and the person it is about.</summary>
    private sealed record DeadLetterRow(long Id, DeadLetter Letter, string? PersonId, Alert? Alert, int Attempts);

    /// <summary>An alert waiting in the outbox.</summary>
    private sealed class OutboxSlot(Alert alert, long sequence)
    {
        /// <summary>Gets the order of claims: the earliest due first, then the first enqueued.</summary>
        public static Comparison<OutboxSlot> ClaimOrder { get; } = static (x, y) =>
            x.DueAt != y.DueAt ? x.DueAt.CompareTo(y.DueAt) : x.Sequence.CompareTo(y.Sequence);

        public Alert Alert { get; } = alert;

        public long Sequence { get; } = sequence;

        public string? PostId => Alert.Mention?.Post.Id;

        public string? PersonId => AlertSubject.PersonOf(Alert);

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset DueAt { get; set; }

        public DateTimeOffset EnqueuedAt { get; init; }

        public DateTimeOffset LeaseUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
