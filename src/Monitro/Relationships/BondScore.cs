using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>
/// Tie strength: days of contact weighted by kind and decayed (many messages in a day add less and less), each side's
/// apart, a volume of the quieter side's contact that keeps growing (slowly) with more, times reciprocity (both sides
/// writing on many days beats a one-sided stream; a relationship only one side wrote in is no tie yet, by default) and
/// duration (contact in more calendar months beats a new or a one-off one); with the overlap of both sides'
/// correspondents when the caller knows them. Recency enters through the decay. No factor reaches its maximum in finite
/// time, so strong relationships stay ordered instead of all scoring 100.
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
    public static BondMeasure Measure(PersonState state, IReadOnlyList<Interaction> timeline, RelationshipOptions options, DateTimeOffset asOf, SharedCorrespondents? correspondents = null)
    {
        // The unit of contact is a day (UTC) with contact, not a message: a burst of a hundred messages in one evening
        // says less about a tie than contact on many days. Each side's days are weighed apart, so the volume can be the
        // quieter side's. The timeline is in time order, so a day's contacts, and a month's days, are adjacent.
        var inboundWeight = 0.0;
        var outboundWeight = 0.0;
        var days = 0;
        var inboundDays = 0;
        var outboundDays = 0;
        var months = 0;
        var lastMonth = -1;
        for (var i = 0; i < timeline.Count;)
        {
            var day = timeline[i].OccurredAt.UtcTicks / TimeSpan.TicksPerDay;
            var (heaviestIn, heaviestOut, messagesIn, messagesOut) = (0.0, 0.0, 0, 0);
            var latest = timeline[i].OccurredAt;
            for (; i < timeline.Count && timeline[i].OccurredAt.UtcTicks / TimeSpan.TicksPerDay == day; i++)
            {
                var interaction = timeline[i];
                if (interaction.Direction == InteractionDirection.Inbound)
                {
                    heaviestIn = Math.Max(heaviestIn, KindWeight(interaction.Kind, options));
                    messagesIn++;
                }
                else
                {
                    heaviestOut = Math.Max(heaviestOut, KindWeight(interaction.Kind, options));
                    messagesOut++;
                }

                latest = interaction.OccurredAt;
            }

            days++;
            var utc = latest.UtcDateTime;
            var month = (utc.Year * 12) + utc.Month;
            months += month == lastMonth ? 0 : 1;
            lastMonth = month;
            var decay = Decay.Factor(latest, asOf, options.BondHalfLife);
            var lasting = options.LastingShare + ((1 - options.LastingShare) * decay);
            if (messagesIn > 0)
            {
                inboundDays++;
                inboundWeight += heaviestIn * (1 + (options.BurstWeight * Math.Log(messagesIn))) * lasting;
            }

            if (messagesOut > 0)
            {
                outboundDays++;
                outboundWeight += heaviestOut * (1 + (options.BurstWeight * Math.Log(messagesOut))) * lasting;
            }
        }

        // The volume is the quieter side's contact: a tie is as strong as what both put into it, so a chatty side's
        // extra messages (a broadcaster's stream, a group's chatter) do not raise it. One-way contact has only one side.
        var twoWay = inboundDays > 0 && outboundDays > 0;
        var weight = twoWay ? Math.Min(inboundWeight, outboundWeight) : Math.Max(inboundWeight, outboundWeight);
        var volume = Volume(weight, options.VolumeScale);

        // Reciprocity counts days each side wrote, so a broadcaster's many posts are not balanced by one long answer;
        // full credit once we wrote on at least half as many days as they did, or they on half as many as we did. One-way
        // contact gets OneWayFactor (0 by default): people rate pairs who never answered each other no closer than pairs
        // with no contact at all, so ranking one-way contact above silence only adds noise.
        var balance = !twoWay ? 0.0 : Math.Min(1.0, 2.0 * Math.Min(inboundDays, outboundDays) / Math.Max(inboundDays, outboundDays));
        var reciprocity = options.OneWayFactor + ((1 - options.OneWayFactor) * balance);

        // Duration counts the calendar months with contact, not the span between the first and the last: a tie kept up
        // month after month is a lasting one, while two bursts a year apart span as much without being one.
        var duration = options.NewRelationshipFactor + ((1 - options.NewRelationshipFactor) * (months / (months + options.DurationMonths)));
        var exchange = volume * reciprocity * duration;

        // What the network adds: two people who write with the same others tend to know each other, with or without
        // messages of their own (a noisy-OR, so it raises a weak exchange more than a strong one and never passes 100).
        var overlap = correspondents?.Overlap ?? 0;
        var value = Math.Round(100 * (1 - ((1 - exchange) * (1 - (options.SharedCorrespondentsWeight * overlap)))), 1);
        var span = state.LastContactAt - state.FirstContactAt;

        // Dormant: no exchange in both directions (or, one-way, no contact at all) for some half-lives.
        var lastExchange = twoWay ? Min(state.LastInboundAt, state.LastOutboundAt) : state.LastContactAt;
        var silence = asOf - lastExchange;
        var dormant = silence > options.BondHalfLife * options.DormantHalfLives;
        var band = dormant ? Dormant : value >= options.StrongBand ? Strong : value >= options.WarmBand ? Warm : Weak;
        return new BondMeasure(value, band, weight, inboundWeight, outboundWeight, days, inboundDays, outboundDays, volume, twoWay, balance, reciprocity, span, months, duration, silence, exchange, correspondents, overlap);
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
        List<ScoreFactor> factors =
            [
                new("volume", Math.Round(bond.Volume, 4), 100, string.Create(culture, $"{bond.Days} days of contact, {timeline.Count} messages: decayed kind-weighted contact {bond.InboundWeight:0.##} from them, {bond.OutboundWeight:0.##} from us (a day counts its heaviest kind, × 1 + {options.BurstWeight:0.##} ln n for n messages; half-life {options.BondHalfLife.TotalDays:0.#} d, {options.LastingShare:0.##} of it lasting); {(twoWay ? "the quieter side's" : "the one side's")} {bond.Weight:0.##} counts, half credit at {HalfCreditWeight * options.VolumeScale:0.#}")),
                new("reciprocity", Math.Round(bond.Reciprocity, 4), 1, string.Create(culture, $"they wrote on {bond.InboundDays} days ({state.Inbound} messages), we on {bond.OutboundDays} ({state.Outbound}): {(twoWay ? balance >= 1 ? "two-way, balanced" : "two-way, one-sided" : options.OneWayFactor > 0 ? "one-way" : "one-way, no tie until both sides write")}")),
                new("duration", Math.Round(bond.Duration, 4), 1, string.Create(culture, $"contact in {bond.Months} calendar months over {Math.Max(0, span.TotalDays):0} d; half of the credit for duration at {options.DurationMonths:0.#} months")),
                new("silence", Math.Round(silence.TotalDays, 2), 0, string.Create(culture, $"{Math.Max(0, silence.TotalDays):0} d since the last {(twoWay ? "exchange" : "contact")}; dormant after {options.DormantHalfLives:0.#} half-lives")),
            ];
        if (bond.Correspondents is { } shared)
        {
            factors.Add(new("shared-correspondents", Math.Round(bond.Overlap, 4), options.SharedCorrespondentsWeight, string.Create(culture, $"{shared.Shared} people both sides write with, of {shared.Ours} of ours and {shared.Theirs} of theirs: overlap {bond.Overlap:0.###}; the exchange alone gives {100 * bond.Exchange:0.#}, with the overlap × {options.SharedCorrespondentsWeight:0.##} {bond.Value:0.#}")));
        }

        return new RelationshipScore { Value = bond.Value, Observations = timeline.Count, Evidence = evidence, Factors = factors };
    }

    /// <summary>
    /// The volume factor: 1 − (1 + weight / scale)^−½. One half at 3 scales, 0.9 at 99 and 0.99 at 9,999: it approaches 1
    /// as the inverse square root of the weight, slowly enough that years of daily contact still rank above months of it
    /// instead of both scoring 100.
    /// </summary>
    public static double Volume(double weight, double scale) => 1 - (1 / Math.Sqrt(1 + (weight / scale)));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
