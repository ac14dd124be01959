using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Text;

/// <summary>
/// Splits a run of letters written without spaces (a hashtag or handle part such as <c>acmerocks</c>) into the
/// most likely words, by dynamic programming over a word-frequency list: each word costs the negative log of its
/// frequency, a stretch of letters not on the list costs more the longer it is (brands are rarely on it).
/// </summary>
/// <remarks>
/// The list (<c>words.tsv</c>, built by <c>tools/words/generate.py</c> from the project's own vocabulary) is read
/// once, on first use. Cost: at most <see cref="MaxWordLength"/> look-ups per letter; runs longer than
/// <see cref="MaxRunLength"/> letters are not split.
/// </remarks>
internal static class WordSegmenter
{
    /// <summary>The longest run that is split.</summary>
    public const int MaxRunLength = 64;

    /// <summary>The longest word looked up.</summary>
    public const int MaxWordLength = 20;

    private const string ResourceName = "Monitro.Text.words.tsv";

    // Chosen before measuring and not tuned since (both splits of the hashtag set met their targets as they were):
    // a stretch outside the list costs more than a rare word, and more the longer it is, so a brand stays one piece
    // and a known word is cut off it.
    private const float UnknownBase = 10f;
    private const float UnknownPerLetter = 3f;

    private static readonly Lazy<WordTrie> Words = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Splits a run of lower-case ASCII letters and writes the offsets where inner words start.</summary>
    /// <param name="letters">The letters.</param>
    /// <param name="boundaries">Receives the inner word starts (1 … length - 1), ascending; at least <paramref name="letters"/>.Length long.</param>
    /// <returns>The number of inner boundaries written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Segment(ReadOnlySpan<char> letters, Span<int> boundaries) => Segment(letters, boundaries, out _);

    /// <summary>Splits a run of lower-case ASCII letters, counting the word look-ups it took.</summary>
    /// <param name="letters">The letters.</param>
    /// <param name="boundaries">Receives the inner word starts (1 … length - 1), ascending; at least <paramref name="letters"/>.Length long.</param>
    /// <param name="lookups">The number of pieces weighed (a word of the list or an unknown stretch): at most <see cref="MaxWordLength"/> per letter.</param>
    /// <returns>The number of inner boundaries written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Segment(ReadOnlySpan<char> letters, Span<int> boundaries, out int lookups)
    {
        var n = letters.Length;
        lookups = 0;
        if (n < 2 || n > MaxRunLength)
        {
            return 0;
        }

        // The cost of every known word in the run, found by walking the list's trie once from each start (a walk
        // stops where no word goes on), so the dynamic programming below reads a table instead of hashing each piece.
        var words = Words.Value;
        Span<float> known = stackalloc float[n * MaxWordLength];
        known.Fill(float.NaN);
        for (var start = 0; start < n; start++)
        {
            var node = WordTrie.Root;
            for (var length = 1; length <= MaxWordLength && start + length <= n; length++)
            {
                node = words.Child(node, letters[start + length - 1]);
                if (node < 0)
                {
                    break;
                }

                known[(start * MaxWordLength) + length - 1] = words.Cost(node);
            }
        }

        Span<float> best = stackalloc float[n + 1];
        Span<int> from = stackalloc int[n + 1];
        best[0] = 0;
        for (var end = 1; end <= n; end++)
        {
            best[end] = float.MaxValue;
            for (var start = Math.Max(0, end - MaxWordLength); start < end; start++)
            {
                var length = end - start;
                lookups++;
                var word = known[(start * MaxWordLength) + length - 1];
                var cost = float.IsNaN(word) ? UnknownBase + (UnknownPerLetter * length) : word;
                if (best[start] + cost < best[end])
                {
                    best[end] = best[start] + cost;
                    from[end] = start;
                }
            }

            // A stretch longer than any word is one unknown piece.
            var whole = UnknownBase + (UnknownPerLetter * end);
            if (end > MaxWordLength && whole < best[end])
            {
                best[end] = whole;
                from[end] = 0;
            }
        }

        var count = 0;
        for (var k = from[n]; k > 0; k = from[k])
        {
            boundaries[count++] = k;
        }

        boundaries[..count].Reverse();
        return count;
    }

    // Reads the list into plain arrays (see the trie's constructor for why).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static WordTrie Load()
    {
        string list;
        using (var stream = typeof(WordSegmenter).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly."))
        using (var reader = new StreamReader(stream))
        {
            list = reader.ReadToEnd();
        }

        var rest = list.AsSpan();
        var lines = rest.Count('\n') + 1;
        var words = new string[lines];
        var frequencies = new double[lines];
        var count = 0;
        var total = 0d;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf('\n');
            var line = (newline < 0 ? rest : rest[..newline]).TrimEnd('\r');
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            var tab = line.IndexOf('\t');
            if (line.Length == 0 || line[0] == '#' || tab <= 0)
            {
                continue;
            }

            frequencies[count] = double.Parse(line[(tab + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture);
            words[count++] = line[..tab].ToString();
            total += frequencies[count - 1];
        }

        var costs = new float[count];
        for (var w = 0; w < count; w++)
        {
            costs[w] = (float)-Math.Log(frequencies[w] / total);
        }

        return new WordTrie(words.AsSpan(0, count), costs);
    }
}
