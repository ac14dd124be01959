namespace Monitro;

/// <summary>The data of <c>mention.created</c>: one immutable activity per (watch, post).</summary>
/// <param name="MentionId">The stable mention id, <c>watch|post-id</c>.</param>
/// <param name="PostId">The post id, <c>source:native-id</c>.</param>
/// <param name="Watch">The watch's name and category.</param>
/// <param name="Person">The author.</param>
/// <param name="Source">The source name.</param>
/// <param name="Text">The plain text of the post.</param>
/// <param name="Url">The post's address, when known.</param>
/// <param name="CreatedAt">When the post was written.</param>
/// <param name="Language">The language tag, when known.</param>
/// <param name="Sentiment">The sentiment, absent before enrichment.</param>
/// <param name="Intents">The intents found.</param>
/// <param name="NeedsResponse">Whether the post needs an answer.</param>
/// <param name="IsComplaint">Whether the post is a complaint: open a case.</param>
public sealed record MentionCreatedData(
    string MentionId,
    string PostId,
    EventWatch Watch,
    SocialProfile Person,
    string Source,
    string Text,
    Uri? Url,
    DateTimeOffset CreatedAt,
    string? Language,
    EventSentiment? Sentiment,
    IReadOnlyList<EventIntent> Intents,
    bool NeedsResponse,
    bool IsComplaint)
{
    /// <summary>Gets the relationship with the person at the alert's time (spec 1.2), when the sink has a relationship scorer and knows the person.</summary>
    public EventRelationship? Relationship { get; init; }
}

/// <summary>The data of <c>mention.retracted</c>.</summary>
/// <param name="PostId">The id of the withdrawn post; every activity of it should go.</param>
public sealed record MentionRetractedData(string PostId);

/// <summary>The data of <c>person.upserted</c>: a social profile.</summary>
/// <param name="Person">The profile.</param>
public sealed record PersonUpsertedData(SocialProfile Person)
{
    /// <summary>Gets the relationship with the person at the alert's time (spec 1.2), when the sink has a relationship scorer and knows the person.</summary>
    public EventRelationship? Relationship { get; init; }
}

/// <summary>The data of <c>relationship.changed</c>.</summary>
/// <param name="Transition">What changed, for example <c>new-detractor</c>, <c>prospect-warming</c>.</param>
/// <param name="AlertKind">The alert kind, for example <c>relationship.new-detractor</c>.</param>
/// <param name="Title">A one-line description.</param>
/// <param name="Person">The person, when the alert or the relationship scorer names one.</param>
public sealed record RelationshipChangedData(string Transition, string AlertKind, string Title, SocialProfile? Person)
{
    /// <summary>Gets the relationship with the person at the alert's time (spec 1.2), when the sink has a relationship scorer and knows the person.</summary>
    public EventRelationship? Relationship { get; init; }
}

/// <summary>The data of <c>alert.raised</c>: a digest, a spike, or another alert.</summary>
/// <param name="AlertId">The alert's idempotency key.</param>
/// <param name="Kind">The alert kind.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Rule">The rule that raised it, when one did.</param>
/// <param name="WindowStart">The start of the window a digest or spike covers.</param>
/// <param name="WindowEnd">The end of the window a digest covers.</param>
/// <param name="Metric">What rose, for a spike (<c>volume</c> or <c>negative-share</c>).</param>
/// <param name="Observed">The value in the window, for a spike.</param>
/// <param name="Threshold">The threshold crossed, for a spike.</param>
/// <param name="Watches">The summaries per watch.</param>
public sealed record AlertRaisedData(
    string AlertId,
    string Kind,
    string Title,
    string? Rule,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd,
    string? Metric,
    double? Observed,
    double? Threshold,
    IReadOnlyList<EventWatchSummary> Watches);

/// <summary>A watch.</summary>
/// <param name="Name">The name.</param>
/// <param name="Category">The category in camelCase (<c>brand</c>, <c>competitor</c>, …).</param>
public sealed record EventWatch(string Name, string Category);

/// <summary>A sentiment score.</summary>
/// <param name="Compound">−1..+1.</param>
/// <param name="Label"><c>positive</c>, <c>negative</c> or <c>neutral</c>.</param>
/// <param name="Confidence">0..1.</param>
public sealed record EventSentiment(double Compound, string Label, double Confidence);

/// <summary>An intent with the phrase that fired it.</summary>
/// <param name="Label">The intent in camelCase (<c>complaint</c>, <c>question</c>, …).</param>
/// <param name="Phrase">The phrase.</param>
/// <param name="Confidence">0..1.</param>
public sealed record EventIntent(string Label, string Phrase, double Confidence);

/// <summary>The mentions of one watch in a digest or spike window.</summary>
/// <param name="Watch">The watch.</param>
/// <param name="Mentions">How many.</param>
/// <param name="Negative">How many negative.</param>
/// <param name="TopPostIds">The ids of the most visible posts.</param>
/// <param name="TopPeople">The identity keys and counts of the people who posted most.</param>
/// <param name="TopTerms">The terms that came up most.</param>
public sealed record EventWatchSummary(string Watch, int Mentions, int Negative, IReadOnlyList<string> TopPostIds, IReadOnlyList<RankedCount> TopPeople, IReadOnlyList<RankedCount> TopTerms);

/// <summary>The data of the <c>item.*</c> events: an inbox item after a change (one event per change, in version order).</summary>
/// <param name="ItemId">The id of the item, which is the id of the post that needs an answer: the key of the CRM case.</param>
/// <param name="PersonId">The identity key of the person who wrote the post.</param>
/// <param name="Source">The platform of the post.</param>
/// <param name="ThreadId">The thread of the post.</param>
/// <param name="Kind">Why the post needs an answer, camelCase (<c>complaint</c>, <c>churnRisk</c>, <c>question</c>, <c>purchaseIntent</c>, <c>addressedToUs</c>).</param>
/// <param name="State">The state after the change, camelCase (<c>new</c>, <c>assigned</c>, <c>waiting</c>, <c>resolved</c>, <c>ignored</c>).</param>
/// <param name="Signals">The intents found in the post, camelCase.</param>
/// <param name="CreatedAt">When the post was written.</param>
/// <param name="DueAt">When the answer is due.</param>
/// <param name="Version">The number of changes so far; 1 for <c>item.created</c>. Apply an event only when its version is above the one you hold.</param>
/// <param name="Assignee">The agent, when assigned.</param>
/// <param name="IgnoredReason">Why it was ignored, when it was.</param>
/// <param name="AnsweredByPostId">Our post that answered it in its thread, when one did.</param>
/// <param name="AnsweredAt">When our answer was posted.</param>
public sealed record ItemChangedData(
    string ItemId,
    string PersonId,
    string Source,
    string ThreadId,
    string Kind,
    string State,
    IReadOnlyList<string> Signals,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    int Version,
    string? Assignee,
    string? IgnoredReason,
    string? AnsweredByPostId,
    DateTimeOffset? AnsweredAt)
{
    /// <summary>Gets the relationship with the person at the alert's time (spec 1.2), when the sink has a relationship scorer and knows the person.</summary>
    public EventRelationship? Relationship { get; init; }
}
