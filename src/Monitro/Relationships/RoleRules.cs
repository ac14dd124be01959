using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Relationships;

/// <summary>
/// Suggests roles from the scores and events, each with its rule id and evidence. CRM facts come first and
/// outrank guesses that contradict them; a recovered complainer becomes an advocate only on advocacy seen
/// after the recovery.
/// </summary>
/// <remarks>
/// One set of rules decides both ways the roles are asked for: as bits alone (<see cref="Decide"/>, what transitions
/// compare, every batch) and explained (<see cref="Suggest"/>, reasons and evidence, for a snapshot).
/// </remarks>
internal static class RoleRules
{
    /// <summary>Gets the roles <see cref="Suggest"/> would suggest, as bits of <see cref="RelationshipRole"/> (<see cref="Bit"/>), explaining none.</summary>
    // Per person evaluated, every batch: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Decide(
        ContactFacts? contact,
        IReadOnlyList<Interaction> timeline,
        IReadOnlyList<ResponseItem> items,
        double? bond,
        in AffectMeasure affect,
        double? purchaseIntent,
        RelationshipOptions options) =>
        Apply(contact, timeline, items, bond, affect.Value, affect.Observations, purchaseIntent, options, explained: null);

    /// <summary>Suggests the roles with their reasons and evidence, the strongest first.</summary>
    public static List<RoleSuggestion> Suggest(
        ContactFacts? contact,
        IReadOnlyList<Interaction> timeline,
        IReadOnlyList<ResponseItem> items,
        RelationshipScore bond,
        RelationshipScore affect,
        IReadOnlyDictionary<IntentLabel, RelationshipScore> intents,
        RelationshipOptions options)
    {
        var purchase = intents.TryGetValue(IntentLabel.PurchaseIntent, out var found) ? found : null;
        var explained = new Explained([], bond, affect, purchase);
        Apply(contact, timeline, items, bond.Value, affect.Value, affect.Observations, purchase?.Value, options, explained);
        return explained.Roles;
    }

    /// <summary>Gets the bit of a role in the roles <see cref="Decide"/> returns.</summary>
    public static int Bit(RelationshipRole role) => 1 << (int)role;

    // The rules: returns the roles as bits and, when asked to explain, adds each suggestion with its reason and evidence.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Apply(
        ContactFacts? contact,
        IReadOnlyList<Interaction> timeline,
        IReadOnlyList<ResponseItem> items,
        double? bond,
        double? affect,
        int affectObservations,
        double? purchaseIntent,
        RelationshipOptions options,
        Explained? explained)
    {
        var facts = 0;
        foreach (var relation in contact?.Relations ?? [])
        {
            var role = relation switch
            {
                ContactRelation.Customer => RelationshipRole.Customer,
                ContactRelation.Employee => RelationshipRole.Employee,
                ContactRelation.Prospect => RelationshipRole.Prospect,
                _ => RelationshipRole.Stakeholder,
            };
            if ((facts & Bit(role)) == 0)
            {
                facts |= Bit(role);
                if (explained is not null)
                {
                    var name = relation.ToString().ToLowerInvariant();
                    explained.Roles.Add(new RoleSuggestion { Role = role, RuleId = RoleRuleIds.CrmPrefix + name, Reason = $"the CRM records contact {contact!.ContactId} as {name}", IsFact = true });
                }
            }
        }

        var roles = facts;

        // A guess counts unless a CRM fact already gives the role; it is explained only when asked.
        bool Guess(RelationshipRole role)
        {
            if ((facts & Bit(role)) != 0)
            {
                return false;
            }

            roles |= Bit(role);
            return explained is not null;
        }

        var culture = CultureInfo.InvariantCulture;
        var complaints = 0;
        var open = 0;
        ResponseItem? lastComplaint = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsComplaint)
            {
                complaints++;
                open += items[i].IsResolved ? 0 : 1;
                lastComplaint = items[i];
            }
        }

        var detractor = false;
        if (open > 0)
        {
            detractor = true;
            if (Guess(RelationshipRole.Detractor))
            {
                explained!.Add(RelationshipRole.Detractor, RoleRuleIds.OpenComplaint, string.Create(culture, $"{open} complaint(s) not yet answered with a recovered tone"), OpenComplaints(items));
            }
        }
        else if (affect < options.DetractorAffect)
        {
            detractor = true;
            if (Guess(RelationshipRole.Detractor))
            {
                explained!.Add(RelationshipRole.Detractor, RoleRuleIds.NegativeAffect, string.Create(culture, $"affect {affect:0} below {options.DetractorAffect:0} over {affectObservations} posts"), explained.Affect.Evidence);
            }
        }

        DateTimeOffset? recoveredAt = null;
        if (!detractor && lastComplaint is { } last)
        {
            recoveredAt = last.Recovery!.OccurredAt;
            if (Guess(RelationshipRole.RecoveredDetractor))
            {
                explained!.Add(RelationshipRole.RecoveredDetractor, RoleRuleIds.Recovered, "complained, was answered, and the tone recovered", [last.Item.Id, last.Answer!.Id, last.Recovery.Id]);
            }
        }

        var advocacy = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            advocacy += IsAdvocacy(timeline[i], recoveredAt, items) ? 1 : 0;
        }

        if (!detractor && advocacy >= options.AdvocateMinimumPosts && affect >= options.AdvocateAffect && Guess(RelationshipRole.Advocate))
        {
            explained!.Add(RelationshipRole.Advocate, RoleRuleIds.Advocacy, string.Create(culture, $"{advocacy} posts praising or recommending us, affect {affect:0}"), Advocacy(timeline, recoveredAt, items));
        }

        if (purchaseIntent >= options.ProspectIntentThreshold && (facts & Bit(RelationshipRole.Customer)) == 0 && Guess(RelationshipRole.Prospect))
        {
            explained!.Add(RelationshipRole.Prospect, RoleRuleIds.PurchaseIntent, string.Create(culture, $"purchase intent {purchaseIntent:0}"), explained.PurchaseIntent!.Evidence);
        }

        if (CountWith(timeline, IntentLabel.ChurnRisk) > 0 && Guess(RelationshipRole.Customer))
        {
            explained!.Add(RelationshipRole.Customer, RoleRuleIds.ChurnMeansCustomer, "talks about leaving, so uses the product", IdsWith(timeline, IntentLabel.ChurnRisk));
        }

        var referrals = CountWith(timeline, IntentLabel.Referral);
        if (referrals > 0 && Guess(RelationshipRole.ReferralSource))
        {
            explained!.Add(RelationshipRole.ReferralSource, RoleRuleIds.Referral, string.Create(culture, $"recommended us to others in {referrals} post(s)"), IdsWith(timeline, IntentLabel.Referral));
        }

        if (options.EnableEmploymentInferences && (facts & Bit(RelationshipRole.Employee)) == 0
            && CountWith(timeline, IntentLabel.JobSeeking) > 0 && Guess(RelationshipRole.Talent))
        {
            explained!.Add(RelationshipRole.Talent, RoleRuleIds.JobSeeking, "looking for a new role", IdsWith(timeline, IntentLabel.JobSeeking));
        }

        var commercial = (roles & (Bit(RelationshipRole.Prospect) | Bit(RelationshipRole.Detractor))) != 0;
        if (!commercial && bond >= options.StrongBand && affect >= options.AdvocateAffect && Guess(RelationshipRole.Friend))
        {
            explained!.Add(RelationshipRole.Friend, RoleRuleIds.StrongPositiveBond, string.Create(culture, $"bond {bond:0} and affect {affect:0}"), explained.Bond.Evidence);
        }

        return roles;
    }

    // Praise or referral in a positive post, after any recovery; the post that showed a recovery (the thank-you itself) does not count.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsAdvocacy(Interaction interaction, DateTimeOffset? recoveredAt, IReadOnlyList<ResponseItem> items)
    {
        if (interaction.Direction != InteractionDirection.Inbound || !(interaction.Sentiment > 0)
            || !(ResponseLedger.Has(interaction, IntentLabel.Praise) || ResponseLedger.Has(interaction, IntentLabel.Referral))
            || (recoveredAt is { } recovered && interaction.OccurredAt <= recovered))
        {
            return false;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsComplaint && items[i].Recovery?.Id == interaction.Id)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> Advocacy(IReadOnlyList<Interaction> timeline, DateTimeOffset? recoveredAt, IReadOnlyList<ResponseItem> items) =>
        [.. timeline.Where(i => IsAdvocacy(i, recoveredAt, items)).Select(i => i.Id)];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> OpenComplaints(IReadOnlyList<ResponseItem> items) =>
        [.. items.Where(item => item.IsComplaint && !item.IsResolved).Select(item => item.Item.Id)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountWith(IReadOnlyList<Interaction> timeline, IntentLabel label)
    {
        var count = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            count += timeline[i].Direction == InteractionDirection.Inbound && ResponseLedger.Has(timeline[i], label) ? 1 : 0;
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> IdsWith(IReadOnlyList<Interaction> timeline, IntentLabel label) =>
        [.. timeline.Where(i => i.Direction == InteractionDirection.Inbound && ResponseLedger.Has(i, label)).Select(i => i.Id)];

    // What explaining the roles needs: the list to fill and the scores whose evidence some rules cite.
    private sealed record Explained(List<RoleSuggestion> Roles, RelationshipScore Bond, RelationshipScore Affect, RelationshipScore? PurchaseIntent)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(RelationshipRole role, string ruleId, string reason, IReadOnlyList<string> evidence) =>
            Roles.Add(new RoleSuggestion { Role = role, RuleId = ruleId, Reason = reason, Evidence = evidence });
    }
}
