using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Monitro;

/// <summary>
/// Turns an alert into the CRM events it means: a mention into <c>person.upserted</c> then <c>mention.created</c>;
/// a relationship transition into <c>relationship.changed</c>; an inbox item change into its <c>item.*</c> event; a retraction into <c>mention.retracted</c>; anything
/// else (digests, spikes) into <c>alert.raised</c>. Event ids derive from the alert's stable key, so a redelivered
/// alert produces the same ids. The relationship an event carries is scored when the event is mapped (at the alert's
/// time), so a redelivered event may carry newer scores under the same id.
/// </summary>
public static class CrmEventMapper
{
    /// <summary>
    /// Maps an alert to its events, in the order a CRM should apply them; the events about a person carry the
    /// relationship with them (<see cref="EventRelationship"/>) scored at the alert's time.
    /// </summary>
    /// <param name="alert">The alert.</param>
    /// <param name="contactIdOf">Tells the CRM contact id of a person, when known; <see langword="null"/> for none.</param>
    /// <param name="relationships">Scores the relationships; <see langword="null"/> for events without them.</param>
    /// <returns>The serialized events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="alert"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<SerializedCrmEvent> Map(Alert alert, Func<Author, string?>? contactIdOf = null, IRelationshipScorer? relationships = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        contactIdOf ??= static _ => null;
        var events = new List<SerializedCrmEvent>(2);
        if (alert.Kind == AlertKinds.Mention && alert.Mention is { } mention)
        {
            var person = SocialProfile.From(mention.Post.Author, contactIdOf(mention.Post.Author));
            var relationship = RelationshipOf(relationships, person.IdentityKey, alert.RaisedAt)?.Data;
            events.Add(Serialize(CrmEventTypes.PersonUpserted, "person.upserted|" + alert.IdempotencyKey, alert.RaisedAt, person.IdentityKey, new PersonUpsertedData(person) { Relationship = relationship }, CrmEventJsonContext.Default.CrmEventPersonUpsertedData));
            events.Add(Serialize(CrmEventTypes.MentionCreated, "mention.created|" + mention.Id, alert.RaisedAt, mention.Id, MentionData(mention, person) with { Relationship = relationship }, CrmEventJsonContext.Default.CrmEventMentionCreatedData));
        }
        else if (alert.Kind == AlertKinds.MentionRetracted && alert.RetractedPostId is { } postId)
        {
            events.Add(Serialize(CrmEventTypes.MentionRetracted, "mention.retracted|" + postId, alert.RaisedAt, postId, new MentionRetractedData(postId), CrmEventJsonContext.Default.CrmEventMentionRetractedData));
        }
        else if (alert.Kind.StartsWith(AlertKinds.ItemPrefix, StringComparison.Ordinal) && alert.Item is { } item)
        {
            // The type is the alert kind itself (item.created, item.assigned, …); the id is the alert key, one per version.
            var data = ItemData(item) with { Relationship = RelationshipOf(relationships, item.PersonId, alert.RaisedAt)?.Data };
            events.Add(Serialize(alert.Kind, alert.IdempotencyKey, alert.RaisedAt, item.Id, data, CrmEventJsonContext.Default.CrmEventItemChangedData));
        }
        else if (alert.Kind.StartsWith(AlertKinds.RelationshipPrefix, StringComparison.Ordinal))
        {
            var relationship = RelationshipOf(relationships, alert.Transition?.PersonId ?? alert.Mention?.Post.Author.IdentityKey, alert.RaisedAt);

            // A transition alert names only the person id; the snapshot knows who that is.
            var author = alert.Mention?.Post.Author ?? relationship?.Snapshot.Person;
            var person = author is null ? null : SocialProfile.From(author, contactIdOf(author));
            var data = new RelationshipChangedData(alert.Kind[AlertKinds.RelationshipPrefix.Length..], alert.Kind, alert.Title, person) { Relationship = relationship?.Data };
            events.Add(Serialize(CrmEventTypes.RelationshipChanged, "relationship.changed|" + alert.IdempotencyKey, alert.RaisedAt, person?.IdentityKey ?? alert.IdempotencyKey, data, CrmEventJsonContext.Default.CrmEventRelationshipChangedData));
        }
        else
        {
            events.Add(Serialize(CrmEventTypes.AlertRaised, "alert.raised|" + alert.IdempotencyKey, alert.RaisedAt, alert.IdempotencyKey, AlertData(alert), CrmEventJsonContext.Default.CrmEventAlertRaisedData));
        }

        return events;
    }

    private static (RelationshipSnapshot Snapshot, EventRelationship Data)? RelationshipOf(IRelationshipScorer? relationships, string? personId, DateTimeOffset asOf)
    {
        if (relationships is null || personId is null || relationships.GetRelationship(personId, asOf) is not { } snapshot)
        {
            return null;
        }

        var data = new EventRelationship(
            snapshot.PersonId,
            snapshot.Identities.Count > 0 ? snapshot.Identities : [snapshot.PersonId],
            snapshot.AsOf,
            snapshot.Bond,
            snapshot.Band,
            snapshot.Affect?.Value,
            snapshot.Care?.Value,
            snapshot.Role is { } role ? Camel(role) : null,
            [.. snapshot.Roles.Select(static suggestion => new EventRole(Camel(suggestion.Role), suggestion.RuleId, suggestion.Reason, suggestion.IsFact))],
            snapshot.Reason);
        return (snapshot, data);
    }

    private static MentionCreatedData MentionData(Mention mention, SocialProfile person)
    {
        var post = mention.Post;
        var signals = mention.Signals;
        return new MentionCreatedData(
            mention.Id,
            post.Id,
            new EventWatch(mention.Watch.Name, Camel(mention.Watch.Category)),
            person,
            post.Source,
            post.Text,
            post.Url,
            post.CreatedAt,
            post.Language,
            signals is null ? null : new EventSentiment(signals.Sentiment.Compound, Camel(signals.Sentiment.Label), signals.Sentiment.Confidence),
            signals?.Intents.Select(hit => new EventIntent(Camel(hit.Label), hit.Phrase, hit.Confidence)).ToArray() ?? [],
            signals?.NeedsResponse ?? false,
            signals?.Intents.Any(hit => hit.Label == IntentLabel.Complaint) ?? false);
    }

    private static ItemChangedData ItemData(InboxItem item) => new(
        item.Id,
        item.PersonId,
        item.Source,
        item.ThreadId,
        Camel(item.Kind),
        Camel(item.State),
        [.. item.Signals.Select(static label => Camel(label))],
        item.CreatedAt,
        item.DueAt,
        item.Version,
        item.Assignee,
        item.IgnoredReason,
        item.AnsweredByPostId,
        item.AnsweredAt);

    private static AlertRaisedData AlertData(Alert alert)
    {
        var summaries = alert.Digest?.Watches ?? (alert.Spike is { } spike ? [spike.Summary] : []);
        return new AlertRaisedData(
            alert.IdempotencyKey,
            alert.Kind,
            alert.Title,
            alert.Rule,
            alert.Digest?.WindowStart ?? alert.Spike?.WindowStart,
            alert.Digest?.WindowEnd,
            alert.Spike?.Metric,
            alert.Spike?.Observed,
            alert.Spike?.Threshold,
            [.. summaries.Select(summary => new EventWatchSummary(
                summary.Watch.Name,
                summary.Mentions,
                summary.Negative,
                [.. summary.TopPosts.Select(post => post.Post.Id)],
                summary.TopPeople,
                summary.TopTerms))]);
    }

    private static SerializedCrmEvent Serialize<TData>(string type, string id, DateTimeOffset time, string subject, TData data, JsonTypeInfo<CrmEvent<TData>> typeInfo)
        where TData : class =>
        new(id, type, JsonSerializer.SerializeToUtf8Bytes(new CrmEvent<TData> { Type = type, Id = id, Time = time, Subject = subject, Data = data }, typeInfo));

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
