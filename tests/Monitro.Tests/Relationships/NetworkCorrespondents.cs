namespace Monitro.Tests.Relationships;

/// <summary>
/// Who else the two people of each pair of a model network exchanged messages with: what a log of the whole network
/// knows about a pair beyond its own messages (two people who write to the same others are more likely to know each
/// other; docs/relationships.md).
/// </summary>
internal static class NetworkCorrespondents
{
    /// <summary>
    /// For each pair (in order): the people both the rater and the other person exchanged a message with (either way), the
    /// rater's correspondents besides the other person, and the other person's besides the rater.
    /// </summary>
    public static (int Shared, int Ours, int Theirs)[] Of(IReadOnlyList<SimulatedPair> pairs)
    {
        var people = pairs.Max(pair => Math.Max(pair.Rater, pair.OtherIndex)) + 1;
        var correspondents = Enumerable.Range(0, people).Select(_ => new HashSet<int>()).ToArray();
        foreach (var pair in pairs.Where(pair => pair.Interactions.Count > 0))
        {
            correspondents[pair.Rater].Add(pair.OtherIndex);
            correspondents[pair.OtherIndex].Add(pair.Rater);
        }

        return [.. pairs.Select(pair =>
        {
            var ours = correspondents[pair.Rater].Where(p => p != pair.OtherIndex).ToHashSet();
            var theirs = correspondents[pair.OtherIndex].Where(p => p != pair.Rater).ToHashSet();
            return (ours.Count(theirs.Contains), ours.Count, theirs.Count);
        })];
    }

    /// <summary>The counts as the scoring function takes them.</summary>
    public static SharedCorrespondents Input((int Shared, int Ours, int Theirs) pair) => new() { Shared = pair.Shared, Ours = pair.Ours, Theirs = pair.Theirs };

    /// <summary>The overlap of the two circles (Onnela et al. 2007): shared / (ours + theirs − shared), 0 when both are empty.</summary>
    public static double Overlap((int Shared, int Ours, int Theirs) pair) =>
        pair.Ours + pair.Theirs - pair.Shared == 0 ? 0 : pair.Shared / (double)(pair.Ours + pair.Theirs - pair.Shared);
}
