using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>
/// Responsiveness: of the items that are due (answered, or open past their target), the share answered in
/// time, with late answers counting half. Also reports open items, breaches and the median first response.
/// </summary>
internal static class CareScore
{
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RelationshipScore Compute(IReadOnlyList<ResponseItem> items, DateTimeOffset asOf)
    {
        var due = 0;
        var points = 0.0;
        var open = 0;
        var breaches = 0;
        var responseTimes = new List<TimeSpan>();
        var evidence = new List<string>();
        foreach (var item in items)
        {
            evidence.Add(item.Item.Id);
            if (item.Answer is { } answer)
            {
                evidence.Add(answer.Id);
                responseTimes.Add(item.ResponseTime!.Value);
            }
            else
            {
                open++;
            }

            var overdue = item.IsOverdue(asOf);
            breaches += overdue ? 1 : 0;
            if (item.Answer is not null || overdue)
            {
                due++;
                points += item.Answer is null ? 0 : overdue ? 0.5 : 1;
            }
        }

        responseTimes.Sort();
        var culture = CultureInfo.InvariantCulture;
        var median = responseTimes.Count == 0 ? (TimeSpan?)null : responseTimes[responseTimes.Count / 2];
        return new RelationshipScore
        {
            Value = due == 0 ? null : Math.Round(100 * points / due, 1),
            Observations = items.Count,
            Evidence = evidence,
            Factors =
            [
                new("on-time-share", due == 0 ? 0 : Math.Round(points / due, 4), 100, string.Create(culture, $"{due} items due: answered in time 1, late 0.5, unanswered 0")),
                new("open-items", open, 0, string.Create(culture, $"{open} without an answer")),
                new("breaches", breaches, 0, string.Create(culture, $"{breaches} past the response-time target")),
                new("median-first-response-minutes", median is { } m ? Math.Round(m.TotalMinutes, 1) : -1, 0, median is { } t
                    ? string.Create(culture, $"median first response {t.TotalMinutes:0} min")
                    : "no answers yet"),
            ],
        };
    }
}
