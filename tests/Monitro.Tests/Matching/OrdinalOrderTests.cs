using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

public sealed class OrdinalOrderTests
{
    // A small alphabet gives long shared beginnings and many ties of the four-character numbers; '\0' is the number of a
    // missing character too, and the halves of a surrogate pair and a character above U+8000 test the 16-bit digits.
    private const string Letters = "ab\0é\uD83D\uDE00\uFFFF";

    [Fact]
    public void Of_PutsTextsInOrdinalOrder()
    {
        var text = Gen.String[Gen.Char[Letters], 0, 12];

        // Many texts behind one long beginning reach the runs sorted by comparing the strings.
        var longShared = Gen.Select(Gen.Int[0, 3], Gen.String[Gen.Char[Letters], 0, 6]).Select(t => new string('a', t.Item1 * 40) + t.Item2);
        Gen.OneOf(text, longShared).Array[0, 400].Sample(texts =>
        {
            var order = OrdinalOrder.Of(texts);
            var sorted = order.Select(i => texts[i]).ToArray();
            var expected = texts.Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, sorted);
            Assert.Equal(Enumerable.Range(0, texts.Length), order.Order());
        });
    }

    [Fact]
    public void Of_OrdersManyWordsAsTheLibrarySortDoes()
    {
        var random = new Random(7);
        var words = new string[50_000];
        for (var i = 0; i < words.Length; i++)
        {
            var letters = new char[1 + random.Next(14)];
            for (var c = 0; c < letters.Length; c++)
            {
                letters[c] = (char)('a' + random.Next(3));
            }

            words[i] = new string(letters);
        }

        var sorted = OrdinalOrder.Of(words).Select(i => words[i]).ToArray();
        Assert.Equal(words.Order(StringComparer.Ordinal), sorted);
    }
}
