using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Monitro.Relationships;

/// <summary>
/// Scores one person from their state alone: Bond, Affect, Intent, Care, Reach and roles, echoing the
/// parameters used. Pure: the same state, parameters and moment give the same snapshot.
/// </summary>
/// <remarks>
/// In two steps: <see cref="Evaluate"/> computes the numbers transitions compare (the Bond and its band, the roles, the
/// response items), and <see cref="Explain"/> builds the snapshot from them (factors, evidence, reasons), which only
/// <see cref="PersonEvaluation.Snapshot"/> asks for. The snapshot's numbers are the evaluation's: one computation.
/// </remarks>
internal static class PersonScorer
{
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PersonEvaluation Evaluate(PersonState state, RelationshipParameters parameters, DateTimeOffset asOf, double? followersPercentile = null, SharedCorrespondents? correspondents = null)
    {
        var options = parameters.Options;
        var timeline = state.Interactions; // kept in time order as recorded
        var items = ResponseLedger.Build(timeline, options);
        var bond = BondScore.Measure(state, timeline, options, asOf, correspondents);
        var affect = AffectScore.Measure(timeline, options, asOf);
        var purchaseIntent = IntentScores.PurchaseIntent(timeline, options, asOf);
        var roles = RoleRules.Decide(state.Contact, timeline, items, bond.Value, affect, purchaseIntent, options);
        return new PersonEvaluation(state, parameters, asOf, followersPercentile, timeline, items, bond, affect, roles);
    }

    /// <summary>Builds the snapshot of an evaluation: every score with its factors and evidence, the roles with their reasons.</summary>
    public static RelationshipSnapshot Explain(PersonEvaluation evaluation, RelationshipParameters parameters, double? followersPercentile)
    {
        var (state, asOf, timeline, items) = (evaluation.State, evaluation.AsOf, evaluation.Timeline, evaluation.Items);
        var options = parameters.Options;
        var bond = BondScore.Explain(evaluation.Bond, state, timeline, options);
        var band = evaluation.Band;
        var affect = AffectScore.Explain(evaluation.Affect, timeline, options);
        var intents = IntentScores.Compute(timeline, items, options, asOf);
        var care = CareScore.Compute(items, asOf);
        var roles = RoleRules.Suggest(state.Contact, timeline, items, bond, affect, intents, options);
        var reach = options.EnableReach && followersPercentile is { } percentile && state.Person.Followers is { } followers
            ? new RelationshipScore
            {
                Value = Math.Round(100 * percentile, 1),
                Observations = 1,
                Factors = [new("followers", followers, 0, string.Create(CultureInfo.InvariantCulture, $"{followers} followers, more than {100 * percentile:0}% of known people; ranks, never strengthens the bond"))],
            }
            : null;

        var sentimentCount = 0;
        var sentimentSum = 0.0;
        foreach (var interaction in timeline)
        {
            if (AffectScore.Counts(interaction) is { } sentiment)
            {
                sentimentSum += sentiment;
                sentimentCount++;
            }
        }

        var openItems = items.Count(item => item.Answer is null);
        return new RelationshipSnapshot
        {
            PersonId = state.PersonId,
            Person = state.Person,
            AsOf = asOf,
            Bond = bond.Value!.Value,
            Band = band,
            Inbound = state.Inbound,
            Outbound = state.Outbound,
            AverageSentiment = sentimentCount == 0 ? null : Math.Round(sentimentSum / sentimentCount, 2),
            OpenItems = openItems,
            FirstContactAt = state.FirstContactAt,
            LastContactAt = state.LastContactAt,
            Reason = Reason(state, roles, bond, band, affect, care, openItems, asOf),
            Identities = [.. state.Identities],
            ContactId = state.Contact?.ContactId,
            BondDetail = bond,
            Affect = affect,
            Care = care,
            Reach = reach,
            Intents = intents,
            Roles = roles,
            Role = roles.Count == 0 ? null : roles[0].Role,
            ParametersHash = parameters.Hash,
            Parameters = parameters.Values,
        };
    }

    private static string Reason(PersonState state, List<RoleSuggestion> roles, RelationshipScore bond, string band, RelationshipScore affect, RelationshipScore care, int openItems, DateTimeOffset asOf)
    {
        var culture = CultureInfo.InvariantCulture;
        var reason = new StringBuilder();
        if (roles.Count > 0)
        {
            reason.Append(culture, $"{roles[0].Role}: {roles[0].Reason}; ");
        }

        var twoWay = state.Inbound > 0 && state.Outbound > 0;
        var days = Math.Max(0, (int)(asOf - state.LastContactAt).TotalDays);
        reason.Append(culture, $"{band} bond, {(twoWay ? "two-way" : "one-way")} ({state.Inbound} in, {state.Outbound} out), last contact {days} d ago");
        if (affect.Value is { } tone)
        {
            reason.Append(culture, $"; affect {tone:0}");
        }

        if (care.Value is { } responsiveness)
        {
            reason.Append(culture, $"; care {responsiveness:0}");
        }

        if (openItems > 0)
        {
            reason.Append(culture, $"; {openItems} unanswered");
        }

        return reason.ToString();
    }
}
