using System.Text.Json;
using Monitro.Relationships;

namespace Monitro.Tests.Relationships;

/// <summary>
/// A replay looks at a person again at the moment their wake-up falls due, not at the next moment anyone else
/// interacted, so what it rebuilds for one person does not depend on other people's history.
/// </summary>
public sealed class RelationshipReplayWakeUpTests
{
    private const string Ann = "mastodon:ann";
    private const string Bob = "mastodon:bob";

    [Fact]
    public void Replay_AnotherPersonBetweenAWakeUpAndTheAnswer_RebuildsThePersonAsTheirOwnHistoryAlone()
    {
        // Ann complains at hour 0 (target one hour) and is answered at hour 10; Bob posts at hour 5, between the two.
        var complaint = Interactions.Inbound(Ann, "c1", 0, -0.8, InteractionKind.Mention, Interactions.Hit(IntentLabel.Complaint));
        var answer = Interactions.Outbound(Ann, "a1", 10 / 24.0, inReplyTo: "c1");
        var bob = Interactions.Inbound(Bob, "b1", 5 / 24.0, 0.2);
        var annAlone = Replayed([(complaint, Interactions.Person(Ann)), (answer, Interactions.Person(Ann))]);
        var withBob = Replayed([(complaint, Interactions.Person(Ann)), (bob, Interactions.Person(Bob)), (answer, Interactions.Person(Ann))]);
        var end = answer.OccurredAt;

        // The complaint went overdue at 1 h, before anything else happened: reported in both, whoever else posted.
        _ = Assert.Single(annAlone.SnapshotOf(Ann)!.ReportedOverdue);
        Assert.Equal(Json(annAlone.SnapshotOf(Ann)), Json(withBob.SnapshotOf(Ann)));
        Assert.Equal(Json(annAlone.Advance(end + TimeSpan.FromDays(2))), Json(withBob.Advance(end + TimeSpan.FromDays(2))));
    }

    [Fact]
    public void Replay_UntilALaterMoment_TakesTheWakeUpsDueBeforeItAtTheirOwnMoments()
    {
        var complaint = Interactions.Inbound(Ann, "c1", 0, -0.8, InteractionKind.Mention, Interactions.Hit(IntentLabel.Complaint));
        var bob = Interactions.Inbound(Bob, "b1", 5 / 24.0, 0.2);
        var whole = Replayed([(complaint, Interactions.Person(Ann)), (bob, Interactions.Person(Bob))]);
        var annApart = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        _ = annApart.Replay([(complaint, Interactions.Person(Ann))], until: bob.OccurredAt);

        Assert.Equal(Json(whole.SnapshotOf(Ann)), Json(annApart.SnapshotOf(Ann)));
        _ = Assert.Single(annApart.SnapshotOf(Ann)!.ReportedOverdue);
    }

    private static RelationshipRegistry Replayed(List<(Interaction Interaction, Author Person)> history)
    {
        var registry = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        _ = registry.Replay(history);
        return registry;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
