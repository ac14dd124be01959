using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>
/// Tie strength: kind-weighted interactions with exponential decay, a volume that keeps growing (slowly) with more
/// contact, times reciprocity (a balanced exchange beats a one-sided one) and duration (a longer acquaintance beats a
/// new one). Recency enters through the decay. No factor reaches its maximum in finite time, so strong relationships
/// stay ordered instead of all scoring 100.
/// </summary>
internal static class BondScore
{
    public const string Strong = "strong";
    public const string Warm = "warm";
    public const string Weak = "weak";
    public const string Dormant = "dormant";

    private const int EvidenceLimit = 10;

    // The weight, in volume scales, at which the volume factor is one half: 2 × (√2 − 1).
    private const double HalfCreditWeight = 0.8284;

    public static double KindWeight(InteractionKind kind, RelationshipOptions options) => kind switch
    {
        InteractionKind.Reply or InteractionKind.DirectMessage => options.ReplyWeight,
        InteractionKind.Mention => options.MentionWeight,
        InteractionKind.Share => options.ShareWeight,
        _ => options.ReactionWeight,
    };

    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BondMeasure Measure(PersonState state, IReadOnlyList<Interaction> timeline, RelationshipOptions options, DateTimeOffset asOf)
    {
        var weight = 0.0;
        for (var i = 0; i < timeline.Count; i++)
        {
            var interaction = timeline[i];
            var decay = Decay.Factor(interaction.OccurredAt, asOf, options.BondHalfLife);
            weight += KindWeight(interaction.Kind, options) * (options.LastingShare + ((1 - options.LastingShare) * decay));
        }

        var volume = Volume(weight, options.VolumeScale);

        // Full credit for reciprocity once the quieter side sends at least half as much as the other.
        var twoWay = state.Inbound > 0 && state.Outbound > 0;
        var balance = !twoWay ? 0.0 : Math.Min(1.0, 2.0 * Math.Min(state.Inbound, state.Outbound) / Math.Max(state.Inbound, state.Outbound));
        var reciprocity = options.OneWayFactor + ((1 - options.OneWayFactor) * balance);
        var span = state.LastContactAt - state.FirstContactAt;
        var durationShare = span <= TimeSpan.Zero ? 0 : span / (span + options.FullDuration);
        var duration = options.NewRelationshipFactor + ((1 - options.NewRelationshipFactor) * durationShare);
        var value = Math.Round(100 * volume * reciprocity * duration, 1);

        // Dormant: no exchange in both directions (or, one-way, no contact at all) for some half-lives.
        var lastExchange = twoWay ? Min(state.LastInboundAt, state.LastOutboundAt) : state.LastContactAt;
        var silence = asOf - lastExchange;
        var dormant = silence > options.BondHalfLife * options.DormantHalfLives;
        var band = dormant ? Dormant : value >= options.StrongBand ? Strong : value >= options.WarmBand ? Warm : Weak;
        return new BondMeasure(value, band, weight, volume, twoWay, balance, reciprocity, span, duration, silence);
    }

    /// <summary>Gets the score with its factors and evidence (the latest interactions) from what <see cref="Measure"/> found.</summary>
    public static RelationshipScore Explain(in BondMeasure bond, PersonState state, IReadOnlyList<Interaction> timeline, RelationshipOptions options)
    {
        var culture = CultureInfo.InvariantCulture;
        var evidence = new List<string>(Math.Min(EvidenceLimit, timeline.Count));
        for (var i = timeline.Count - 1; i >= 0 && evidence.Count < EvidenceLimit; i--)
        {
            evidence.Add(timeline[i].Id);
        }

        var (twoWay, balance, span, silence) = (bond.TwoWay, bond.Balance, bond.Span, bond.Silence);
        return new RelationshipScore
        {
            Value = bond.Value,
            Observations = timeline.Count,
            Evidence = evidence,
            Factors =
            [
                new("volume", Math.Round(bond.Volume, 4), 100, string.Create(culture, $"decayed kind-weighted contact {bond.Weight:0.##} (half-life {options.BondHalfLife.TotalDays:0.#} d, {options.LastingShare:0.##} of it lasting), half credit at {HalfCreditWeight * options.VolumeScale:0.#}")),
                new("reciprocity", Math.Round(bond.Reciprocity, 4), 1, string.Create(culture, $"{state.Inbound} from them, {state.Outbound} from us: {(twoWay ? balance >= 1 ? "two-way, balanced" : "two-way, one-sided" : "one-way")}")),
                new("duration", Math.Round(bond.Duration, 4), 1, string.Create(culture, $"in contact for {span.TotalDays:0} d; half of the credit for duration at {options.FullDuration.TotalDays:0} d")),
                new("silence", Math.Round(silence.TotalDays, 2), 0, string.Create(culture, $"{Math.Max(0, silence.TotalDays):0} d since the last {(twoWay ? "exchange" : "contact")}; dormant after {options.DormantHalfLives:0.#} half-lives")),
            ],
        };
    }

    /// <summary>
    /// The volume factor: 1 − (1 + weight / (2 × scale))^−2. Close to 1 − exp(−weight / scale) for a few exchanges,
    /// but it approaches 1 by a power law rather than exponentially, so heavy contact still ranks above moderate contact.
    /// </summary>
    public static double Volume(double weight, double scale)
    {
        var growth = 1 + (weight / (2 * scale));
        return 1 - (1 / (growth * growth));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
