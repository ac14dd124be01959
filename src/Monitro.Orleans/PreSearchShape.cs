namespace Monitro.Orleans;

/// <summary>
/// What a source lease needs to know of the whole watch set to compute a post's pre-search terms, and nothing more:
/// the lengths of the keys found inside longer text (prefixes, substrings of unspaced script, words inside hashtags
/// and handles, exact literals), the reach of the fuzzy keys, the shards of watches any post may match, and the tenants.
/// </summary>
/// <param name="WatchVersion">The registry version it was computed from.</param>
/// <param name="PrefixLengths">The distinct lengths of prefix keys.</param>
/// <param name="SubstringLengths">The distinct lengths of substring keys of unspaced script.</param>
/// <param name="EntityWordLengths">The distinct lengths of words also matched inside hashtags and handles.</param>
/// <param name="ExactLengths">The distinct lengths of exact literals.</param>
/// <param name="FuzzyMaxEdits">The largest edit distance of a fuzzy key, 0 without fuzzy keys.</param>
/// <param name="FuzzyLongestMatch">The longest word a fuzzy key can match (its length plus its edits).</param>
/// <param name="AlwaysShards">The shards holding a watch without any required term, which every post is sent to.</param>
/// <param name="Tenants">The tenants that have watches.</param>
[GenerateSerializer]
[Immutable]
public sealed record PreSearchShape(
    [property: Id(0)] long WatchVersion,
    [property: Id(1)] int[] PrefixLengths,
    [property: Id(2)] int[] SubstringLengths,
    [property: Id(3)] int[] EntityWordLengths,
    [property: Id(4)] int[] ExactLengths,
    [property: Id(5)] int FuzzyMaxEdits,
    [property: Id(6)] int FuzzyLongestMatch,
    [property: Id(7)] int[] AlwaysShards,
    [property: Id(8)] string[] Tenants);
