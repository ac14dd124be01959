using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

public sealed class AhoCorasickTests
{
    // A small alphabet makes patterns overlap, share prefixes and occur inside each other often; capitals, a letter
    // above ASCII, CJK, Thai and both halves of a surrogate pair test the compact alphabet's columns.
    private const string Letters = "abcAé東\u0E01\uD83D\uDE00";

    private static readonly Gen<string> Word = Gen.String[Gen.Char[Letters], 1, 6];

    // Texts also carry characters no pattern has (column 0): a space, a capital and a letter above ASCII. Long ones
    // are scanned as two halves in step.
    private static readonly Gen<string> Text = Gen.String[Gen.Char[Letters + " Bü\uDE01"], 0, 160];

    // Budgets of rows, as (minimum bytes, bytes per state): every state with one; only the root with one; a few
    // shallow states; and the budget by states, which here gives rows to a few depths.
    private static readonly Gen<(int Minimum, int PerState)> RowBudget = Gen.OneOf(
        Gen.Const((1 << 20, 0)), Gen.Const((1, 0)), Gen.Const((128, 0)), Gen.Const((1, AhoCorasick.RowBytesPerState)));

    // 16-bit cells where the values fit, or 32-bit ones.
    private static readonly Gen<bool> NarrowCells = Gen.Bool;

    [Fact]
    public void Scan_ReportsEveryOccurrenceOfEveryPattern_AsIndexOfDoes()
    {
        Gen.Select(Word.Array[1, 40], Text, RowBudget, NarrowCells).Sample((words, text, budget, narrow) =>
        {
            var patterns = words.Distinct(StringComparer.Ordinal).ToArray();
            var automaton = new AhoCorasick(patterns, budget.Minimum, budget.PerState, narrow);
            var found = new List<int>();
            automaton.Scan(text, ref found, static (ref List<int> list, int pattern) => list.Add(pattern));

            var expected = new List<int>();
            for (var p = 0; p < patterns.Length; p++)
            {
                for (var at = text.IndexOf(patterns[p], StringComparison.Ordinal); at >= 0; at = text.IndexOf(patterns[p], at + 1, StringComparison.Ordinal))
                {
                    expected.Add(p);
                }
            }

            Assert.Equal(expected.Order(), found.Order());
        }, iter: 2_000);
    }

    [Fact]
    public void ContainsAny_AgreesWithASubstringSearch_AsWrittenAndReadLowerCased()
    {
        Gen.Select(Word.Array[0, 300], Text, RowBudget, NarrowCells).Sample((words, text, budget, narrow) =>
        {
            var patterns = words.Distinct(StringComparer.Ordinal).ToArray();
            var automaton = new AhoCorasick(patterns, budget.Minimum, budget.PerState, narrow);
            var lowered = string.Concat(text.Select(c => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c));

            Assert.Equal(patterns.Any(p => text.Contains(p, StringComparison.Ordinal)), automaton.ContainsAny(text, lowerAscii: false));
            Assert.Equal(patterns.Any(p => lowered.Contains(p, StringComparison.Ordinal)), automaton.ContainsAny(text, lowerAscii: true));
        }, iter: 3_000);
    }

    [Fact]
    public void StartsWithPatternAndCollectStartingAt_AnyRowBudget_AgreeWithASubstringSearch()
    {
        Gen.Select(Word.Array[1, 60], Text, RowBudget, NarrowCells).Sample((words, text, budget, narrow) =>
        {
            var patterns = words.Distinct(StringComparer.Ordinal).ToArray();
            var automaton = new AhoCorasick(patterns, budget.Minimum, budget.PerState, narrow);
            var lowered = string.Concat(text.Select(c => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c));
            var hits = new AnchorHit[64];
            for (var start = 0; start < text.Length; start++)
            {
                Assert.Equal(patterns.Any(p => text.AsSpan(start).StartsWith(p, StringComparison.Ordinal)), automaton.StartsWithPattern(text, start, lowerAscii: false));
                Assert.Equal(patterns.Any(p => lowered.AsSpan(start).StartsWith(p, StringComparison.Ordinal)), automaton.StartsWithPattern(text, start, lowerAscii: true));

                // Every pattern that starts here, shortest first, after the hits already there.
                var expected = Enumerable.Range(0, patterns.Length)
                    .Where(p => lowered.AsSpan(start).StartsWith(patterns[p], StringComparison.Ordinal))
                    .OrderBy(p => patterns[p].Length)
                    .Select(p => new AnchorHit(p, start + patterns[p].Length));
                hits[0] = new AnchorHit(-7, 0);
                var count = automaton.CollectStartingAt(text, start, hits, 1);
                Assert.Equal([new AnchorHit(-7, 0), .. expected], hits.Take(count));
            }
        }, iter: 600);
    }

    [Fact]
    public void Build_ManyPatterns_GivesRowsOnlyToTheShallowStates()
    {
        var patterns = Enumerable.Range(0, 5_000).Select(i => "k" + (i * 7_919).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var automaton = new AhoCorasick(patterns);

        Assert.InRange(automaton.DenseStateCount, 2, automaton.StateCount - 1);
        Assert.True(automaton.ContainsAny("x k39595 y", lowerAscii: false));
        Assert.True(automaton.ContainsAny("X K39595 Y", lowerAscii: true));
        Assert.False(automaton.ContainsAny("x k1 k3959 y", lowerAscii: false));
    }

    [Fact]
    public void Build_ManyStates_GetsRowsByStatesUpToTheCap()
    {
        // About 190,000 states: too many for 16-bit cells, and the budget by states would exceed the cap.
        var patterns = RandomWords(24_000, seed: 7);
        var automaton = new AhoCorasick(patterns);
        var minimumOnly = new AhoCorasick(patterns, AhoCorasick.MinimumRowBytes, rowBytesPerState: 0);

        Assert.True((long)automaton.StateCount * AhoCorasick.RowBytesPerState > AhoCorasick.MaximumRowBytes);
        Assert.InRange(automaton.RowBytes, AhoCorasick.MinimumRowBytes + 1, AhoCorasick.MaximumRowBytes);
        Assert.True(automaton.DenseStateCount > minimumOnly.DenseStateCount, $"{automaton.DenseStateCount} states with rows");
        Assert.True(automaton.ContainsAny("a " + patterns[^1].ToUpperInvariant() + " b", lowerAscii: true));
    }

    [Fact]
    public void Build_FewStates_KeepsTheMinimumInNarrowCells()
    {
        // About 14,000 states: 8 bytes each is more than the minimum, but the next depth fits in neither cell width's
        // share of it, so the rows are those of the minimum, in 16-bit cells (half the memory of 32-bit ones).
        var patterns = RandomWords(1_800, seed: 11);
        var automaton = new AhoCorasick(patterns);
        var minimumOnly = new AhoCorasick(patterns, AhoCorasick.MinimumRowBytes, rowBytesPerState: 0);

        Assert.True((long)automaton.StateCount * AhoCorasick.RowBytesPerState > AhoCorasick.MinimumRowBytes);
        Assert.Equal(minimumOnly.DenseStateCount, automaton.DenseStateCount);
        Assert.True(automaton.NarrowCells);
        Assert.True(automaton.RowBytes <= AhoCorasick.MinimumRowBytes);
    }

    [Fact]
    public void Scan_PatternInsideAnotherAndAtTheEnd_ReportsBoth()
    {
        var automaton = new AhoCorasick(["acme", "cme", "hacmes", "s"]);
        var found = new List<int>();
        automaton.Scan("hacmes", ref found, static (ref List<int> list, int pattern) => list.Add(pattern));

        Assert.Equal([0, 1, 2, 3], found.Order());
    }

    [Fact]
    public void Scan_ThousandsOfStatesWithLongOutputChains_ReportsEveryOccurrence()
    {
        // Over two letters nearly every pattern ends inside many others: most of some thousands of states have an output
        // link, chains are long, and the links are found through the counts of many 64-state blocks. Only the root has
        // a row, so every step after the first character goes through the compact states and their links.
        var random = new Random(5);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 3_000)
        {
            words.Add(new string([.. Enumerable.Range(0, 1 + random.Next(14)).Select(_ => (char)('a' + random.Next(2)))]));
        }

        var patterns = words.ToArray();
        var automaton = new AhoCorasick(patterns, minimumRowBytes: 1, rowBytesPerState: 0);
        Assert.True(automaton.StateCount > 64 * 50, $"{automaton.StateCount} states");
        var hits = new AnchorHit[200_000];
        for (var t = 0; t < 40; t++)
        {
            var text = new string([.. Enumerable.Range(0, 300).Select(_ => (char)('a' + random.Next(3)))]);
            var expected = new List<AnchorHit>();
            for (var p = 0; p < patterns.Length; p++)
            {
                for (var at = text.IndexOf(patterns[p], StringComparison.Ordinal); at >= 0; at = text.IndexOf(patterns[p], at + 1, StringComparison.Ordinal))
                {
                    expected.Add(new AnchorHit(p, at + patterns[p].Length));
                }
            }

            var found = new List<int>();
            automaton.Scan(text, ref found, static (ref List<int> list, int pattern) => list.Add(pattern));
            Assert.Equal(expected.Select(h => h.Pattern).Order(), found.Order());

            var count = automaton.CollectHitsByRows(text, hits);
            Assert.Equal(expected.OrderBy(h => h.End).ThenBy(h => h.Pattern), hits[..count].OrderBy(h => h.End).ThenBy(h => h.Pattern));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Build_NoPatternsOrOnlyAnEmptyOne_ScansWithoutMatches(int emptyPatterns)
    {
        var automaton = new AhoCorasick([.. Enumerable.Repeat(string.Empty, emptyPatterns)]);
        var found = 0;
        automaton.Scan("anything", ref found, static (ref int count, int _) => count++);

        Assert.Equal(0, found);
        Assert.Equal(1, automaton.StateCount);
        Assert.False(automaton.ContainsAny("anything", lowerAscii: true));
    }

    [Fact]
    public void Build_SharedPrefixes_StoresEachPrefixOnce()
    {
        var automaton = new AhoCorasick(["acme", "acmecorp", "acmes", "ac"]);

        // Root + a, c, m, e + c, o, r, p + s.
        Assert.Equal(10, automaton.StateCount);
    }

    [Fact]
    public void StartsWithPatternAndCollectStartingAt_SinglePathRests_AgreeWithASubstringSearch()
    {
        // Enough patterns for the walks to compare single paths' rests at once; a rest longer than its length's character
        // holds, walked by edges; patterns that end inside others and numbers above 65,535 in the rests' two characters.
        var words = RandomWords(70_000, seed: 5);
        var patterns = words.Concat([new string('q', 70_000), "zzzz", "zzzzzzzz", "zz" + new string('y', 40)]).ToArray();
        var automaton = new AhoCorasick(patterns);
        Assert.True(automaton.SinglePathStates > words.Length / 2, $"only {automaton.SinglePathStates} states on single paths");

        var random = new Random(3);
        var texts = new List<string> { new string('q', 70_001), "x" + new string('q', 69_999), "zzzzzzzzz zz" + new string('y', 40) };
        for (var t = 0; t < 300; t++)
        {
            var word = patterns[random.Next(patterns.Length)];
            var cut = word.Length > 100 ? word[..100] : word;
            texts.Add(t % 3 == 0 ? cut.ToUpperInvariant() : "ab " + cut[..Math.Max(1, cut.Length - (t % 2))] + "s " + cut);
        }

        var hits = new AnchorHit[16];
        foreach (var text in texts)
        {
            var lowered = text.ToLowerInvariant();
            foreach (var start in new[] { 0, 1, 3, text.Length / 2 })
            {
                var expected = Enumerable.Range(0, patterns.Length)
                    .Where(p => lowered.AsSpan(start).StartsWith(patterns[p], StringComparison.Ordinal))
                    .OrderBy(p => patterns[p].Length)
                    .Select(p => new AnchorHit(p, start + patterns[p].Length))
                    .ToArray();
                Assert.Equal(expected.Length > 0, automaton.StartsWithPattern(text, start, lowerAscii: true));
                Assert.Equal(expected, hits.Take(automaton.CollectStartingAt(text, start, hits, 0)));
            }
        }
    }

    // Distinct lower-case words of 6–12 letters.
    private static string[] RandomWords(int count, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < count)
        {
            words.Add(string.Create(6 + random.Next(7), random, static (letters, r) =>
            {
                for (var i = 0; i < letters.Length; i++)
                {
                    letters[i] = (char)('a' + r.Next(26));
                }
            }));
        }

        return [.. words];
    }
}
