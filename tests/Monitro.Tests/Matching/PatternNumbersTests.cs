using System.Globalization;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

public sealed class PatternNumbersTests
{
    // Below and above the size from which the numbers are kept in a table instead of found by walking the automaton.
    [Theory]
    [InlineData(1_000)]
    [InlineData(PatternNumbers.TableMinimumPatterns + 1_000)]
    public void Of_GivesThePatternNumberTheAutomatonGives(int count)
    {
        var random = new Random(count);
        var patterns = new HashSet<string>(StringComparer.Ordinal);
        while (patterns.Count < count)
        {
            patterns.Add(Word(random));
        }

        var list = patterns.ToList();
        var anchors = new AhoCorasick(list);
        var numbers = new PatternNumbers(anchors, list);
        for (var p = 0; p < list.Count; p++)
        {
            Assert.Equal(p, numbers.Of(list[p]));
            var prefix = list[p][..^1];
            Assert.Equal(anchors.PatternOf(prefix), numbers.Of(prefix));
            var longer = list[p] + "z";
            Assert.Equal(anchors.PatternOf(longer), numbers.Of(longer));
        }

        Assert.Equal(-1, numbers.Of(string.Empty));
        Assert.Equal(-1, numbers.Of("1" + count.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Word(Random random)
    {
        Span<char> letters = stackalloc char[3 + random.Next(6)];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + random.Next(12));
        }

        return new string(letters);
    }
}
