using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>
/// Compares a fresh evaluation with what was last reported about a person and returns the changes worth an
/// alert, updating the reported state so each change is raised once per trigger.
/// </summary>
internal static class TransitionDetector
{
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Detect(PersonState state, PersonEvaluation evaluation, RelationshipOptions options, DateTimeOffset now, List<RelationshipTransition> transitions)
    {
        // The bits, band and items decide; the snapshot (reasons, evidence) is built only for a change being raised.
        var roles = evaluation.Roles;
        var previous = state.ReportedRoles;
        if (IsNew(RelationshipRole.Detractor, roles, previous) && Find(evaluation.Snapshot, RelationshipRole.Detractor, guessed: true) is { } detractor)
        {
            Raise(RelationshipTransitionKind.NewDetractor, detractor.Evidence[^1], OccurredAt(state, detractor.Evidence[^1]), "new detractor: " + detractor.Reason, detractor.Evidence);
        }

        if (IsNew(RelationshipRole.RecoveredDetractor, roles, previous) && Find(evaluation.Snapshot, RelationshipRole.RecoveredDetractor, guessed: true) is { } recovered)
        {
            Raise(RelationshipTransitionKind.DetractorRecovered, recovered.Evidence[^1], OccurredAt(state, recovered.Evidence[^1]), "detractor recovered: " + recovered.Reason, recovered.Evidence);
        }

        var band = evaluation.Band;
        var warmProspect = (roles & RoleRules.Bit(RelationshipRole.Prospect)) != 0 && band is BondScore.Warm or BondScore.Strong;
        if (warmProspect && !state.ReportedWarmProspect)
        {
            var snapshot = evaluation.Snapshot;
            var trigger = snapshot.BondDetail!.Evidence[0];
            Raise(RelationshipTransitionKind.ProspectWarming, trigger, state.LastContactAt, string.Create(CultureInfo.InvariantCulture, $"prospect turned {snapshot.Band} (bond {snapshot.Bond:0})"), snapshot.BondDetail.Evidence);
        }

        if (band == BondScore.Strong)
        {
            state.WasStrong = true;
        }
        else if (band == BondScore.Dormant && state.WasStrong)
        {
            state.WasStrong = false;
            var snapshot = evaluation.Snapshot;
            var last = snapshot.BondDetail!.Evidence[0];
            var lastExchange = state.Inbound > 0 && state.Outbound > 0
                ? (state.LastInboundAt <= state.LastOutboundAt ? state.LastInboundAt : state.LastOutboundAt)
                : state.LastContactAt;
            Raise(RelationshipTransitionKind.StrongGoneDormant, last, SaturatingTime.After(lastExchange, options.BondHalfLife * options.DormantHalfLives), string.Create(CultureInfo.InvariantCulture, $"strong relationship dormant since {snapshot.LastContactAt:yyyy-MM-dd}"), [last]);
        }

        foreach (var item in evaluation.Items)
        {
            if (item.Answer is null && item.IsOverdue(now) && (item.IsComplaint || options.AlertOnEveryOverdueItem) && state.ReportedOverdue.Add(item.Item.Id))
            {
                var what = item.IsComplaint ? "complaint" : "post";
                Raise(RelationshipTransitionKind.ResponseOverdue, item.Item.Id, item.DueAt, string.Create(CultureInfo.InvariantCulture, $"unanswered {what} past its {item.Target.TotalMinutes:0} min target"), [item.Item.Id]);
            }
        }

        state.ReportedRoles = roles;
        state.ReportedWarmProspect = warmProspect;

        void Raise(RelationshipTransitionKind kind, string trigger, DateTimeOffset happenedAt, string reason, IReadOnlyList<string> evidence)
        {
            // Old news (history replayed or back-filled) updates the state without an alert.
            if (now - happenedAt > options.TransitionMaxAge)
            {
                return;
            }

            transitions.Add(new RelationshipTransition
            {
                PersonId = state.PersonId,
                Kind = kind,
                TriggerId = trigger,
                DetectedAt = now,
                Reason = reason,
                Evidence = evidence,
            });
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset OccurredAt(PersonState state, string interactionId)
    {
        foreach (var interaction in state.Interactions)
        {
            if (string.Equals(interaction.Id, interactionId, StringComparison.Ordinal))
            {
                return interaction.OccurredAt;
            }
        }

        return state.LastContactAt;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNew(RelationshipRole role, int roles, int previous) => (roles & RoleRules.Bit(role)) != 0 && (previous & RoleRules.Bit(role)) == 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RoleSuggestion? Find(RelationshipSnapshot snapshot, RelationshipRole role, bool guessed)
    {
        foreach (var suggestion in snapshot.Roles)
        {
            if (suggestion.Role == role && suggestion.IsFact != guessed && suggestion.Evidence.Count > 0)
            {
                return suggestion;
            }
        }

        return null;
    }
}
