using System.Globalization;

namespace Monitro.Relationships;

/// <summary>
/// Tie strength: kind-weighted interactions with exponential decay, a saturating volume, times reciprocity
/// (two-way beats one-way) and duration. Recency dominates, as in the tie-strength literature.
/// </summary>
internal static class BondScore
{
    public const string Strong = "strong";
    public const string Warm = "warm";
    public const string Weak = "weak";
    public const string Dormant = "dormant";

    private const int EvidenceLimit = 10;

    public static double KindWeight(InteractionKind kind, RelationshipOptions options) => kind switch
    {
        InteractionKind.Reply or InteractionKind.DirectMessage => options.ReplyWeight,
        InteractionKind.Mention => options.MentionWeight,
        InteractionKind.Share => options.ShareWeight,
        _ => options.ReactionWeight,
    };

    public static (RelationshipScore Score, string Band) Compute(PersonState state, IReadOnlyList<Interaction> timeline, RelationshipOptions options, DateTimeOffset asOf)
    {
        var culture = CultureInfo.InvariantCulture;
        var weight = 0.0;
        foreach (var interaction in timeline)
        {
            weight += KindWeight(interaction.Kind, options) * Decay.Factor(interaction.OccurredAt, asOf, options.BondHalfLife);
        }

        var volume = 1 - Math.Exp(-weight / options.VolumeScale);

        // Full credit for reciprocity once we answered at least every other post.
        var twoWay = state.Inbound > 0 && state.Outbound > 0;
        var answeredShare = !twoWay ? 0.0 : Math.Min(1.0, 2.0 * state.Outbound / state.Inbound);
        var reciprocity = options.OneWayFactor + ((1 - options.OneWayFactor) * answeredShare);
        var span = state.LastContactAt - state.FirstContactAt;
        var durationShare = Math.Clamp(span / options.FullDuration, 0, 1);
        var duration = options.NewRelationshipFactor + ((1 - options.NewRelationshipFactor) * durationShare);
        var value = Math.Round(100 * volume * reciprocity * duration, 1);

        // Dormant: no exchange in both directions (or, one-way, no contact at all) for some half-lives.
        var lastExchange = twoWay ? Min(state.LastInboundAt, state.LastOutboundAt) : state.LastContactAt;
        var silence = asOf - lastExchange;
        var dormant = silence > options.BondHalfLife * options.DormantHalfLives;
        var band = dormant ? Dormant : value >= options.StrongBand ? Strong : value >= options.WarmBand ? Warm : Weak;

        var evidence = new List<string>(Math.Min(EvidenceLimit, timeline.Count));
        for (var i = timeline.Count - 1; i >= 0 && evidence.Count < EvidenceLimit; i--)
        {
            evidence.Add(timeline[i].Id);
        }

        var score = new RelationshipScore
        {
            Value = value,
            Observations = timeline.Count,
            Evidence = evidence,
            Factors =
            [
                new("volume", Math.Round(volume, 4), 100, string.Create(culture, $"decayed kind-weighted contact {weight:0.##} (half-life {options.BondHalfLife.TotalDays:0.#} d), saturating at scale {options.VolumeScale:0.##}")),
                new("reciprocity", Math.Round(reciprocity, 4), 1, string.Create(culture, $"{state.Inbound} from them, {state.Outbound} from us: {(twoWay ? "two-way" : "one-way")}")),
                new("duration", Math.Round(duration, 4), 1, string.Create(culture, $"in contact for {span.TotalDays:0} d of {options.FullDuration.TotalDays:0} d for full credit")),
                new("silence", Math.Round(silence.TotalDays, 2), 0, string.Create(culture, $"{Math.Max(0, silence.TotalDays):0} d since the last {(twoWay ? "exchange" : "contact")}; dormant after {options.DormantHalfLives:0.#} half-lives")),
            ],
        };
        return (score, band);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
