namespace Monitro.Alerting.State;

/// <summary>Since when a spike rule has counted, under which settings: quiet windows since then count as zero after a restart too.</summary>
internal sealed record SpikeRuleState(string Settings, DateTimeOffset Since);
