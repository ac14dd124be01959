namespace Monitro.Sources.Rss;

/// <summary>One item of an RSS feed or entry of an Atom feed, before it becomes a post.</summary>
internal sealed record FeedEntry(
    string? Id,
    string? Title,
    string? Html,
    string? Link,
    DateTimeOffset? Published,
    string? AuthorName,
    int Line);
