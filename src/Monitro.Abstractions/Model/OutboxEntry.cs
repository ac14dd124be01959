namespace Monitro;

/// <summary>An alert waiting in the outbox, with its delivery history.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Attempts">How many delivery attempts failed so far.</param>
/// <param name="LastError">The error of the latest failed attempt, or <see langword="null"/>.</param>
public sealed record OutboxEntry(Alert Alert, int Attempts, string? LastError)
{
    /// <summary>Gets when the alert entered the outbox, or <see langword="null"/> when the outbox does not know.</summary>
    /// <value>The retry window of delivery counts from this moment (from <see cref="Alert.RaisedAt"/> when it is null).</value>
    public DateTimeOffset? EnqueuedAt { get; init; }
}
