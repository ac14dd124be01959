namespace Monitro;

/// <summary>An item a source could not read (malformed JSON or XML, a field of the wrong type, an oversized body), kept as a dead letter.</summary>
/// <param name="SourceName">The name of the source instance.</param>
/// <param name="Position">Where the item was (a line number, a URL, a cursor).</param>
/// <param name="Reason">Why it was skipped, in words.</param>
/// <param name="Excerpt">The start of the raw item, cut to a few hundred characters, or <see langword="null"/>.</param>
public sealed record SkippedItem(string SourceName, string Position, string Reason, string? Excerpt = null);
