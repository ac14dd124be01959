using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>Decayed mean sentiment of the person's posts, mapped to 0–100 with 50 neutral; no verdict on too little evidence.</summary>
internal static class AffectScore
{
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RelationshipScore Compute(IReadOnlyList<Interaction> timeline, RelationshipOptions options, DateTimeOffset asOf)
    {
        var weighted = 0.0;
        var weights = 0.0;
        var evidence = new List<string>();
        foreach (var interaction in timeline)
        {
            if (interaction.Direction != InteractionDirection.Inbound || interaction.Sentiment is not { } sentiment)
            {
                continue;
            }

            var decay = Decay.Factor(interaction.OccurredAt, asOf, options.AffectHalfLife);
            weighted += sentiment * decay;
            weights += decay;
            evidence.Add(interaction.Id);
        }

        var culture = CultureInfo.InvariantCulture;
        var mean = weights > 0 ? weighted / weights : 0;
        var enough = evidence.Count >= options.AffectMinimumObservations;
        return new RelationshipScore
        {
            Value = enough ? Math.Round(50 + (50 * mean), 1) : null,
            Observations = evidence.Count,
            Evidence = evidence,
            Factors =
            [
                new("mean-sentiment", Math.Round(mean, 4), 50, string.Create(culture, $"decayed mean sentiment {mean:+0.00;-0.00;0.00} (half-life {options.AffectHalfLife.TotalDays:0.#} d); 50 + 50 × mean")),
                new("observations", evidence.Count, 0, enough
                    ? string.Create(culture, $"{evidence.Count} analyzed posts")
                    : string.Create(culture, $"{evidence.Count} analyzed posts; no verdict under {options.AffectMinimumObservations}")),
            ],
        };
    }
}
