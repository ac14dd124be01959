namespace Monitro.Sources.Rss;

/// <summary>One item of an RSS feed or entry of an Atom feed, before it becomes a post; relative links in its HTML are relative to <see cref="ContentBase"/>.</summary>
internal sealed record FeedEntry(
    string? Id,
    string? Title,
    string? Html,
    string? Link,
    DateTimeOffset? Published,
    string? AuthorName,
    int Line,
    Uri ContentBase);
