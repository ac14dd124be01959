namespace Monitro.Alerting;

/// <summary>The spike settings of one rule.</summary>
internal sealed record SpikeSettings(TimeSpan Window, int BaselineWindows, double Sensitivity, int MinimumCount, TimeSpan Cooldown, bool DetectNegativeShare);
