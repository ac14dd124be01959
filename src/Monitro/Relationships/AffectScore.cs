using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>Decayed mean sentiment of the person's posts, mapped to 0–100 with 50 neutral; no verdict on too little evidence.</summary>
internal static class AffectScore
{
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AffectMeasure Measure(IReadOnlyList<Interaction> timeline, RelationshipOptions options, DateTimeOffset asOf)
    {
        var weighted = 0.0;
        var weights = 0.0;
        var observations = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            var interaction = timeline[i];
            if (Counts(interaction) is not { } sentiment)
            {
                continue;
            }

            var decay = Decay.Factor(interaction.OccurredAt, asOf, options.AffectHalfLife);
            weighted += sentiment * decay;
            weights += decay;
            observations++;
        }

        var mean = weights > 0 ? weighted / weights : 0;
        var enough = observations >= options.AffectMinimumObservations;
        return new AffectMeasure(enough ? Math.Round(50 + (50 * mean), 1) : null, mean, observations);
    }

    /// <summary>Gets the score with its factors and evidence (the person's analyzed posts) from what <see cref="Measure"/> found.</summary>
    public static RelationshipScore Explain(in AffectMeasure affect, IReadOnlyList<Interaction> timeline, RelationshipOptions options)
    {
        var evidence = new List<string>(affect.Observations);
        foreach (var interaction in timeline)
        {
            if (Counts(interaction) is not null)
            {
                evidence.Add(interaction.Id);
            }
        }

        var culture = CultureInfo.InvariantCulture;
        var mean = affect.Mean;
        return new RelationshipScore
        {
            Value = affect.Value,
            Observations = affect.Observations,
            Evidence = evidence,
            Factors =
            [
                new("mean-sentiment", Math.Round(mean, 4), 50, string.Create(culture, $"decayed mean sentiment {mean:+0.00;-0.00;0.00} (half-life {options.AffectHalfLife.TotalDays:0.#} d); 50 + 50 × mean")),
                new("observations", affect.Observations, 0, affect.Value is not null
                    ? string.Create(culture, $"{affect.Observations} analyzed posts")
                    : string.Create(culture, $"{affect.Observations} analyzed posts; no verdict under {options.AffectMinimumObservations}")),
            ],
        };
    }

    /// <summary>
    /// Gets the sentiment of a post that counts towards affect (the person's own, analyzed) as a rating from -1 to +1, or
    /// <see langword="null"/>: a value that is not a number is no rating, one past the scale counts as its end (a CRM's
    /// own history may carry either).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double? Counts(Interaction interaction) =>
        interaction.Direction == InteractionDirection.Inbound && interaction.Sentiment is { } sentiment && !double.IsNaN(sentiment)
            ? Math.Clamp(sentiment, -1, 1)
            : null;
}
