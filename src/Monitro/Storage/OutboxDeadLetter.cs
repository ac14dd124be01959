namespace Monitro;

/// <summary>An alert that was given up after its last delivery attempt.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Reason">Why it was given up.</param>
public sealed record OutboxDeadLetter(Alert Alert, int Attempts, string Reason);
