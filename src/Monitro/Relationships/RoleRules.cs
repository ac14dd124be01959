using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>
/// Suggests roles from the scores and events, each with its rule id and evidence. CRM facts come first and
/// outrank guesses that contradict them; a recovered complainer becomes an advocate only on advocacy seen
/// after the recovery.
/// </summary>
internal static class RoleRules
{
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<RoleSuggestion> Suggest(
        ContactFacts? contact,
        IReadOnlyList<Interaction> timeline,
        IReadOnlyList<ResponseItem> items,
        RelationshipScore bond,
        RelationshipScore affect,
        IReadOnlyDictionary<IntentLabel, RelationshipScore> intents,
        RelationshipOptions options)
    {
        var roles = new List<RoleSuggestion>();
        var facts = new HashSet<RelationshipRole>();
        foreach (var relation in contact?.Relations ?? [])
        {
            var role = relation switch
            {
                ContactRelation.Customer => RelationshipRole.Customer,
                ContactRelation.Employee => RelationshipRole.Employee,
                ContactRelation.Prospect => RelationshipRole.Prospect,
                _ => RelationshipRole.Stakeholder,
            };
            var name = relation.ToString().ToLowerInvariant();
            if (facts.Add(role))
            {
                roles.Add(new RoleSuggestion { Role = role, RuleId = RoleRuleIds.CrmPrefix + name, Reason = $"the CRM records contact {contact!.ContactId} as {name}", IsFact = true });
            }
        }

        var culture = CultureInfo.InvariantCulture;
        void Guess(RelationshipRole role, string ruleId, string reason, IReadOnlyList<string> evidence)
        {
            if (!facts.Contains(role))
            {
                roles.Add(new RoleSuggestion { Role = role, RuleId = ruleId, Reason = reason, Evidence = evidence });
            }
        }

        var complaints = items.Where(item => item.IsComplaint).ToList();
        var open = complaints.Where(item => !item.IsResolved).Select(item => item.Item.Id).ToList();
        var detractor = false;
        if (open.Count > 0)
        {
            detractor = true;
            Guess(RelationshipRole.Detractor, RoleRuleIds.OpenComplaint, string.Create(culture, $"{open.Count} complaint(s) not yet answered with a recovered tone"), open);
        }
        else if (affect.Value < options.DetractorAffect)
        {
            detractor = true;
            Guess(RelationshipRole.Detractor, RoleRuleIds.NegativeAffect, string.Create(culture, $"affect {affect.Value:0} below {options.DetractorAffect:0} over {affect.Observations} posts"), affect.Evidence);
        }

        DateTimeOffset? recoveredAt = null;
        if (!detractor && complaints.Count > 0)
        {
            var last = complaints[^1];
            recoveredAt = last.Recovery!.OccurredAt;
            Guess(RelationshipRole.RecoveredDetractor, RoleRuleIds.Recovered, "complained, was answered, and the tone recovered", [last.Item.Id, last.Answer!.Id, last.Recovery.Id]);
        }

        // Advocacy: praise or referral in positive posts, after any recovery (the thank-you itself does not count).
        var advocacy = timeline
            .Where(i => i.Direction == InteractionDirection.Inbound && i.Sentiment > 0
                && (ResponseLedger.Has(i, IntentLabel.Praise) || ResponseLedger.Has(i, IntentLabel.Referral))
                && (recoveredAt is null || i.OccurredAt > recoveredAt)
                && !complaints.Any(c => c.Recovery?.Id == i.Id))
            .Select(i => i.Id)
            .ToList();
        if (!detractor && advocacy.Count >= options.AdvocateMinimumPosts && affect.Value >= options.AdvocateAffect)
        {
            Guess(RelationshipRole.Advocate, RoleRuleIds.Advocacy, string.Create(culture, $"{advocacy.Count} posts praising or recommending us, affect {affect.Value:0}"), advocacy);
        }

        if (intents.TryGetValue(IntentLabel.PurchaseIntent, out var purchase) && purchase.Value >= options.ProspectIntentThreshold && !facts.Contains(RelationshipRole.Customer))
        {
            Guess(RelationshipRole.Prospect, RoleRuleIds.PurchaseIntent, string.Create(culture, $"purchase intent {purchase.Value:0}"), purchase.Evidence);
        }

        var churn = timeline.Where(i => i.Direction == InteractionDirection.Inbound && ResponseLedger.Has(i, IntentLabel.ChurnRisk)).Select(i => i.Id).ToList();
        if (churn.Count > 0)
        {
            Guess(RelationshipRole.Customer, RoleRuleIds.ChurnMeansCustomer, "talks about leaving, so uses the product", churn);
        }

        var referrals = timeline.Where(i => i.Direction == InteractionDirection.Inbound && ResponseLedger.Has(i, IntentLabel.Referral)).Select(i => i.Id).ToList();
        if (referrals.Count > 0)
        {
            Guess(RelationshipRole.ReferralSource, RoleRuleIds.Referral, string.Create(culture, $"recommended us to others in {referrals.Count} post(s)"), referrals);
        }

        if (options.EnableEmploymentInferences && !facts.Contains(RelationshipRole.Employee))
        {
            var seeking = timeline.Where(i => i.Direction == InteractionDirection.Inbound && ResponseLedger.Has(i, IntentLabel.JobSeeking)).Select(i => i.Id).ToList();
            if (seeking.Count > 0)
            {
                Guess(RelationshipRole.Talent, RoleRuleIds.JobSeeking, "looking for a new role", seeking);
            }
        }

        var commercial = roles.Any(r => r.Role is RelationshipRole.Prospect or RelationshipRole.Detractor);
        if (!commercial && bond.Value >= options.StrongBand && affect.Value >= options.AdvocateAffect)
        {
            Guess(RelationshipRole.Friend, RoleRuleIds.StrongPositiveBond, string.Create(culture, $"bond {bond.Value:0} and affect {affect.Value:0}"), bond.Evidence);
        }

        return roles;
    }
}
