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
    private static readonly string[] People = RandomHistories.People;

    private static readonly Gen<((int Person, int Hour, int Kind, double Sentiment, int Pick)[] Events, int FirstCut, int SecondCut, int Seed)> Sample =
        Gen.Select(RandomHistories.Event.Array[1, 60], Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, int.MaxValue]);

    [Fact]
    public void Replay_FromSnapshotsTakenAtRandomRestartPoints_EqualsReplayingTheWholeHistory()
    {
        var fromSnapshots = 0;
        Sample.Sample(
            sample =>
            {
                var history = RandomHistories.History(sample.Events);
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
        var history = RandomHistories.History([(0, 0, 2, -0.7, 0), (0, 5, 6, 0, 0), (0, 30, 5, 0.8, 0), (1, 40, 3, 0, 0)]);
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
        var history = RandomHistories.History([(0, 0, 2, -0.7, 0), (0, 5, 6, 0, 0), (1, 40, 3, 0, 0)]);
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

    // Interactions stored after the snapshots of their moment were written (a late commit): never alone at their moment, so the run advances through the same moments.
    private static HashSet<string> Late(List<(Interaction Interaction, Author Person)> history, Random random) =>
        history.GroupBy(pair => pair.Interaction.OccurredAt)
            .SelectMany(moment => moment.Skip(1))
            .Where(_ => random.Next(5) == 0)
            .Select(pair => pair.Interaction.Id)
            .ToHashSet(StringComparer.Ordinal);

    // A live run over the history (without the late interactions), its timer ticking at each wake-up, that commits the snapshots of whom it evaluated at each cut; the last row per person wins.
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

            // A relationship timer that ticks when a wake-up falls due, as a replay advances to it.
            while (registry.NextWakeUp is { } due && due < moment.Key)
            {
                _ = registry.Advance(due);
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
