namespace Monitro;

/// <summary>How delivery to one sink is going, as <see cref="MentionMonitor.GetSinkStates"/> reads it: its circuit and its counts since the monitor was created.</summary>
public sealed record SinkDeliveryState
{
    /// <summary>Gets the sink's name: its type name, as dead-letter reasons start with it.</summary>
    public required string SinkName { get; init; }

    /// <summary>Gets a value indicating whether the sink's circuit is open: the dispatcher does not call it until <see cref="OpenUntil"/>.</summary>
    public bool IsOpen { get; init; }

    /// <summary>Gets when the open circuit lets the next attempt through, or <see langword="null"/> while it is closed.</summary>
    public DateTimeOffset? OpenUntil { get; init; }

    /// <summary>Gets the failed attempts since the sink last took an alert.</summary>
    public int FailuresInARow { get; init; }

    /// <summary>Gets the alerts the sink took.</summary>
    public long Delivered { get; init; }

    /// <summary>Gets the attempts that failed (not counting alerts held back while the circuit was open).</summary>
    public long Failed { get; init; }

    /// <summary>Gets the type and message of the latest failure, or <see langword="null"/> when it never failed.</summary>
    public string? LastError { get; init; }
}
