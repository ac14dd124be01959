using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

public sealed class AhoCorasickTests
{
    // A small alphabet makes patterns overlap, share prefixes and occur inside each other often.
    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcé東\u0E01"], 1, 6];

    [Fact]
    public void Scan_ReportsEveryOccurrenceOfEveryPattern_AsIndexOfDoes()
    {
        Gen.Select(Word.Array[1, 40], Gen.String[Gen.Char["abcé東\u0E01 "], 0, 60]).Sample((words, text) =>
        {
            var patterns = words.Distinct(StringComparer.Ordinal).ToArray();
            var automaton = new AhoCorasick(patterns);
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
    public void Scan_PatternInsideAnotherAndAtTheEnd_ReportsBoth()
    {
        var automaton = new AhoCorasick(["acme", "cme", "hacmes", "s"]);
        var found = new List<int>();
        automaton.Scan("hacmes", ref found, static (ref List<int> list, int pattern) => list.Add(pattern));

        Assert.Equal([0, 1, 2, 3], found.Order());
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
    }

    [Fact]
    public void Build_SharedPrefixes_StoresEachPrefixOnce()
    {
        var automaton = new AhoCorasick(["acme", "acmecorp", "acmes", "ac"]);

        // Root + a, c, m, e + c, o, r, p + s.
        Assert.Equal(10, automaton.StateCount);
    }
}
