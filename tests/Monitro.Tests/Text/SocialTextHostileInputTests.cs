using System.Text;
using Monitro.Testing;
using Monitro.Text;

namespace Monitro.Tests.Text;

// Entity extraction (links, hashtags, handles, cashtags) and hashtag segmentation fed text written to break them:
// a megabyte of one character, every code point in order, lone surrogates, endless link-like runs. None may throw,
// and the work (allocated bytes) may at most double, times a stated slack, when the input doubles.
public sealed class SocialTextHostileInputTests
{
    // How much more than double the allocations may grow when the input doubles (list and pool growth).
    private const double Slack = 1.25;

    // Fixed costs that do not depend on the input's length (first use of a pool size, lazy tables).
    private const long FixedBytes = 64 * 1024;

    private const int Length = 1 << 16;

    public static TheoryData<string> Repeated() => new()
    {
        "#", "@", "$", ".", "/", ":", "_", "a", "A", "1", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uDC00\uD800",
        "🙂", "❤️", "\u200D", "\u0301", "\uFE0F", "東", "#a", "@a", "$A", "#️⃣", "a.", "a_", "www.", "http://", "https://a.com/",
        "a.com/", "a.com:", "(", ")", "a.co/(", "#il·", "\u0000", "\r\n", "\t", "\u202E",
    };

    [Theory]
    [MemberData(nameof(Repeated))]
    public void Extract_ALengthOfOnePattern_NeverThrowsAndAllocatesLinearly(string pattern) =>
        AssertExtractLinear(length => Repeat(pattern, length));

    [Fact]
    public void Extract_EveryCodePointInOrder_NeverThrowsAndAllocatesLinearly()
    {
        AssertExtractLinear(EveryCodePoint);

        // All of them, up to U+10FFFF: the BMP one unit each, the rest as surrogate pairs.
        SocialText.Extract(EveryCodePoint(0x10000 + (2 * 0x100000)));
    }

    [Fact]
    public void Extract_LinkLikeRuns_NeverThrowAndAllocateLinearly()
    {
        AssertExtractLinear(length => "http://" + Repeat("a.", length));
        AssertExtractLinear(length => "https://acme.com/" + Repeat("a/(b)?x=1&", length));
        AssertExtractLinear(length => Repeat("acme.com/#x ", length));
        AssertExtractLinear(length => Repeat("somehost.com:3000/a_b ", length));
        AssertExtractLinear(length => Repeat("http://a.com東", length));
    }

    [Fact]
    public void Extract_AHundredThousandHashSigns_FindsNoHashtag()
    {
        Assert.Empty(SocialText.Extract(new string('#', 100_000)));
        Assert.Empty(SocialText.Extract(Repeat("# ", 100_000)));
    }

    [Fact]
    public void Extract_ManyEntities_FindsEveryOneOfThem()
    {
        var entities = SocialText.Extract(Repeat("#acme @jane $ACME acme.com ", 40_000));
        Assert.Equal(40_000, entities.Count(e => e.Kind == SocialEntityKind.Hashtag));
        Assert.Equal(40_000, entities.Count(e => e.Kind == SocialEntityKind.Mention));
        Assert.Equal(40_000, entities.Count(e => e.Kind == SocialEntityKind.Cashtag));
        Assert.Equal(40_000, entities.Count(e => e.Kind == SocialEntityKind.Url));
    }

    [Fact]
    public void Match_HashtagsOfLongLetterRunsAgainstWordsInsideHashtags_NeverThrowsAndAllocatesLinearly()
    {
        var matcher = new MentionMatcher([new Watch { Name = "words", Query = "sale OR acme OR wedding OR #acme OR site:acme.com OR url:acme.com/a" }]);
        matcher.Match(TestPosts.Create("w", "#warmup"));
        foreach (var text in new Func<int, string>[]
        {
            length => "#" + Repeat("weddingsale", length),
            length => Repeat("#" + Repeat("acmerocks", WordSegmenter.MaxRunLength) + " ", length),
            length => "#" + Repeat("acme_" + Repeat("x", WordSegmenter.MaxRunLength), length),
            length => Repeat("#WeddingSaleAcme ", length),
        })
        {
            var half = TestPosts.Create("h", text(Length / 2));
            var full = TestPosts.Create("f", text(Length));
            var halfBytes = Allocated(() => matcher.Match(half));
            var fullBytes = Allocated(() => matcher.Match(full));
            Assert.True(fullBytes <= (2 * Slack * halfBytes) + FixedBytes, $"{halfBytes} bytes for half the text, {fullBytes} for all of it");
        }
    }

    [Fact]
    public void Segment_EveryRunLength_WritesAscendingInnerBoundariesAndSplitsNothingLonger()
    {
        var random = new Random(12);
        Span<int> boundaries = stackalloc int[WordSegmenter.MaxRunLength + 1];
        for (var length = 0; length <= WordSegmenter.MaxRunLength; length++)
        {
            foreach (var letters in new[] { new string('a', length), Repeat("sale", length), RandomLetters(random, length) })
            {
                var count = WordSegmenter.Segment(letters, boundaries);
                Assert.InRange(count, 0, Math.Max(0, length - 1));
                for (var i = 0; i < count; i++)
                {
                    Assert.InRange(boundaries[i], i == 0 ? 1 : boundaries[i - 1] + 1, length - 1);
                }
            }
        }

        var tooLong = Repeat("sale", Length);
        Assert.Equal(0, WordSegmenter.Segment(tooLong, new int[tooLong.Length]));
    }

    private static void AssertExtractLinear(Func<int, string> text)
    {
        SocialText.Extract(text(1_000));
        var half = text(Length / 2);
        var full = text(Length);
        var halfBytes = Allocated(() => SocialText.Extract(half));
        var fullBytes = Allocated(() => SocialText.Extract(full));
        Assert.True(fullBytes <= (2 * Slack * halfBytes) + FixedBytes, $"{halfBytes} bytes for {half.Length} characters, {fullBytes} for {full.Length}");
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>The pattern repeated to exactly <paramref name="length"/> characters (cut inside the last copy).</summary>
    private static string Repeat(string pattern, int length) =>
        string.Create(length, pattern, static (span, pattern) =>
        {
            for (var i = 0; i < span.Length; i += pattern.Length)
            {
                pattern.AsSpan(0, Math.Min(pattern.Length, span.Length - i)).CopyTo(span[i..]);
            }
        });

    /// <summary>Code points from U+0000 upwards (surrogate code units standing alone), until the text has <paramref name="length"/> characters.</summary>
    private static string EveryCodePoint(int length)
    {
        var text = new StringBuilder(length + 1);
        for (var codePoint = 0; text.Length < length; codePoint = (codePoint + 1) % 0x110000)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                text.Append((char)codePoint);
            }
            else
            {
                text.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        return text.ToString(0, length);
    }

    private static string RandomLetters(Random random, int length) =>
        string.Create(length, random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + random.Next(26));
            }
        });
}
