namespace Monitro;

/// <summary>One side's part of the conversation in a period.</summary>
/// <param name="Key">The side: a watch category name, or a watch name within a category.</param>
/// <param name="Mentions">The number of its mentions.</param>
/// <param name="Share">Its part of all the sides' mentions, 0..1.</param>
public sealed record VoiceShare(string Key, int Mentions, double Share);
