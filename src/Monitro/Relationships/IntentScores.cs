using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>
/// Per intent label, a decayed noisy-OR of the hits: 1 − Π(1 − confidence × decay). Purchase intent fades
/// faster; complaints and churn risks do not fade while open and drop out once resolved.
/// </summary>
internal static class IntentScores
{
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Dictionary<IntentLabel, RelationshipScore> Compute(IReadOnlyList<Interaction> timeline, IReadOnlyList<ResponseItem> items, RelationshipOptions options, DateTimeOffset asOf)
    {
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.IsComplaint && item.IsResolved)
            {
                resolved.Add(item.Item.Id);
            }
        }

        var accumulators = new Dictionary<IntentLabel, (double Miss, List<string> Evidence)>();
        foreach (var interaction in timeline)
        {
            if (interaction.Direction != InteractionDirection.Inbound)
            {
                continue;
            }

            foreach (var hit in interaction.Intents)
            {
                var open = hit.Label is IntentLabel.Complaint or IntentLabel.ChurnRisk;
                if (open && resolved.Contains(interaction.Id))
                {
                    continue;
                }

                var (miss, evidence) = accumulators.TryGetValue(hit.Label, out var found) ? found : (1.0, new List<string>());
                if (evidence.Count == 0 || evidence[^1] != interaction.Id)
                {
                    evidence.Add(interaction.Id);
                }

                accumulators[hit.Label] = (miss * Miss(hit, interaction, open, options, asOf), evidence);
            }
        }

        var culture = CultureInfo.InvariantCulture;
        var scores = new Dictionary<IntentLabel, RelationshipScore>();
        foreach (var (label, (miss, evidence)) in accumulators)
        {
            var halfLife = label == IntentLabel.PurchaseIntent ? options.PurchaseIntentHalfLife : options.IntentHalfLife;
            var how = label is IntentLabel.Complaint or IntentLabel.ChurnRisk
                ? "open until answered and the tone recovered"
                : string.Create(culture, $"half-life {halfLife.TotalDays:0.#} d");
            scores[label] = new RelationshipScore
            {
                Value = Math.Round(100 * (1 - miss), 1),
                Observations = evidence.Count,
                Evidence = evidence,
                Factors = [new("noisy-or", Math.Round(1 - miss, 4), 100, string.Create(culture, $"{evidence.Count} posts with the intent, decayed noisy-OR ({how})"))],
            };
        }

        return scores;
    }

    /// <summary>
    /// Gets the value of the purchase intent alone, as <see cref="Compute"/> scores it, or <see langword="null"/> when
    /// no post of the person shows it: all the roles read of the intents, without building any score.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? PurchaseIntent(IReadOnlyList<Interaction> timeline, RelationshipOptions options, DateTimeOffset asOf)
    {
        double? miss = null;
        for (var i = 0; i < timeline.Count; i++)
        {
            var interaction = timeline[i];
            if (interaction.Direction != InteractionDirection.Inbound)
            {
                continue;
            }

            var intents = interaction.Intents;
            for (var j = 0; j < intents.Count; j++)
            {
                if (intents[j].Label == IntentLabel.PurchaseIntent)
                {
                    miss = (miss ?? 1.0) * Miss(intents[j], interaction, open: false, options, asOf);
                }
            }
        }

        return miss is { } left ? Math.Round(100 * (1 - left), 1) : null;
    }

    // The chance one hit leaves the intent unexplained: 1 − confidence × decay (an open complaint or churn risk does not decay).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Miss(IntentHit hit, Interaction interaction, bool open, RelationshipOptions options, DateTimeOffset asOf)
    {
        var decay = open ? 1.0
            : Decay.Factor(interaction.OccurredAt, asOf, hit.Label == IntentLabel.PurchaseIntent ? options.PurchaseIntentHalfLife : options.IntentHalfLife);
        var confidence = double.IsNaN(hit.Confidence) ? 0 : Math.Clamp(hit.Confidence, 0, 1);
        return 1 - (confidence * decay);
    }
}
