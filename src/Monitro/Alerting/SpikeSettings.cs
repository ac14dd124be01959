using System.Globalization;

namespace Monitro.Alerting;

/// <summary>The spike settings of one rule.</summary>
internal sealed record SpikeSettings(TimeSpan Window, int BaselineWindows, double Sensitivity, int MinimumCount, TimeSpan Cooldown, bool DetectNegativeShare)
{
    /// <summary>Gets the settings as one culture-independent string, to tell stored counts made under other settings.</summary>
    public string Fingerprint => string.Create(
        CultureInfo.InvariantCulture, $"{Window.Ticks}|{BaselineWindows}|{Sensitivity:R}|{MinimumCount}|{Cooldown.Ticks}|{DetectNegativeShare}");
}
