using System.Text.Json;
using CsCheck;
using Monitro.Alerting.State;
using Monitro.Relationships;
using Monitro.Testing;

namespace Monitro.Tests.Relationships;

/// <summary>
/// A start from stored person snapshots plus the interactions after them rebuilds exactly what replaying the whole
/// history rebuilds, over random histories, restart points, missing and out-of-date snapshots, and late interactions.
/// </summary>
public sealed class RelationshipSnapshotTests
{
    private static readonly string[] People = ["mastodon:ann", "mastodon:bob", "bluesky:cy.example", "mastodon:dee"];

    // One event: who, at which hour (coarse, so moments are shared), what, the tone, and which earlier post an answer answers.
    private static readonly Gen<(int Person, int Hour, int Kind, double Sentiment, int Pick)> Event =
        Gen.Select(Gen.Int[0, People.Length - 1], Gen.Int[0, 24 * 120], Gen.Int[0, 9], Gen.Double[-1, 1], Gen.Int[0, 1000]);

    private static readonly Gen<((int Person, int Hour, int Kind, double Sentiment, int Pick)[] Events, int FirstCut, int SecondCut, int Seed)> Sample =
        Gen.Select(Event.Array[1, 60], Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, int.MaxValue]);

    [Fact]
    public void Replay_FromSnapshotsTakenAtRandomRestartPoints_EqualsReplayingTheWholeHistory()
    {
        var fromSnapshots = 0;
        Sample.Sample(
            sample =>
            {
                var history = History(sample.Events);
                var random = new Random(sample.Seed);
                var moments = history.Select(pair => pair.Interaction.OccurredAt).Distinct().ToList();
                var first = moments[sample.FirstCut * (moments.Count - 1) / 100];
                var second = moments[Math.Max(sample.FirstCut, sample.SecondCut) * (moments.Count - 1) / 100];
                var rows = SnapshotsOfARun(history, Late(history, random), [first, second]);
                var kept = rows.Where(_ => random.Next(4) != 0).ToList(); // some people have no snapshot (lost, or never written)

                var replayed = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
                _ = replayed.Replay(history);
                var restored = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
                restored.Restore(kept);
                fromSnapshots += restored.Replay(history);

                AssertSame(replayed, restored, history[^1].Interaction.OccurredAt);
            },
            iter: 400);
        Assert.True(fromSnapshots >= 200, $"only {fromSnapshots} people restored from snapshots: the property hardly tested them");
    }

    [Fact]
    public void Replay_SnapshotOfAnotherScorerVersionOrOtherParameters_ReplaysThePersonInstead()
    {
        var history = History([(0, 0, 2, -0.7, 0), (0, 5, 6, 0, 0), (0, 30, 5, 0.8, 0), (1, 40, 3, 0, 0)]);
        var rows = SnapshotsOfARun(history, [], [history[^1].Interaction.OccurredAt]);
        Assert.Equal(2, rows.Count);
        var older = rows.ConvertAll(row => row with { Payload = row.Payload!.Replace($"\"version\":{PersonSnapshot.CurrentVersion}", "\"version\":0", StringComparison.Ordinal) });

        var current = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        current.Restore(rows);
        var otherVersion = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        otherVersion.Restore(older);
        var otherParameters = new RelationshipRegistry(new RelationshipOptions { BondHalfLife = TimeSpan.FromDays(10) }, new NullContactResolver());
        otherParameters.Restore(rows);
        var unreadable = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        unreadable.Restore(rows.ConvertAll(row => row with { Payload = "{not json" }));

        Assert.Equal(2, current.Replay(history));
        Assert.Equal(0, otherVersion.Replay(history));
        Assert.Equal(0, otherParameters.Replay(history));
        Assert.Equal(0, unreadable.Replay(history));
        AssertSame(Replayed(history), current, history[^1].Interaction.OccurredAt);
        AssertSame(Replayed(history), otherVersion, history[^1].Interaction.OccurredAt);
    }

    private static RelationshipRegistry Replayed(List<(Interaction Interaction, Author Person)> history)
    {
        var replayed = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        _ = replayed.Replay(history);
        return replayed;
    }

    [Fact]
    public void TakeUnsaved_AfterAnAdvance_SavesOneSnapshotPerEvaluatedPersonNamingNoInteraction()
    {
        var history = History([(0, 0, 2, -0.7, 0), (0, 5, 6, 0, 0), (1, 40, 3, 0, 0)]);
        var registry = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        foreach (var (interaction, person) in history)
        {
            registry.Record(interaction, person);
        }

        _ = registry.Advance(history[^1].Interaction.OccurredAt);
        var state = new AlertStateWriter();
        registry.TakeUnsaved(state);
        var again = new AlertStateWriter();
        registry.TakeUnsaved(again);

        var rows = state.ToChanges()!.Saved.Where(row => row.Scope == AlertStateScopes.RelationshipSnapshot).ToList();
        Assert.Equal([People[0], People[1]], rows.Select(row => row.Item).Order(StringComparer.Ordinal));
        Assert.All(rows, row => Assert.Equal(row.Item, row.PersonId));
        Assert.All(rows, row => Assert.DoesNotContain("p0", row.Payload!, StringComparison.Ordinal));
        Assert.True(again.IsEmpty); // nobody evaluated since
    }

    // Builds the stored history from the events, ordered as a store returns it (by moment, then id).
    private static List<(Interaction Interaction, Author Person)> History(IEnumerable<(int Person, int Hour, int Kind, double Sentiment, int Pick)> events)
    {
        var history = new List<(Interaction Interaction, Author Person)>();
        var inbound = new Dictionary<string, List<Interaction>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var (index, hour, kind, sentiment, pick) in events.OrderBy(e => e.Hour))
        {
            var person = People[index];
            var postId = "p" + number++;
            var days = hour / 24.0;
            var earlier = inbound.GetValueOrDefault(person) ?? [];
            Interaction interaction = kind switch
            {
                >= 6 and <= 8 when earlier.Count > 0 => Interactions.Outbound(person, postId, days, inReplyTo: earlier[pick % earlier.Count].PostId),
                2 => Interactions.Inbound(person, postId, days, -0.7, InteractionKind.Mention, Interactions.Hit(IntentLabel.Complaint)),
                3 => Interactions.Inbound(person, postId, days, sentiment, InteractionKind.Mention, Interactions.Hit(IntentLabel.Question)),
                4 => Interactions.Inbound(person, postId, days, 0.4, InteractionKind.Mention, Interactions.Hit(IntentLabel.PurchaseIntent)),
                5 => Interactions.Inbound(person, postId, days, 0.8, InteractionKind.Mention, Interactions.Hit(IntentLabel.Praise)),
                9 => Interactions.Inbound(person, postId, days, sentiment, InteractionKind.DirectMessage),
                _ => Interactions.Inbound(person, postId, days, sentiment),
            };
            if (interaction.Direction == InteractionDirection.Inbound)
            {
                inbound[person] = [.. earlier, interaction];
            }

            history.Add((interaction, Interactions.Person(person)));
        }

        return [.. history.OrderBy(pair => pair.Interaction.OccurredAt).ThenBy(pair => pair.Interaction.Id, StringComparer.Ordinal)];
    }

    // Interactions stored after the snapshots of their moment were written (a late commit): never alone at their moment, so the run advances through the same moments.
    private static HashSet<string> Late(List<(Interaction Interaction, Author Person)> history, Random random) =>
        history.GroupBy(pair => pair.Interaction.OccurredAt)
            .SelectMany(moment => moment.Skip(1))
            .Where(_ => random.Next(5) == 0)
            .Select(pair => pair.Interaction.Id)
            .ToHashSet(StringComparer.Ordinal);

    // A live run over the history (without the late interactions) that commits the snapshots of whom it evaluated at each cut; the last row per person wins.
    private static List<AlertStateRow> SnapshotsOfARun(List<(Interaction Interaction, Author Person)> history, HashSet<string> late, DateTimeOffset[] cuts)
    {
        var registry = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        var stored = new Dictionary<string, AlertStateRow>(StringComparer.Ordinal);
        foreach (var moment in history.Where(pair => !late.Contains(pair.Interaction.Id)).GroupBy(pair => pair.Interaction.OccurredAt))
        {
            if (moment.Key > cuts[^1])
            {
                break;
            }

            foreach (var (interaction, person) in moment)
            {
                registry.Record(interaction, person);
            }

            _ = registry.Advance(moment.Key);
            if (cuts.Contains(moment.Key))
            {
                var state = new AlertStateWriter();
                registry.TakeUnsaved(state);
                foreach (var row in state.ToChanges()?.Saved ?? [])
                {
                    stored[row.Item] = row;
                }
            }
        }

        return [.. stored.Values];
    }

    private static void AssertSame(RelationshipRegistry replayed, RelationshipRegistry restored, DateTimeOffset last)
    {
        foreach (var person in People)
        {
            Assert.Equal(Json(replayed.SnapshotOf(person)), Json(restored.SnapshotOf(person)));
            Assert.Equal(Json(replayed.GetRelationship(person, last)), Json(restored.GetRelationship(person, last)));
        }

        // What each would raise from here on: overdue answers, dormancy, nothing twice.
        foreach (var later in new[] { TimeSpan.FromHours(2), TimeSpan.FromDays(3), TimeSpan.FromDays(120) })
        {
            Assert.Equal(Json(replayed.Advance(last + later)), Json(restored.Advance(last + later)));
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
