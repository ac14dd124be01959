using System.Text.Json;

namespace Monitro.Alerting.Delivery;

/// <summary>
/// The JSON body of a webhook request (version 1, documented in docs/webhooks.md). It is its own shape, not
/// the model's, so the wire format stays stable while the model grows.
/// </summary>
internal sealed record WebhookPayload(int Version, string Id, string Kind, DateTimeOffset RaisedAt, string Title, WebhookMention? Mention)
{
    public static WebhookPayload From(Alert alert) =>
        new(1, alert.IdempotencyKey, alert.Kind, alert.RaisedAt, alert.Title, alert.Mention is { } mention ? WebhookMention.From(mention) : null);

    internal static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

/// <summary>The mention of a webhook payload.</summary>
internal sealed record WebhookMention(
    WebhookWatch Watch,
    WebhookPost Post,
    IReadOnlyList<MatchSpan> Spans,
    WebhookSentiment? Sentiment,
    IReadOnlyList<WebhookIntent> Intents,
    bool NeedsResponse)
{
    public static WebhookMention From(Mention mention) => new(
        new WebhookWatch(mention.Watch.Name, WebhookPayload.Name(mention.Watch.Category)),
        WebhookPost.From(mention.Post),
        mention.Spans,
        mention.Signals is { } signals
            ? new WebhookSentiment(signals.Sentiment.Compound, WebhookPayload.Name(signals.Sentiment.Label), signals.Sentiment.Confidence)
            : null,
        mention.Signals?.Intents.Select(i => new WebhookIntent(WebhookPayload.Name(i.Label), i.Phrase, i.Confidence)).ToArray() ?? [],
        mention.Signals?.NeedsResponse ?? false);
}

/// <summary>The watch of a webhook payload.</summary>
internal sealed record WebhookWatch(string Name, string Category);

/// <summary>The post of a webhook payload.</summary>
internal sealed record WebhookPost(
    string Id,
    string Source,
    WebhookAuthor Author,
    string Text,
    DateTimeOffset CreatedAt,
    string? Language,
    Uri? Url,
    string? ReplyToId,
    string? ThreadId,
    bool IsRepost)
{
    public static WebhookPost From(Post post) => new(
        post.Id,
        post.Source,
        new WebhookAuthor(post.Author.IdentityKey, post.Author.Platform, post.Author.Handle, post.Author.DisplayName, post.Author.ProfileUrl, post.Author.Followers),
        post.Text,
        post.CreatedAt,
        post.Language,
        post.Url,
        post.ReplyToId,
        post.ThreadId,
        post.IsRepost);
}

/// <summary>The author of a webhook payload's post.</summary>
internal sealed record WebhookAuthor(string PersonId, string Platform, string Handle, string? DisplayName, Uri? ProfileUrl, long? Followers);

/// <summary>The sentiment of a webhook payload.</summary>
internal sealed record WebhookSentiment(double Compound, string Label, double Confidence);

/// <summary>An intent of a webhook payload.</summary>
internal sealed record WebhookIntent(string Label, string Phrase, double Confidence);
