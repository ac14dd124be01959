namespace Monitro;

/// <summary>Something that was given up and kept for people to look at: an unreadable source item or an undeliverable alert.</summary>
public sealed record DeadLetter
{
    /// <summary>Gets the kind of dead letter (see <see cref="DeadLetterKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets where it came from: the source name for a source item, <see cref="DeadLetterKinds.Alert"/> for an alert.</summary>
    public required string Origin { get; init; }

    /// <summary>Gets where it was: the position in the source, or the idempotency key of the alert.</summary>
    public required string Position { get; init; }

    /// <summary>Gets why it was given up, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the start of the raw item, or the alert's JSON, or <see langword="null"/>.</summary>
    public string? Excerpt { get; init; }

    /// <summary>Gets when it was recorded (the latest time, if it was recorded again).</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
