namespace Monitro;

/// <summary>A hashtag, handle, cashtag or link found in social text, with its place in that text.</summary>
/// <param name="Kind">The type of the entity.</param>
/// <param name="Value">The entity as written, without its <c>#</c>, <c>@</c> or <c>$</c>; a URL as written, with its scheme if it has one.</param>
/// <param name="Start">The offset (UTF-16) of the entity in the text, at its <c>#</c>, <c>@</c> or <c>$</c>.</param>
/// <param name="Length">The length (UTF-16) of the entity in the text, sigil included.</param>
public readonly record struct SocialEntity(SocialEntityKind Kind, string Value, int Start, int Length);
