using System.ComponentModel.DataAnnotations;

namespace Monitro;

/// <summary>
/// One alert rule: which alerts it takes (watches or categories, kinds, and filters on the mention) and how it
/// tells people about them (<see cref="Mode"/>). Empty lists do not filter.
/// </summary>
public sealed class AlertRuleOptions
{
    /// <summary>Gets or sets the unique name of the rule; it is part of digest keys, so keep it stable.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets how the rule alerts. Defaults to <see cref="AlertMode.Immediate"/>.</summary>
    public AlertMode Mode { get; set; } = AlertMode.Immediate;

    /// <summary>Gets the watch names the rule takes; empty for every watch.</summary>
    public IList<string> Watches { get; } = [];

    /// <summary>Gets the watch categories the rule takes; empty for every category.</summary>
    public IList<WatchCategory> Categories { get; } = [];

    /// <summary>
    /// Gets the alert kinds the rule takes: exact kinds or a prefix ending in <c>*</c>, for example
    /// <c>relationship.*</c>. Empty means <see cref="AlertKinds.Mention"/> only.
    /// </summary>
    public IList<string> Kinds { get; } = [];

    /// <summary>Gets the sentiment labels the rule takes; empty for every label.</summary>
    public IList<SentimentLabel> Sentiments { get; } = [];

    /// <summary>Gets or sets the highest compound sentiment (−1..+1) the rule takes, for example −0.3 for clearly negative posts.</summary>
    [Range(-1d, 1d)]
    public double? MaxSentiment { get; set; }

    /// <summary>Gets or sets the lowest compound sentiment (−1..+1) the rule takes.</summary>
    [Range(-1d, 1d)]
    public double? MinSentiment { get; set; }

    /// <summary>Gets the intents of which the mention must have at least one; empty for any.</summary>
    public IList<IntentLabel> Intents { get; } = [];

    /// <summary>
    /// Gets the relationship roles (for example <c>detractor</c>, <c>prospect</c>) of which the person must have one;
    /// empty for any. A rule with roles takes only alerts whose person's role is known.
    /// </summary>
    public IList<string> Roles { get; } = [];

    /// <summary>Gets or sets the fewest followers the author must have (reach); <see langword="null"/> for any.</summary>
    [Range(0, long.MaxValue)]
    public long? MinFollowers { get; set; }

    /// <summary>Gets the language tags the post must have one of (<c>en</c> also takes <c>en-GB</c>); empty for any.</summary>
    public IList<string> Languages { get; } = [];

    /// <summary>Gets the source names the post must come from; empty for any.</summary>
    public IList<string> Sources { get; } = [];

    /// <summary>Gets or sets the digest period (for <see cref="AlertMode.Digest"/>).</summary>
    public DigestPeriod Period { get; set; } = DigestPeriod.Hourly;

    /// <summary>Gets or sets how many top posts, people and terms a digest or spike alert lists (1–50).</summary>
    [Range(1, 50)]
    public int TopCount { get; set; } = 5;

    /// <summary>Gets or sets the spike window (for <see cref="AlertMode.Spike"/>): 1 minute to 7 days; one hour by default.</summary>
    public TimeSpan SpikeWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how many earlier windows make the baseline (2–336); 12 by default (the previous 12 hours).</summary>
    [Range(2, 336)]
    public int BaselineWindows { get; set; } = 12;

    /// <summary>Gets or sets k in mean + k·σ (0.5–10); 3 by default.</summary>
    [Range(0.5, 10d)]
    public double Sensitivity { get; set; } = 3;

    /// <summary>Gets or sets the fewest mentions in the window before a spike can alert (at least 1); 10 by default.</summary>
    [Range(1, int.MaxValue)]
    public int MinimumCount { get; set; } = 10;

    /// <summary>Gets or sets how long after a spike alert the same watch stays quiet; three hours by default.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Gets or sets whether a jump in the share of negative mentions also counts as a spike; on by default.</summary>
    public bool DetectNegativeShare { get; set; } = true;
}
