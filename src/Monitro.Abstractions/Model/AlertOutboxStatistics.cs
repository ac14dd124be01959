namespace Monitro;

/// <summary>A snapshot of the alert outbox.</summary>
/// <param name="Waiting">How many alerts wait in the outbox: committed, and neither delivered nor given up (leased ones included).</param>
/// <param name="OldestDueAt">When the alert that has been due the longest became due, or <see langword="null"/> when none waits.</param>
/// <param name="DeadAlerts">How many alerts delivery gave up and keeps as dead letters.</param>
/// <param name="NewestDeadAlertAt">When the most recent alert was given up, or <see langword="null"/> when there is none.</param>
public sealed record AlertOutboxStatistics(long Waiting, DateTimeOffset? OldestDueAt, long DeadAlerts, DateTimeOffset? NewestDeadAlertAt);
