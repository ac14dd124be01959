using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>
/// Tie strength: days of contact weighted by kind and decayed (many messages in a day add less and less), a volume
/// that keeps growing (slowly) with more contact, times reciprocity (both sides writing on many days beats a one-sided
/// stream; a relationship only one side wrote in is no tie yet, by default) and duration (a longer acquaintance beats
/// a new one). Recency enters through the decay. No factor reaches its maximum in finite time, so strong relationships
/// stay ordered instead of all scoring 100.
/// </summary>
internal static class BondScore
{
    public const string Strong = "strong";
    public const string Warm = "warm";
    public const string Weak = "weak";
    public const string Dormant = "dormant";

    private const int EvidenceLimit = 10;

    // The weight, in volume scales, at which the volume factor is one half: (1 + 3)^−½ = ½.
    private const double HalfCreditWeight = 3;

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
        // The unit of contact is a day (UTC) with contact, not a message: a burst of a hundred messages in one evening
        // says less about a tie than contact on many days. The timeline is in time order, so a day's contacts are adjacent.
        var weight = 0.0;
        var days = 0;
        var inboundDays = 0;
        var outboundDays = 0;
        for (var i = 0; i < timeline.Count;)
        {
            var day = timeline[i].OccurredAt.UtcTicks / TimeSpan.TicksPerDay;
            var heaviest = 0.0;
            var messages = 0;
            var inbound = false;
            var outbound = false;
            var latest = timeline[i].OccurredAt;
            for (; i < timeline.Count && timeline[i].OccurredAt.UtcTicks / TimeSpan.TicksPerDay == day; i++)
            {
                var interaction = timeline[i];
                heaviest = Math.Max(heaviest, KindWeight(interaction.Kind, options));
                messages++;
                inbound |= interaction.Direction == InteractionDirection.Inbound;
                outbound |= interaction.Direction == InteractionDirection.Outbound;
                latest = interaction.OccurredAt;
            }

            days++;
            inboundDays += inbound ? 1 : 0;
            outboundDays += outbound ? 1 : 0;
            var decay = Decay.Factor(latest, asOf, options.BondHalfLife);
            var dayWeight = heaviest * (1 + (options.BurstWeight * Math.Log(messages)));
            weight += dayWeight * (options.LastingShare + ((1 - options.LastingShare) * decay));
        }

        var volume = Volume(weight, options.VolumeScale);

        // Reciprocity counts days each side wrote, so a broadcaster's many posts are not balanced by one long answer;
        // full credit once we wrote on at least half as many days as they did, or they on half as many as we did. One-way
        // contact gets OneWayFactor (0 by default): people rate pairs who never answered each other no closer than pairs
        // with no contact at all, so ranking one-way contact above silence only adds noise.
        var twoWay = inboundDays > 0 && outboundDays > 0;
        var balance = !twoWay ? 0.0 : Math.Min(1.0, 2.0 * Math.Min(inboundDays, outboundDays) / Math.Max(inboundDays, outboundDays));
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
        return new BondMeasure(value, band, weight, days, inboundDays, outboundDays, volume, twoWay, balance, reciprocity, span, duration, silence);
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
                new("volume", Math.Round(bond.Volume, 4), 100, string.Create(culture, $"{bond.Days} days of contact, {timeline.Count} messages: decayed kind-weighted contact {bond.Weight:0.##} (a day counts its heaviest kind, × 1 + {options.BurstWeight:0.##} ln n for n messages; half-life {options.BondHalfLife.TotalDays:0.#} d, {options.LastingShare:0.##} of it lasting), half credit at {HalfCreditWeight * options.VolumeScale:0.#}")),
                new("reciprocity", Math.Round(bond.Reciprocity, 4), 1, string.Create(culture, $"they wrote on {bond.InboundDays} days ({state.Inbound} messages), we on {bond.OutboundDays} ({state.Outbound}): {(twoWay ? balance >= 1 ? "two-way, balanced" : "two-way, one-sided" : options.OneWayFactor > 0 ? "one-way" : "one-way, no tie until both sides write")}")),
                new("duration", Math.Round(bond.Duration, 4), 1, string.Create(culture, $"in contact for {span.TotalDays:0} d; half of the credit for duration at {options.FullDuration.TotalDays:0} d")),
                new("silence", Math.Round(silence.TotalDays, 2), 0, string.Create(culture, $"{Math.Max(0, silence.TotalDays):0} d since the last {(twoWay ? "exchange" : "contact")}; dormant after {options.DormantHalfLives:0.#} half-lives")),
            ],
        };
    }

    /// <summary>
    /// The volume factor: 1 − (1 + weight / scale)^−½. One half at 3 scales, 0.9 at 99 and 0.99 at 9,999: it approaches 1
    /// as the inverse square root of the weight, slowly enough that years of daily contact still rank above months of it
    /// instead of both scoring 100.
    /// </summary>
    public static double Volume(double weight, double scale) => 1 - (1 / Math.Sqrt(1 + (weight / scale)));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
