using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Testing;
using static Monitro.Tests.Relationships.Interactions;

namespace Monitro.Tests.Relationships;

/// <summary>
/// Every suggested role can be re-derived from its rule id, its evidence events and the parameters echoed in
/// the snapshot, with an implementation written here independently of the scorer's.
/// </summary>
public sealed class ExplainabilityTests
{
    private static readonly DateTimeOffset AsOf = TestPosts.Epoch.AddDays(10);

    [Fact]
    public async Task EveryRoleInTheFixtures_IsReDerivedFromItsRuleAndEvidence()
    {
        var crm = new SingleContact("mastodon:crm", new ContactFacts { ContactId = "C-7", Relations = [ContactRelation.Customer, ContactRelation.Investor] });
        var (scorer, _) = RelationshipScorerTests.CreateScorer(o => o.EnableEmploymentInferences = true, s => s.AddSingleton<IContactResolver>(crm));
        var recorded = new Dictionary<string, Interaction>(StringComparer.Ordinal);
        void Add(Interaction interaction)
        {
            recorded[interaction.Id] = interaction;
            scorer.Record(interaction, Person(interaction.PersonId));
        }

        await scorer.ResolveContactsAsync([Person("mastodon:crm")], AsOf);
        Add(Inbound("mastodon:angry", "p1", 9, -0.7, intents: Hit(IntentLabel.Complaint)));
        Add(Inbound("mastodon:gloomy", "p2", 8, -0.6));
        Add(Inbound("mastodon:gloomy", "p3", 9, -0.5));
        Add(Inbound("mastodon:healed", "p4", 1, -0.6, intents: Hit(IntentLabel.Complaint)));
        Add(Outbound("mastodon:healed", "a4", 1.01, "p4"));
        Add(Inbound("mastodon:healed", "p5", 1.02, 0.7, intents: Hit(IntentLabel.Praise)));
        Add(Inbound("mastodon:fan", "p6", 5, 0.8, intents: Hit(IntentLabel.Praise)));
        Add(Inbound("mastodon:fan", "p7", 6, 0.6, intents: [Hit(IntentLabel.Praise), Hit(IntentLabel.Referral)]));
        Add(Inbound("mastodon:shopper", "p8", 9, 0.1, intents: Hit(IntentLabel.PurchaseIntent)));
        Add(Inbound("mastodon:leaving", "p9", 9, -0.2, intents: Hit(IntentLabel.ChurnRisk, 0.65)));
        Add(Inbound("mastodon:seeker", "p10", 9, 0.2, intents: Hit(IntentLabel.JobSeeking)));
        Add(Inbound("mastodon:crm", "p11", 9, 0.1, intents: Hit(IntentLabel.PurchaseIntent)));
        // A friend of four months, who answers and is answered every day: a strong bond.
        for (var i = 0; i < 120; i++)
        {
            Add(Inbound("mastodon:pal", $"f{i}", i - 110, 0.6, kind: InteractionKind.Reply));
            Add(Outbound("mastodon:pal", $"g{i}", i - 109.99, $"f{i}"));
        }

        var snapshots = scorer.GetTop(100, AsOf);
        var derived = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            Assert.NotEmpty(snapshot.Roles);
            foreach (var role in snapshot.Roles)
            {
                var evidence = role.Evidence.Select(id => recorded[id]).ToList();
                var everything = recorded.Values.Where(i => snapshot.Identities.Contains(i.PersonId)).ToList();
                Assert.True(ReDerive(role, evidence, everything, snapshot), $"{snapshot.PersonId}: {role.RuleId} cannot be re-derived from {string.Join(", ", role.Evidence)}");
                derived.Add(role.RuleId);
            }
        }

        Assert.Equal(
            ["advocate.praise", "crm.customer", "crm.investor", "customer.churn-risk", "detractor.negative-affect", "detractor.open-complaint", "detractor.recovered", "friend.strong-positive-bond", "prospect.purchase-intent", "referral.recommends-to-others", "talent.job-seeking"],
            derived.Order(StringComparer.Ordinal));
    }

    private static bool ReDerive(RoleSuggestion role, List<Interaction> evidence, List<Interaction> everything, RelationshipSnapshot snapshot)
    {
        var p = snapshot.Parameters;
        double Number(string name) => double.Parse(p[name], CultureInfo.InvariantCulture);
        TimeSpan Span(string name) => TimeSpan.Parse(p[name], CultureInfo.InvariantCulture);
        static bool Has(Interaction i, IntentLabel label) => i.Intents.Any(hit => hit.Label == label);
        static bool Inbound(Interaction i) => i.Direction == InteractionDirection.Inbound;
        bool Recovered(Interaction complaint) =>
            everything.Where(i => !Inbound(i) && i.OccurredAt >= complaint.OccurredAt).OrderBy(i => i.OccurredAt).FirstOrDefault() is { } answer
            && everything.Any(i => Inbound(i) && i.OccurredAt > answer.OccurredAt && i.Sentiment >= Number("RecoveredToneThreshold") && !Has(i, IntentLabel.Complaint) && !Has(i, IntentLabel.ChurnRisk));

        switch (role.RuleId)
        {
            case var crm when crm.StartsWith("crm.", StringComparison.Ordinal):
                return role.IsFact && snapshot.ContactId is not null && evidence.Count == 0;
            case "detractor.open-complaint":
                return evidence.Count > 0 && evidence.All(i => Inbound(i) && (Has(i, IntentLabel.Complaint) || Has(i, IntentLabel.ChurnRisk)) && !Recovered(i));
            case "detractor.negative-affect":
            {
                var weights = evidence.Select(i => Math.Pow(0.5, (snapshot.AsOf - i.OccurredAt) / Span("AffectHalfLife"))).ToList();
                var mean = evidence.Select((i, n) => i.Sentiment!.Value * weights[n]).Sum() / weights.Sum();
                return evidence.Count >= Number("AffectMinimumObservations") && 50 + (50 * mean) < Number("DetractorAffect");
            }

            case "detractor.recovered":
                return evidence.Count == 3
                    && Inbound(evidence[0]) && (Has(evidence[0], IntentLabel.Complaint) || Has(evidence[0], IntentLabel.ChurnRisk))
                    && !Inbound(evidence[1]) && evidence[1].OccurredAt >= evidence[0].OccurredAt
                    && Inbound(evidence[2]) && evidence[2].OccurredAt > evidence[1].OccurredAt && evidence[2].Sentiment >= Number("RecoveredToneThreshold");
            case "advocate.praise":
                return evidence.Count >= Number("AdvocateMinimumPosts")
                    && evidence.All(i => Inbound(i) && i.Sentiment > 0 && (Has(i, IntentLabel.Praise) || Has(i, IntentLabel.Referral)));
            case "prospect.purchase-intent":
            {
                var miss = 1.0;
                foreach (var hit in evidence.SelectMany(i => i.Intents.Where(h => h.Label == IntentLabel.PurchaseIntent).Select(h => (i.OccurredAt, h.Confidence))))
                {
                    miss *= 1 - (hit.Confidence * Math.Pow(0.5, (snapshot.AsOf - hit.OccurredAt) / Span("PurchaseIntentHalfLife")));
                }

                return 100 * (1 - miss) >= Number("ProspectIntentThreshold");
            }

            case "customer.churn-risk":
                return evidence.Count > 0 && evidence.All(i => Inbound(i) && Has(i, IntentLabel.ChurnRisk));
            case "referral.recommends-to-others":
                return evidence.Count > 0 && evidence.All(i => Inbound(i) && Has(i, IntentLabel.Referral));
            case "talent.job-seeking":
                return p["EnableEmploymentInferences"] == "true" && evidence.Count > 0 && evidence.All(i => Inbound(i) && Has(i, IntentLabel.JobSeeking));
            case "friend.strong-positive-bond":
                return evidence.Any(Inbound) && evidence.Any(i => !Inbound(i)) && snapshot.Bond >= Number("StrongBand") && snapshot.Affect!.Value >= Number("AdvocateAffect");
            default:
                return false;
        }
    }

    private sealed class SingleContact(string identityKey, ContactFacts facts) : IContactResolver
    {
        public ValueTask<ContactFacts?> ResolveAsync(string key, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(key == identityKey ? facts : null);
    }
}
