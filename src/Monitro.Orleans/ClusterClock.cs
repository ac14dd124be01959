namespace Monitro.Orleans;

/// <summary>
/// The clock Monitro's grains and leases read: the host's <see cref="TimeProvider"/>, held apart from the one Orleans
/// itself runs on, so that a test can move Monitro's time (digest windows, spike series) without moving the cluster's
/// membership and timers.
/// </summary>
/// <param name="Time">The clock.</param>
internal sealed record ClusterClock(TimeProvider Time);
