using System.Text.Json;

namespace Monitro.Tests.Events;

public sealed class CrmEventMapperTests
{
    private static CrmEvent<T> Read<T>(SerializedCrmEvent crmEvent)
        where T : class
    {
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<CrmEvent<T>>)CrmEventJsonContext.Default.GetTypeInfo(typeof(CrmEvent<T>))!;
        return JsonSerializer.Deserialize(crmEvent.Body.Span, typeInfo)!;
    }

    [Fact]
    public void Map_Complaint_UpsertsThePersonThenCreatesTheActivityWithStableIds()
    {
        var alert = CrmEventTestData.Complaint();
        var events = CrmEventMapper.Map(alert, author => author.Handle == "jane@example.social" ? "C-42" : null);

        Assert.Equal([CrmEventTypes.PersonUpserted, CrmEventTypes.MentionCreated], events.Select(e => e.Type));
        var person = Read<PersonUpsertedData>(events[0]);
        Assert.Equal(("1.2", "monitro", "mastodon:jane@example.social"), (person.SpecVersion, person.Source, person.Subject));
        Assert.Equal("C-42", person.Data.Person.ContactId);
        Assert.Equal(310, person.Data.Person.Followers);

        var created = Read<MentionCreatedData>(events[1]);
        Assert.Equal("mention.created|" + alert.Mention!.Id, created.Id);
        Assert.Equal(alert.Mention.Id, created.Data.MentionId);
        Assert.Equal(alert.Mention.Post.Id, created.Data.PostId);
        Assert.True(created.Data.IsComplaint);
        Assert.Equal("complaint", Assert.Single(created.Data.Intents).Label);
        Assert.Equal(("negative", -0.7), (created.Data.Sentiment!.Label, created.Data.Sentiment.Compound));
        Assert.Equal(("acme", "brand"), (created.Data.Watch.Name, created.Data.Watch.Category));
        Assert.Equal(new Uri("https://example.social/@jane/1"), created.Data.Url);

        Assert.Equal(events.Select(e => e.Id), CrmEventMapper.Map(alert with { RaisedAt = alert.RaisedAt.AddHours(1) }).Select(e => e.Id));
    }

    [Fact]
    public void Map_Praise_IsNoComplaint()
    {
        Assert.False(Read<MentionCreatedData>(CrmEventMapper.Map(CrmEventTestData.Praise())[1]).Data.IsComplaint);
    }

    [Fact]
    public void Map_ItemChange_BecomesItsItemEventKeyedByVersion()
    {
        var alert = CrmEventTestData.Item();

        var item = Read<ItemChangedData>(Assert.Single(CrmEventMapper.Map(alert)));

        Assert.Equal((CrmEventTypes.ItemResolved, "item.resolved|mastodon:1|3", "mastodon:1", "1.2"), (item.Type, item.Id, item.Subject, item.SpecVersion));
        Assert.Equal(("complaint", "resolved", 3, "agent-7", "mastodon:2"), (item.Data.Kind, item.Data.State, item.Data.Version, item.Data.Assignee, item.Data.AnsweredByPostId));
        Assert.Equal(["complaint", "churnRisk"], item.Data.Signals);
    }

    [Fact]
    public void Map_OtherKinds_BecomeTheirEvents()
    {
        var retracted = Read<MentionRetractedData>(Assert.Single(CrmEventMapper.Map(CrmEventTestData.Retraction())));
        Assert.Equal("mastodon:9", retracted.Data.PostId);

        var relationship = Read<RelationshipChangedData>(Assert.Single(CrmEventMapper.Map(CrmEventTestData.Relationship())));
        Assert.Equal(("new-detractor", "mastodon:jane@example.social"), (relationship.Data.Transition, relationship.Subject));

        var digest = Read<AlertRaisedData>(Assert.Single(CrmEventMapper.Map(CrmEventTestData.Digest())));
        Assert.Equal(("digest", "daily", 3), (digest.Data.Kind, digest.Data.Rule, digest.Data.Watches.Single().Mentions));
        Assert.Equal("outage", digest.Data.Watches.Single().TopTerms.Single().Key);

        var spike = Read<AlertRaisedData>(Assert.Single(CrmEventMapper.Map(CrmEventTestData.Spike())));
        Assert.Equal(("volume", 90.0, 29.0), (spike.Data.Metric, spike.Data.Observed, spike.Data.Threshold));
    }

    [Fact]
    public void RoundTrip_EveryEvent_SerializesBackToTheSameBytes()
    {
        foreach (var crmEvent in CrmEventTestData.All().SelectMany(alert => CrmEventMapper.Map(alert)))
        {
            var header = JsonSerializer.Deserialize(crmEvent.Body.Span, CrmEventJsonContext.Default.CrmEventHeader)!;
            Assert.Equal((crmEvent.Type, crmEvent.Id, "1.2"), (header.Type, header.Id, header.SpecVersion));
            var again = header.Type switch
            {
                CrmEventTypes.MentionCreated => JsonSerializer.SerializeToUtf8Bytes(Read<MentionCreatedData>(crmEvent), CrmEventJsonContext.Default.CrmEventMentionCreatedData),
                CrmEventTypes.PersonUpserted => JsonSerializer.SerializeToUtf8Bytes(Read<PersonUpsertedData>(crmEvent), CrmEventJsonContext.Default.CrmEventPersonUpsertedData),
                CrmEventTypes.MentionRetracted => JsonSerializer.SerializeToUtf8Bytes(Read<MentionRetractedData>(crmEvent), CrmEventJsonContext.Default.CrmEventMentionRetractedData),
                CrmEventTypes.RelationshipChanged => JsonSerializer.SerializeToUtf8Bytes(Read<RelationshipChangedData>(crmEvent), CrmEventJsonContext.Default.CrmEventRelationshipChangedData),
                { } type when type.StartsWith(AlertKinds.ItemPrefix, StringComparison.Ordinal) => JsonSerializer.SerializeToUtf8Bytes(Read<ItemChangedData>(crmEvent), CrmEventJsonContext.Default.CrmEventItemChangedData),
                _ => JsonSerializer.SerializeToUtf8Bytes(Read<AlertRaisedData>(crmEvent), CrmEventJsonContext.Default.CrmEventAlertRaisedData),
            };
            Assert.Equal(crmEvent.Body.ToArray(), again);
        }
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"specVersion\":\"1.0\",\"type\":\"mention.created\",\"id\":\"x\",\"time\":\"2026-01-01T00:00:00+00:00\",\"subject\":\"s\",\"data\":{\"mentionId\":5}}")]
    [InlineData("[]")]
    public void Read_MalformedOrWrongTypes_Throws(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, CrmEventJsonContext.Default.CrmEventMentionCreatedData));
    }
}
