using System.Text.Json;
using Monitro.Relationships;
using Monitro.Tests.Relationships;

namespace Monitro.Tests.Events;

/// <summary>The relationship snapshot the events about a person carry (spec 1.2).</summary>
public sealed class CrmEventRelationshipTests
{
    private const string Jane = "mastodon:jane@example.social";

    [Fact]
    public void Map_MentionWithAScorer_BothEventsCarryTheSnapshotAtTheAlertsTime()
    {
        var scorer = ScorerKnowingJane();
        var expected = scorer.GetRelationship(Jane, CrmEventTestData.Now)!;

        var events = CrmEventMapper.Map(CrmEventTestData.Complaint(), null, scorer);

        var upserted = Read(events[0], CrmEventJsonContext.Default.CrmEventPersonUpsertedData);
        Assert.Equal(CrmEvent<PersonUpsertedData>.CurrentSpecVersion, upserted.SpecVersion);
        var relationship = upserted.Data.Relationship!;
        Assert.Equal((Jane, CrmEventTestData.Now), (relationship.PersonId, relationship.AsOf));
        Assert.Equal([Jane], relationship.Identities);
        Assert.Equal((expected.Bond, expected.Band, expected.Reason), (relationship.Bond, relationship.Band, relationship.Reason));
        Assert.Equal((expected.Affect!.Value, expected.Care!.Value), (relationship.Affect, relationship.Care));
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(expected.Role!.Value.ToString()), relationship.Role);
        Assert.Equal(expected.Roles.Select(role => (role.RuleId, role.Reason)), relationship.Roles.Select(role => (role.RuleId, role.Reason)));
        Assert.Equivalent(relationship, Read(events[1], CrmEventJsonContext.Default.CrmEventMentionCreatedData).Data.Relationship, strict: true);
    }

    [Fact]
    public void Map_TransitionAlertNamingOnlyThePersonId_FillsThePersonFromTheSnapshot()
    {
        var scorer = ScorerKnowingJane();
        var transition = new RelationshipTransition { PersonId = Jane, Kind = RelationshipTransitionKind.NewDetractor, TriggerId = "mastodon:1|" + Jane, DetectedAt = CrmEventTestData.Now, Reason = "complained" };

        var changed = Read(Assert.Single(CrmEventMapper.Map(Alert.ForTransition(transition, CrmEventTestData.Now), null, scorer)), CrmEventJsonContext.Default.CrmEventRelationshipChangedData);

        Assert.Equal(Jane, changed.Subject);
        Assert.Equal(("mastodon", "jane@example.social"), (changed.Data.Person!.Platform, changed.Data.Person.Handle));
        Assert.Equal(scorer.GetRelationship(Jane, CrmEventTestData.Now)!.Bond, changed.Data.Relationship!.Bond);
    }

    [Fact]
    public void Map_ItemChange_CarriesTheRelationshipOfItsPerson()
    {
        var item = Read(Assert.Single(CrmEventMapper.Map(CrmEventTestData.Item(), null, ScorerKnowingJane())), CrmEventJsonContext.Default.CrmEventItemChangedData);

        Assert.Equal(Jane, item.Data.Relationship!.PersonId);
    }

    [Fact]
    public void Map_WithoutAScorerOrForAnUnknownPerson_LeavesTheMemberOut()
    {
        var withoutScorer = CrmEventMapper.Map(CrmEventTestData.Complaint());
        var unknownPerson = CrmEventMapper.Map(CrmEventTestData.Praise(), null, ScorerKnowingJane());

        Assert.All(withoutScorer.Concat(unknownPerson), crmEvent => Assert.DoesNotContain("\"relationship\"", System.Text.Encoding.UTF8.GetString(crmEvent.Body.Span), StringComparison.Ordinal));
    }

    [Fact]
    public void Map_IdentitiesMonitroLinked_AreAllNamed()
    {
        var options = new RelationshipOptions();
        options.LinkedIdentities.Add(new IdentityLink { First = Jane, Second = "bluesky:jane.example.com" });
        var scorer = ScorerKnowingJane(options);

        var relationship = Read(CrmEventMapper.Map(CrmEventTestData.Complaint(), null, scorer)[0], CrmEventJsonContext.Default.CrmEventPersonUpsertedData).Data.Relationship!;

        Assert.Equal(2, relationship.Identities.Count);
        Assert.Contains("bluesky:jane.example.com", relationship.Identities);
        Assert.Contains(relationship.PersonId, relationship.Identities);
    }

    /// <summary>A scorer that has seen one complaint from Jane an hour before the alerts, and our answer to an earlier question.</summary>
    internal static RelationshipRegistry ScorerKnowingJane(RelationshipOptions? options = null)
    {
        var scorer = new RelationshipRegistry(options ?? new RelationshipOptions(), new NullContactResolver());
        var jane = Interactions.Person(Jane);
        scorer.Record(Inbound("mastodon:0", -4, 0.4, Interactions.Hit(IntentLabel.Question)), jane);
        scorer.Record(new Interaction { Id = Interaction.CreateId("mastodon:00", Jane), PersonId = Jane, PostId = "mastodon:00", Kind = InteractionKind.Reply, Direction = InteractionDirection.Outbound, OccurredAt = CrmEventTestData.Now.AddHours(-3.5), InReplyToPostId = "mastodon:0" }, jane);
        scorer.Record(Inbound("mastodon:1", -1, -0.7, Interactions.Hit(IntentLabel.Complaint)), jane);
        return scorer;
    }

    private static Interaction Inbound(string postId, double hours, double sentiment, IntentHit intent) => new()
    {
        Id = Interaction.CreateId(postId, Jane),
        PersonId = Jane,
        PostId = postId,
        Kind = InteractionKind.Mention,
        Direction = InteractionDirection.Inbound,
        OccurredAt = CrmEventTestData.Now.AddHours(hours),
        Sentiment = sentiment,
        Intents = [intent],
        NeedsResponse = true,
    };

    private static CrmEvent<TData> Read<TData>(SerializedCrmEvent crmEvent, System.Text.Json.Serialization.Metadata.JsonTypeInfo<CrmEvent<TData>> typeInfo)
        where TData : class => JsonSerializer.Deserialize(crmEvent.Body.Span, typeInfo)!;
}
