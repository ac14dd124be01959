using System.Globalization;
using System.Text;
using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

// The window pre-pass in front of the anchors' automaton finds exactly what the automaton finds: the same verdict and
// the same hits in the same order, with vectors and without, for every kind of anchor set and text.
public sealed class AnchorWindowFilterTests
{
    // A small alphabet gives shared prefixes and anchors inside each other; capitals, digits, punctuation of social
    // text, letters above ASCII, CJK, Thai, a surrogate pair, a noncharacter and a lone surrogate test the byte mapping.
    private const string AnchorLetters = "abcdeabcde0#._-é東\u0E01\uD83D\uDE00\uFFFE\uDC00";

    private static readonly Gen<string> ShortAnchor = Gen.String[Gen.Char[AnchorLetters], 1, 3];

    private static readonly Gen<string> Anchor = Gen.Frequency(
        (8, Gen.String[Gen.Char["abcde"], 4, 12]),
        (4, Gen.String[Gen.Char[AnchorLetters], 4, 20]),
        (1, Gen.String[Gen.Char["abcde"], 4, 5].Select(a => a + " " + a)),
        (1, ShortAnchor));

    // One code point of every Unicode category (and a lone surrogate of each half), in either case where it has one.
    private static readonly string[] EveryCategory = EveryCategorySamples();

    private static readonly Gen<string> Noise = Gen.Frequency(
        (4, Gen.OneOf(" ", ", ", ". ", "#", "@", "_", "\n", "  ")),
        (2, Gen.OneOf(EveryCategory)),
        (1, Gen.String[Gen.Char, 0, 8]),
        (1, Gen.OneOf(AnchorPrefilterTests.FoldingItem, AnchorPrefilterTests.AsciiItem)));

    [Fact]
    public void ContainsAnyAndCollectHits_GeneratedAnchorSetsAndTexts_SameAsTheAutomatonAlone()
    {
        var texts = 0;
        var found = 0;
        var filtered = 0;
        Gen.Select(Anchor.Array[1, 300], Gen.Int[0, 3], Gen.Int[1, 4]).Sample((anchors, shortOnes, round) =>
        {
            // One set in four keeps its short anchors (no filter is built then; the answers must still agree).
            var patterns = anchors.Where(a => shortOnes == 0 || a.Length >= AnchorWindowFilter.MinimumAnchorLength).Distinct(StringComparer.Ordinal).ToArray();
            if (patterns.Length == 0)
            {
                return;
            }

            var automaton = new AhoCorasick(patterns, windowFilter: true);
            filtered += automaton.Windows is null ? 0 : 1;
            var random = new Random(anchors.Length * 31 + round);
            for (var t = 0; t < 12; t++)
            {
                var text = Text(random, patterns, t);
                found += AssertSame(automaton, text) ? 1 : 0;
                texts++;
            }
        }, iter: 1_500);

        Assert.True(filtered >= 900, $"the filter was built for only {filtered} of 1,500 sets");
        Assert.True(found >= texts / 5 && found <= texts * 9 / 10, $"{found} of {texts} texts contain an anchor: too few or too many to compare both answers");
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void ContainsAnyAndCollectHits_LargeAnchorSets_SameAsTheAutomatonAlone(int count)
    {
        var random = new Random(count);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        while (anchors.Count < count)
        {
            // Words of a few syllables, as brand names are; now and then one above ASCII.
            var word = new StringBuilder();
            for (var s = 2 + random.Next(4); s > 0; s--)
            {
                word.Append(Syllables[random.Next(Syllables.Length)]);
            }

            anchors.Add(random.Next(50) == 0 ? word.Append('é').ToString() : word.ToString());
        }

        var patterns = anchors.ToArray();
        var automaton = new AhoCorasick(patterns, windowFilter: true);
        Assert.NotNull(automaton.Windows);

        // Most anchors end in a single path of the trie: the walks compare its rest at once there, so it is tested here.
        Assert.True(automaton.SinglePathStates > count / 2, $"only {automaton.SinglePathStates} states on single paths");
        var found = 0;
        for (var t = 0; t < 2_000; t++)
        {
            found += AssertSame(automaton, Text(random, patterns, t)) ? 1 : 0;
        }

        Assert.InRange(found, 400, 1_800);
    }

    [Fact]
    public void ContainsAny_SocialAndHostilePosts_SameAsTheAutomatonAlone()
    {
        var patterns = new[] { "acme", "launch", "tidewell", "strasse", "istanbul", "colour", "globex", "café", "東京タワー", "acme.com", "acmecorp" };
        var automaton = new AhoCorasick(patterns, windowFilter: true);
        Assert.NotNull(automaton.Windows);
        Gen.Frequency((1, SocialTextGenerators.Post), (1, AnchorPrefilterTests.HostilePost)).Sample(post =>
        {
            AssertSame(automaton, post.Text);
            AssertSame(automaton, post.Text.ToUpperInvariant());
        }, iter: 3_000);
    }

    [Fact]
    public void CountCandidates_WordsShorterThanEveryAnchor_LeaveNoPositionToLookAt()
    {
        var automaton = new AhoCorasick(["kalomira", "tesuvino", "bristaqua"], windowFilter: true);
        var text = "so the new phone is out, we got it today. Check #news and @amy_b, or https://x.io/a 😃 ok";

        Assert.Equal((0, 0), automaton.Windows!.CountCandidates(text, vectors: true));
        Assert.Equal((0, 0), automaton.Windows.CountCandidates(text, vectors: false));
        Assert.False(automaton.ContainsAny(text, lowerAscii: true));
    }

    [Fact]
    public void CountCandidates_LongWordsThatAreNoAnchor_AreMostlyRuledOutByTheWindows()
    {
        // Anchors with every letter, so every run of eight letters passes the first test (13 + 15 + 8 + 3 positions).
        var automaton = new AhoCorasick(["kalomira", "tesuvino", "bristaqua", "abcdefghijklmnopqrstuvwxyz"], windowFilter: true);
        var text = "internationalization and counterrevolutionaries, #SomethingLonger everywhere";
        var (runs, windows) = automaton.Windows!.CountCandidates(text, vectors: true);

        Assert.Equal(39, runs);
        Assert.True(windows <= 2, $"{windows} of {runs} positions pass the windows' filter");
        Assert.Equal((runs, windows), automaton.Windows.CountCandidates(text, vectors: false));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a")]
    [InlineData("😃")]
    public void Build_AnAnchorShorterThanTheMinimum_HasNoFilter(string shortAnchor)
    {
        Assert.Null(new AhoCorasick(["kalomira", shortAnchor], windowFilter: true).Windows);
        Assert.Null(new AhoCorasick(["kalomira"], windowFilter: false).Windows);
        Assert.NotNull(new AhoCorasick(["kalomira", "abcd"], windowFilter: true).Windows);
    }

    [Fact]
    public void Build_ManyAnchors_KeepsTheBloomFilterSmall()
    {
        var anchors = Enumerable.Range(0, 2_500).Select(i => "anchor" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var filter = new AhoCorasick(anchors, windowFilter: true).Windows!;

        // About 32 bits per anchor, rounded up to a power of two: at most 64 bits (8 bytes) and the tables.
        Assert.InRange(filter.Bytes, 2_500 * 4, (2_500 * 8) + 1_024);
    }

    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "zu", "ho", "ne", "bri", "sta", "kor", "len", "tra", "qua", "nix"];

    // Answers and hits of the filter (with vectors and without) against the automaton's rows alone; returns whether the
    // text contains an anchor.
    private static bool AssertSame(AhoCorasick automaton, string text)
    {
        var expected = automaton.ContainsAnyByRows(text, lowerAscii: false);
        var expectedLowered = automaton.ContainsAnyByRows(text, lowerAscii: true);
        Assert.Equal(expected, automaton.ContainsAny(text, lowerAscii: false));
        Assert.Equal(expectedLowered, automaton.ContainsAny(text, lowerAscii: true));

        var reference = new AnchorHit[64];
        var count = automaton.CollectHitsByRows(text, reference);
        Assert.Equal(Describe(reference, count), Describe(automaton, text, 64, vectors: null));

        // A span too small for every hit: both give up (-1), or both fit.
        var small = automaton.CollectHitsByRows(text, new AnchorHit[2]);
        Assert.Equal(small, automaton.CollectHits(text, new AnchorHit[2]));

        if (automaton.Windows is { } filter)
        {
            foreach (var vectors in new[] { true, false })
            {
                Assert.Equal(expected, filter.ContainsAny(automaton, text, lowerAscii: false, vectors));
                Assert.Equal(expectedLowered, filter.ContainsAny(automaton, text, lowerAscii: true, vectors));
                Assert.Equal(Describe(reference, count), Describe(automaton, text, 64, vectors));
            }
        }

        return expectedLowered;
    }

    private static string Describe(AhoCorasick automaton, string text, int capacity, bool? vectors)
    {
        var hits = new AnchorHit[capacity];
        var count = vectors is { } v ? automaton.Windows!.CollectHits(automaton, text, hits, v) : automaton.CollectHits(text, hits);
        return Describe(hits, count);
    }

    private static string Describe(AnchorHit[] hits, int count) =>
        count < 0 ? "overflow" : string.Join(' ', hits.Take(count).Select(h => h.Pattern.ToString(CultureInfo.InvariantCulture) + "@" + h.End.ToString(CultureInfo.InvariantCulture)));

    // Noise, anchors as written, upper-cased or cut short, and long texts whose anchors straddle the filter's blocks;
    // one text in three is noise only.
    private static string Text(Random random, string[] patterns, int kind)
    {
        var text = new StringBuilder();
        var length = kind % 4 == 3 ? 200 + random.Next(900) : random.Next(200);
        var noiseOnly = kind % 3 == 0;
        while (text.Length < length)
        {
            switch (noiseOnly ? 9 : random.Next(10))
            {
                case 0:
                    text.Append(patterns[random.Next(patterns.Length)]);
                    break;
                case 1:
                    text.Append(patterns[random.Next(patterns.Length)].ToUpperInvariant());
                    break;
                case 2 or 3:
                    var pattern = patterns[random.Next(patterns.Length)];
                    text.Append(pattern.AsSpan(0, random.Next(pattern.Length)));
                    break;
                case 4:
                    text.Append(Syllables[random.Next(Syllables.Length)]);
                    break;
                default:
                    text.Append(Noise.Generate(new PCG(7, (ulong)random.Next()), null, out _));
                    break;
            }
        }

        return text.ToString();
    }

    private static string[] EveryCategorySamples()
    {
        var samples = new List<string> { "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uFFFE", "\uFFFF", "\U0010FFFE" };
        var seen = new Dictionary<UnicodeCategory, int>();
        for (var code = 0; code <= 0x10FFFF; code += code < 0x3000 ? 1 : 97)
        {
            if (code is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(code);
            if (seen.GetValueOrDefault(category) < 12)
            {
                seen[category] = seen.GetValueOrDefault(category) + 1;
                samples.Add(char.ConvertFromUtf32(code));
            }
        }

        return [.. samples];
    }
}
