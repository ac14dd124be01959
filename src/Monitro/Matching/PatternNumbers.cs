namespace Monitro.Matching;

/// <summary>The number of each pattern of an index's anchors' automaton, looked up by the pattern's text while the index is built.</summary>
/// <remarks>
/// A small automaton answers by a walk down its trie from the root, a few cache lines deep. An automaton of 100,000
/// watches' words holds millions of states whose deeper edges are spread over megabytes, and the decider's build walked
/// it for every word of every watch, twice: a third of the compile time of such an index. Above
/// <see cref="TableMinimumPatterns"/> patterns the numbers are kept in a hash table instead, built once.
/// </remarks>
internal sealed class PatternNumbers
{
    /// <summary>The number of patterns from which their numbers are kept in a table rather than found by walking the automaton.</summary>
    public const int TableMinimumPatterns = 32_768;

    private readonly AhoCorasick _anchors;
    private readonly PostingTable? _numbers;

    /// <summary>Initializes the look-up of the patterns of <paramref name="anchors"/>, which were built from <paramref name="patterns"/>.</summary>
    public PatternNumbers(AhoCorasick anchors, IReadOnlyList<string> patterns)
    {
        _anchors = anchors;
        if (patterns.Count >= TableMinimumPatterns)
        {
            var numbers = new PostingTable(patterns.Count);
            for (var p = 0; p < patterns.Count; p++)
            {
                numbers.Add(patterns[p], p);
            }

            _numbers = numbers.Freeze();
        }
    }

    /// <summary>Returns the number of the pattern, or -1 when the text is none of the patterns (<see cref="AhoCorasick.PatternOf"/>).</summary>
    public int Of(string text) => _numbers is null ? _anchors.PatternOf(text) : _numbers.TryGetValue(text, out var numbers) ? numbers[0] : -1;
}
