namespace Monitro;

/// <summary>An alert waiting in the outbox, with its delivery history.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Attempts">How many delivery attempts failed so far.</param>
/// <param name="LastError">The error of the latest failed attempt, or <see langword="null"/>.</param>
public sealed record OutboxEntry(Alert Alert, int Attempts, string? LastError);
