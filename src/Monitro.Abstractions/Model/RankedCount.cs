namespace Monitro;

/// <summary>An item of a top list and how often it came up.</summary>
/// <param name="Key">The stable key (an identity key, or the term itself).</param>
/// <param name="Label">The text for people (a handle, or the term).</param>
/// <param name="Count">How often it came up.</param>
public sealed record RankedCount(string Key, string Label, int Count);
