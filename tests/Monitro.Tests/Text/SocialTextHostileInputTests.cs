using System.Text;
using Monitro.Text;

namespace Monitro.Tests.Text;

// Text written to break entity extraction, link scanning and hashtag segmentation: megabytes of one character, every
// code point, lone surrogates, noncharacters, long link-like runs, long hashtags, emoji joined without end. The bounds
// are on work (allocated bytes, segmenter look-ups), never on time: when the text doubles, the work may at most
// double, times a stated slack for rounding and fixed costs; nothing throws.
public sealed class SocialTextHostileInputTests
{
    // How much more than double the work may grow when the input doubles.
    private const double Slack = 1.25;

    private const int Megabyte = 1024 * 1024;

    public static TheoryData<string> SingleCharacters => ["#", "@", "$", ".", ":", "/", "_", "-", "a", "A", "я", "東", "😀", "\u0301"];

    public static TheoryData<string> Patterns => new()
    {
        "a.",
        "a.com:",
        "a.com/",
        "x.com/",
        "http://",
        "https://a.",
        "www.",
        "a-",
        "a_",
        "a.com:1",
        "a@b.",
        "@a.",
        "@a@",
        "#a",
        "#a_",
        "#a·",
        "$a.",
        "$ab",
        ".a",
        "c#",
        "c++",
        "東a.com",
        "a.com東",
        "a.c東",
        "(a.com/(",
        "a\uFFFE",
        "#\uFFFF",
        "\uD800#",
        "@\uDC00",
        "a\u0301",
        "👨\u200D",
        "❤\uFE0F#",
        "🇫🇷",
        "#acme @jane $ACME acme.com ",
        "http://a.com/東 ",
    };

    [Theory]
    [MemberData(nameof(SingleCharacters))]
    public void AMegabyteOfOneCharacter_IsExtractedWithLinearWork(string character) =>
        AssertExtractsLinearly(size => Repeat(character, size));

    [Theory]
    [MemberData(nameof(Patterns))]
    public void AMegabyteOfARepeatedPattern_IsExtractedWithLinearWork(string pattern) =>
        AssertExtractsLinearly(size => Repeat(pattern, size));

    [Fact]
    public void AHundredThousandHashes_AreNoEntity()
    {
        Assert.Empty(SocialText.Extract(new string('#', 100_000)));
        Assert.Empty(SocialText.Extract(Repeat("# ", 200_000)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(40_000)]
    public void EveryEntityOfARepeatedPost_IsFound(int times)
    {
        var text = Repeat("#acme @jane $ACME acme.com ", times * 27);
        var entities = SocialText.Extract(text);
        AssertWellFormed(text, entities);
        foreach (var kind in Enum.GetValues<SocialEntityKind>())
        {
            Assert.Equal(times, entities.Count(e => e.Kind == kind));
        }

        Assert.All(entities, e => Assert.Equal(e.Kind switch
        {
            SocialEntityKind.Hashtag => "acme",
            SocialEntityKind.Mention => "jane",
            SocialEntityKind.Cashtag => "ACME",
            _ => "acme.com",
        }, e.Value));
    }

    [Fact]
    public void EveryCodePointInSequence_IsExtractedWithoutThrowing()
    {
        var builder = new StringBuilder(2 * 0x110000);
        for (var value = 0; value <= 0x10FFFF; value++)
        {
            builder.Append(value is >= 0xD800 and <= 0xDFFF ? ((char)value).ToString() : char.ConvertFromUtf32(value));
        }

        var text = builder.ToString();
        AssertWellFormed(text, SocialText.Extract(text));
        AssertWellFormed(text + " #acme", SocialText.Extract(text + " #acme"));
        Assert.Equal("acme", SocialText.Extract(text + " #acme")[^1].Value);
    }

    [Theory]
    [InlineData('\uFFFE')]
    [InlineData('\uFFFF')]
    [InlineData('\uD800')]
    [InlineData('\uDBFF')]
    [InlineData('\uDC00')]
    [InlineData('\uDFFF')]
    public void AnOddCodeUnitAfterEveryCharacter_IsExtractedWithLinearWork(char odd)
    {
        var text = Interleave("#acme @jane $ACME acme.com http://x.com/a ", odd);
        AssertWellFormed(text, SocialText.Extract(text));
        AssertExtractsLinearly(size => Interleave(Repeat("#acme @jane $ACME acme.com http://x.com/a ", size / 2), odd));

        // Around whole entities the odd unit is a separator, like a space.
        var spaced = $"{odd}#acme{odd} @jane{odd} $ACME{odd} acme.com{odd}";
        Assert.Equal(["acme", "jane", "ACME", "acme.com"], SocialText.Extract(spaced).Select(e => e.Value));
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acmerocks")]
    [InlineData("wholesale")]
    [InlineData("z")]
    public void ALongOneCaseHashtag_IsExtractedWithLinearWork(string word) =>
        AssertExtractsLinearly(size => "#" + Repeat(word, size - 1) + " @" + Repeat(word, size - 1));

    [Fact]
    public void Segmenting_LooksUpABoundedNumberOfWordsPerLetter()
    {
        Span<int> boundaries = stackalloc int[WordSegmenter.MaxRunLength];
        var previous = 0;
        for (var length = 2; length <= WordSegmenter.MaxRunLength; length *= 2)
        {
            var letters = Repeat("acmerocks", length)[..length];
            WordSegmenter.Segment(letters, boundaries, out var lookups);
            Assert.True(lookups <= WordSegmenter.MaxWordLength * length, $"{lookups} look-ups for {length} letters");
            // Below twice the longest word every end may still look back to the start: only longer runs double linearly.
            if (length / 2 >= WordSegmenter.MaxWordLength)
            {
                Assert.True(lookups <= 2 * Slack * previous, $"{previous} look-ups at {length / 2} letters, {lookups} at {length}");
            }

            previous = lookups;
        }

        // Longer runs are left whole: no look-up at all.
        WordSegmenter.Segment(Repeat("acmerocks", Megabyte), boundaries, out var none);
        Assert.Equal(0, none);
    }

    [Theory]
    [InlineData("👨\u200D👩\u200D👧\u200D👦")]
    [InlineData("🏳\uFE0F\u200D🌈")]
    [InlineData("👍🏽")]
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")]
    public void EmojiSequences_JoinedWithoutEnd_AreExtractedWithLinearWork(string emoji)
    {
        AssertExtractsLinearly(size => Repeat(emoji + "\u200D", size));
        AssertExtractsLinearly(size => Repeat(emoji + "#acme ", size));
        Assert.Equal(["acme"], SocialText.Extract(Repeat(emoji + "\u200D", 10_000) + "#acme").Select(e => e.Value));
    }

    [Theory]
    [InlineData("\u0301")]
    [InlineData("\u0301\u0316\u0334")]
    [InlineData("\u1161\u11A8")]
    public void CombiningMarks_StackedOnEntities_AreExtractedWithLinearWork(string marks)
    {
        AssertExtractsLinearly(size => "#a" + Repeat(marks, size));
        AssertExtractsLinearly(size => Repeat("#a" + marks + " @b" + marks + " c.com" + marks + " ", size));
    }

    [Theory]
    [InlineData("a.com:")]
    [InlineData("a-")]
    [InlineData("www.")]
    [InlineData("#acme @jane $ACME acme.com ")]
    [InlineData("#acmerocks ")]
    public void AMegabyteOfARepeatedPattern_IsMatchedWithLinearAllocation(string pattern)
    {
        var matcher = new MentionMatcher(
        [
            new Watch { Name = "tag", Query = "#acme OR acme" },
            new Watch { Name = "handle", Query = "@jane" },
            new Watch { Name = "cash", Query = "$ACME" },
            new Watch { Name = "site", Query = "site:acme.com OR url:a.com" },
        ]);
        var half = Matching.TestPosts.Create(Repeat(pattern, Megabyte / 2) + " acme");
        var full = Matching.TestPosts.Create(Repeat(pattern, Megabyte) + " acme");
        var mentions = matcher.Match(full).Count;
        var halfBytes = Allocated(() => Assert.Equal(mentions, matcher.Match(half).Count));
        var fullBytes = Allocated(() => Assert.Equal(mentions, matcher.Match(full).Count));
        Assert.True(fullBytes <= 2 * Slack * halfBytes, $"{halfBytes} bytes for {half.Text.Length} chars, {fullBytes} for {full.Text.Length}");
    }

    // Extracts a 512 KB and a 1 MB text, after one warm-up of the larger that grows the pooled buffers, and bounds
    // what the larger allocates by the smaller. Each is measured twice and the smaller count kept: the shared pool may
    // drop its buffers at a full collection (other tests run meanwhile), and renting one again is not work per character.
    private static void AssertExtractsLinearly(Func<int, string> text)
    {
        var half = text(Megabyte / 2);
        var full = text(Megabyte);
        AssertWellFormed(full, SocialText.Extract(full));
        var halfBytes = Math.Min(Allocated(() => AssertWellFormed(half, SocialText.Extract(half))), Allocated(() => AssertWellFormed(half, SocialText.Extract(half))));
        var fullBytes = Math.Min(Allocated(() => AssertWellFormed(full, SocialText.Extract(full))), Allocated(() => AssertWellFormed(full, SocialText.Extract(full))));
        Assert.True(fullBytes <= 2 * Slack * Math.Max(halfBytes, 4096), $"{halfBytes} bytes for {half.Length} chars, {fullBytes} for {full.Length}");
    }

    // Entities in text order, inside the text, not overlapping, each the text it claims to be.
    private static void AssertWellFormed(string text, IReadOnlyList<SocialEntity> entities)
    {
        var end = 0;
        foreach (var entity in entities)
        {
            if (entity.Start < end || entity.Length <= 0 || entity.Start + entity.Length > text.Length)
            {
                Assert.Fail($"{entity} after offset {end} in a text of {text.Length} chars");
            }

            var sigil = entity.Kind == SocialEntityKind.Url ? 0 : 1;
            if (!text.AsSpan(entity.Start + sigil, entity.Length - sigil).SequenceEqual(entity.Value))
            {
                Assert.Fail($"{entity} is not the text at its offset");
            }

            end = entity.Start + entity.Length;
        }
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // The pattern repeated up to a length of about size characters.
    private static string Repeat(string pattern, int size)
    {
        var builder = new StringBuilder(size + pattern.Length);
        while (builder.Length < size)
        {
            builder.Append(pattern);
        }

        return builder.ToString();
    }

    private static string Interleave(string text, char odd)
    {
        var builder = new StringBuilder(2 * text.Length);
        foreach (var c in text)
        {
            builder.Append(c).Append(odd);
        }

        return builder.ToString();
    }
}
