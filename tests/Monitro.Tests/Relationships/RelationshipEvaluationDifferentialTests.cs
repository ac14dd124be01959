using System.Globalization;
using CsCheck;
using Monitro.Relationships;
using Monitro.Testing;
using static Monitro.Tests.Relationships.Interactions;

namespace Monitro.Tests.Relationships;

/// <summary>
/// The evaluation that transitions run on (bands, roles and items, no explanation built) decides exactly what the full
/// scorer decides: on generated histories, the same band, Bond, Affect and roles as the fully explained snapshot, and
/// the same transitions as detection over that snapshot; and it builds the snapshot only for a change being raised.
/// </summary>
public sealed class RelationshipEvaluationDifferentialTests
{
    private static readonly string[] People = ["mastodon:ann", "mastodon:bob", "bluesky:cy.example"];

    private static readonly IntentLabel[] Labels = Enum.GetValues<IntentLabel>();

    // One event: who, at which hour (coarse, so moments are shared), what, the tone, two intents, and which earlier post an answer answers.
    private static readonly Gen<(int Person, int Hour, int Kind, double Sentiment, int Pick, (int Label, double Confidence)[] Hits)> Event =
        Gen.Select(Gen.Int[0, People.Length - 1], Gen.Int[0, 24 * 90], Gen.Int[0, 9], Gen.Double[-1, 1], Gen.Int[0, 1000], Gen.Select(Gen.Int[0, Labels.Length - 1], Gen.Double[0, 1]).Array[0, 2]);

    // The events, the hours of timer ticks, each person's CRM relations (as bits of ContactRelation; none at or below 0), and the options' variant.
    private static readonly Gen<((int Person, int Hour, int Kind, double Sentiment, int Pick, (int Label, double Confidence)[] Hits)[] Events, int[] Ticks, int[] Contacts, int Variant)> Sample =
        Gen.Select(Event.Array[1, 120], Gen.Int[0, 24 * 200].Array[0, 12], Gen.Int[-63, 63].Array[People.Length], Gen.Int[0, 7]);

    [Fact]
    public void CheapEvaluation_OnGeneratedHistories_DecidesAndRaisesWhatTheFullScorerDoes()
    {
        var (evaluations, explained, raised) = (0, 0, 0);
        Sample.Sample(
            sample =>
            {
                var run = Run(sample.Events, sample.Ticks, sample.Contacts, sample.Variant);
                evaluations += run.Evaluations;
                explained += run.Explained;
                raised += run.Raised;
            },
            iter: 300);

        // The property means something only if the histories raise transitions of every kind and mostly explain nobody.
        Assert.True(raised >= 300, $"only {raised} transitions raised");
        Assert.True(explained * 4 < evaluations, $"{explained} of {evaluations} evaluations explained");
    }

    [Fact]
    public void Registry_BatchesThatRaiseNothing_ExplainNobody_AndAQueryExplainsOnePerson()
    {
        var registry = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        var raised = new List<RelationshipTransition>();
        for (var batch = 0; batch < 20; batch++)
        {
            foreach (var person in People)
            {
                registry.Record(Inbound(person, $"{person}-{batch}", batch / 24.0, sentiment: 0.3), Person(person));
            }

            raised.AddRange(registry.Advance(TestPosts.Epoch.AddHours(batch)));
        }

        Assert.Empty(raised);
        Assert.Equal((20L * People.Length, 0L), registry.Evaluations);

        // A complaint left unanswered makes a detractor: that evaluation, and only it, is explained.
        registry.Record(Inbound(People[0], "complaint", 20 / 24.0, -0.8, InteractionKind.Mention, Hit(IntentLabel.Complaint)), Person(People[0]));
        var detractor = Assert.Single(registry.Advance(TestPosts.Epoch.AddHours(20)));
        Assert.Equal(RelationshipTransitionKind.NewDetractor, detractor.Kind);
        Assert.Equal((20L * People.Length + 1, 1L), registry.Evaluations);

        Assert.NotNull(registry.GetRelationship(People[1], TestPosts.Epoch.AddHours(20)));
        Assert.Equal((20L * People.Length + 1, 1L), registry.Evaluations); // a query is not an evaluation for transitions
    }

    private static (int Evaluations, int Explained, int Raised) Run(
        (int Person, int Hour, int Kind, double Sentiment, int Pick, (int Label, double Confidence)[] Hits)[] events,
        int[] ticks,
        int[] contacts,
        int variant)
    {
        var options = new RelationshipOptions
        {
            AlertOnEveryOverdueItem = (variant & 1) != 0,
            EnableEmploymentInferences = (variant & 2) != 0,
            AffectMinimumObservations = (variant & 4) != 0 ? 1 : 2,
            BondHalfLife = (variant & 4) != 0 ? TimeSpan.FromDays(5) : TimeSpan.FromDays(30),
        };
        var parameters = new RelationshipParameters(options);
        var cheap = new Dictionary<string, PersonState>(StringComparer.Ordinal);
        var full = new Dictionary<string, PersonState>(StringComparer.Ordinal);
        var history = History(events);
        var moments = history.Select(interaction => interaction.OccurredAt)
            .Concat(ticks.Select(hour => TestPosts.Epoch.AddHours(hour)))
            .Distinct()
            .Order()
            .ToList();
        var (evaluations, explained, raised) = (0, 0, 0);
        var next = 0;
        foreach (var now in moments)
        {
            for (; next < history.Count && history[next].OccurredAt <= now; next++)
            {
                var interaction = history[next];
                foreach (var states in new[] { cheap, full })
                {
                    if (!states.TryGetValue(interaction.PersonId, out var state))
                    {
                        states[interaction.PersonId] = state = new PersonState(interaction.PersonId, Person(interaction.PersonId)) { Contact = ContactOf(interaction.PersonId, contacts) };
                    }

                    state.Add(interaction, Person(interaction.PersonId));
                }
            }

            foreach (var personId in cheap.Keys.Order(StringComparer.Ordinal))
            {
                var evaluation = PersonScorer.Evaluate(cheap[personId], parameters, now);
                var found = new List<RelationshipTransition>();
                TransitionDetector.Detect(cheap[personId], evaluation, options, now, found);

                var reference = PersonScorer.Evaluate(full[personId], parameters, now);
                var snapshot = reference.Snapshot;
                var expected = new List<RelationshipTransition>();
                var needsExplaining = DetectFromSnapshot(full[personId], snapshot, reference.Items, options, now, expected);

                var at = string.Create(CultureInfo.InvariantCulture, $"{personId} at {now:O}");
                Assert.True(snapshot.Band == evaluation.Band, $"{at}: band {evaluation.Band}, the full scorer's {snapshot.Band}");
                Assert.True(snapshot.Bond == evaluation.Bond.Value, $"{at}: bond {evaluation.Bond.Value}, the full scorer's {snapshot.Bond}");
                Assert.True(snapshot.Affect!.Value == evaluation.Affect.Value, $"{at}: affect {evaluation.Affect.Value}, the full scorer's {snapshot.Affect.Value}");
                Assert.True(BitsOf(snapshot.Roles) == evaluation.Roles, $"{at}: roles {evaluation.Roles}, the full scorer's {BitsOf(snapshot.Roles)}");
                Assert.Equal(expected.Select(Describe), found.Select(Describe));
                Assert.Equal(Reported(full[personId]), Reported(cheap[personId]));
                Assert.True(needsExplaining == evaluation.IsExplained, $"{at}: explained {evaluation.IsExplained}, a change to raise {needsExplaining}");
                evaluations++;
                explained += evaluation.IsExplained ? 1 : 0;
                raised += found.Count;
            }
        }

        return (evaluations, explained, raised);
    }

    // Detection as it ran on every fully scored snapshot, read from the snapshot alone; returns whether a change other
    // than an overdue answer was due (what the snapshot is needed for).
    private static bool DetectFromSnapshot(PersonState state, RelationshipSnapshot snapshot, IReadOnlyList<ResponseItem> items, RelationshipOptions options, DateTimeOffset now, List<RelationshipTransition> transitions)
    {
        var roles = BitsOf(snapshot.Roles);
        var previous = state.ReportedRoles;
        var needed = false;
        foreach (var (role, kind, prefix) in new[]
        {
            (RelationshipRole.Detractor, RelationshipTransitionKind.NewDetractor, "new detractor: "),
            (RelationshipRole.RecoveredDetractor, RelationshipTransitionKind.DetractorRecovered, "detractor recovered: "),
        })
        {
            needed |= (roles & RoleRules.Bit(role)) != 0 && (previous & RoleRules.Bit(role)) == 0;
            var guess = snapshot.Roles.FirstOrDefault(r => r.Role == role && !r.IsFact && r.Evidence.Count > 0);
            if (guess is not null && (previous & RoleRules.Bit(role)) == 0)
            {
                var trigger = guess.Evidence[^1];
                Raise(kind, trigger, state.Interactions.FirstOrDefault(i => i.Id == trigger)?.OccurredAt ?? state.LastContactAt, prefix + guess.Reason, guess.Evidence);
            }
        }

        var warmProspect = snapshot.Roles.Any(r => r.Role == RelationshipRole.Prospect) && snapshot.Band is BondScore.Warm or BondScore.Strong;
        if (warmProspect && !state.ReportedWarmProspect)
        {
            needed = true;
            Raise(RelationshipTransitionKind.ProspectWarming, snapshot.BondDetail!.Evidence[0], state.LastContactAt, string.Create(CultureInfo.InvariantCulture, $"prospect turned {snapshot.Band} (bond {snapshot.Bond:0})"), snapshot.BondDetail.Evidence);
        }

        if (snapshot.Band == BondScore.Strong)
        {
            state.WasStrong = true;
        }
        else if (snapshot.Band == BondScore.Dormant && state.WasStrong)
        {
            needed = true;
            state.WasStrong = false;
            var last = snapshot.BondDetail!.Evidence[0];
            var lastExchange = state.Inbound > 0 && state.Outbound > 0 ? Min(state.LastInboundAt, state.LastOutboundAt) : state.LastContactAt;
            Raise(RelationshipTransitionKind.StrongGoneDormant, last, lastExchange + (options.BondHalfLife * options.DormantHalfLives), string.Create(CultureInfo.InvariantCulture, $"strong relationship dormant since {snapshot.LastContactAt:yyyy-MM-dd}"), [last]);
        }

        foreach (var item in items)
        {
            if (item.Answer is null && item.IsOverdue(now) && (item.IsComplaint || options.AlertOnEveryOverdueItem) && state.ReportedOverdue.Add(item.Item.Id))
            {
                var what = item.IsComplaint ? "complaint" : "post";
                Raise(RelationshipTransitionKind.ResponseOverdue, item.Item.Id, item.DueAt, string.Create(CultureInfo.InvariantCulture, $"unanswered {what} past its {item.Target.TotalMinutes:0} min target"), [item.Item.Id]);
            }
        }

        state.ReportedRoles = roles;
        state.ReportedWarmProspect = warmProspect;
        return needed;

        void Raise(RelationshipTransitionKind kind, string trigger, DateTimeOffset happenedAt, string reason, IReadOnlyList<string> evidence)
        {
            if (now - happenedAt <= options.TransitionMaxAge)
            {
                transitions.Add(new RelationshipTransition { PersonId = state.PersonId, Kind = kind, TriggerId = trigger, DetectedAt = now, Reason = reason, Evidence = evidence });
            }
        }
    }

    private static int BitsOf(IEnumerable<RoleSuggestion> roles) => roles.Aggregate(0, (bits, role) => bits | RoleRules.Bit(role.Role));

    private static string Describe(RelationshipTransition transition) =>
        string.Create(CultureInfo.InvariantCulture, $"{transition.PersonId} {transition.Kind} {transition.TriggerId} {transition.DetectedAt:O} {transition.Reason} [{string.Join(',', transition.Evidence)}]");

    private static string Reported(PersonState state) =>
        $"{state.ReportedRoles} {state.ReportedWarmProspect} {state.WasStrong} {string.Join(',', state.ReportedOverdue.Order(StringComparer.Ordinal))}";

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static ContactFacts? ContactOf(string personId, int[] contacts)
    {
        var bits = contacts[Array.IndexOf(People, personId)];
        var relations = Enum.GetValues<ContactRelation>().Where(relation => (bits & (1 << (int)relation)) != 0).ToList();
        return relations.Count == 0 ? null : new ContactFacts { ContactId = "c-" + personId, Relations = relations };
    }

    // The interactions of the events in time order: the person's posts with their intents, and our answers to earlier ones.
    private static List<Interaction> History(IEnumerable<(int Person, int Hour, int Kind, double Sentiment, int Pick, (int Label, double Confidence)[] Hits)> events)
    {
        var history = new List<Interaction>();
        var inbound = new Dictionary<string, List<Interaction>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var (index, hour, kind, sentiment, pick, hits) in events.OrderBy(e => e.Hour))
        {
            var person = People[index];
            var postId = "p" + number++;
            var days = hour / 24.0;
            var earlier = inbound.GetValueOrDefault(person) ?? [];
            var intents = hits.Select(hit => Hit(Labels[hit.Label], hit.Confidence)).ToArray();
            Interaction interaction = kind switch
            {
                >= 5 and <= 8 when earlier.Count > 0 => Outbound(person, postId, days, inReplyTo: earlier[pick % earlier.Count].PostId),
                4 => Outbound(person, postId, days),
                3 => Inbound(person, postId, days, sentiment: null, InteractionKind.Share, intents),
                2 => Inbound(person, postId, days, sentiment, InteractionKind.DirectMessage, intents),
                _ => Inbound(person, postId, days, sentiment, InteractionKind.Mention, intents),
            };
            if (interaction.Direction == InteractionDirection.Inbound)
            {
                inbound[person] = [.. earlier, interaction];
            }

            history.Add(interaction);
        }

        return history;
    }
}
