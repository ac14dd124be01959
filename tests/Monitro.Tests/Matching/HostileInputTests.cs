using System.Text;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

// Queries and posts written to break the matcher: long NEAR chains, long fuzzy words, megabyte posts and every
// kind of odd UTF-16. The bounds are on work (evaluator steps, allocated bytes), never on time: when the input
// doubles, the work may at most double, times a stated slack for constant overheads.
public sealed class HostileInputTests
{
    // How much more than double the work may grow when the input doubles (rounding, fixed costs, pool growth).
    private const double Slack = 1.25;

    private static readonly string[] CommonWords =
        ["the", "of", "and", "to", "a", "in", "is", "it", "you", "that", "he", "was", "for", "on", "are", "with", "as", "be", "at", "this"];

    [Fact]
    public void NearChain_FourToAThousandOperandsOnAlternatingPost_WorkGrowsLinearlyWithTheChain()
    {
        using var post = PostContext.Of(TestPosts.Create(Alternating(2_000)));
        var previous = (Operands: 0, Steps: 0L);
        foreach (var operands in new[] { 4, 8, 16, 32, 64, 128, 256, 512, 1_000 })
        {
            var steps = Work(QueryParser.Parse(NearChain(operands)), post, expectMatch: true);

            // Each operand occurs 1,000 times; deciding and highlighting a chain are a few passes over each operand's
            // occurrences (about 32 steps per occurrence).
            Assert.True(steps <= 64L * operands * 1_000, $"{operands} operands took {steps} steps");
            if (operands == 2 * previous.Operands)
            {
                Assert.True(steps <= 2 * Slack * previous.Steps, $"{previous.Steps} steps for {previous.Operands} operands, {steps} for {operands}");
            }

            previous = (operands, steps);
        }

        Console.WriteLine($"a {previous.Operands}-operand NEAR chain on a 2,000-word post: {previous.Steps} steps");
    }

    [Fact]
    public void NearChain_PostDoubles_WorkAtMostDoubles()
    {
        var root = QueryParser.Parse(NearChain(64));
        using var shorter = PostContext.Of(TestPosts.Create(Alternating(2_000)));
        using var longer = PostContext.Of(TestPosts.Create(Alternating(4_000)));
        Assert.True(Work(root, longer, expectMatch: true) <= 2 * Slack * Work(root, shorter, expectMatch: true));
    }

    [Fact]
    public void NearChain_OfAThousandOperands_IsAcceptedAndMatchedThroughTheMatcher()
    {
        var matcher = new MentionMatcher();
        matcher.AddWatch(new Watch { Name = "chain", Query = NearChain(1_000) });
        var mention = Assert.Single(matcher.Match(TestPosts.Create(Alternating(2_000))));
        Assert.Equal(0, mention.Spans[0].Start);
    }

    [Fact]
    public void NearChain_ThatCannotMatch_IsRefutedWithoutWorkPerCombination()
    {
        // "c" never occurs: the chain fails at its last link after one pass over the others.
        using var post = PostContext.Of(TestPosts.Create(Alternating(2_000)));
        var steps = Work(QueryParser.Parse(NearChain(999) + " NEAR/1 c"), post, expectMatch: false);
        Assert.True(steps <= 32L * 1_000 * 1_000, $"{steps} steps");
    }

    [Fact]
    public void Query_WithMoreTermsThanTheLimit_IsRefusedNamingTheLimitAndPosition()
    {
        var query = string.Join(" OR ", Enumerable.Range(0, QueryParser.MaxTerms + 1).Select(i => "w" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
        var error = Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate(query));
        Assert.Contains($"more than {QueryParser.MaxTerms} terms", error.Reason, StringComparison.Ordinal);
        Assert.Equal(query.LastIndexOf(" OR ", StringComparison.Ordinal) + 4, error.Position);
        MonitroQuery.Validate(string.Join(" OR ", Enumerable.Range(0, QueryParser.MaxTerms).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void FuzzyTerms_FromFiveLettersToTheLimit_AreAddedWithinAFixedBudgetAndLongerOnesRefused()
    {
        for (var length = FuzzyTerm.MinLength; length <= FuzzyTerm.MaxLength; length++)
        {
            var word = Letters(length);
            var matcher = new MentionMatcher();
            var before = GC.GetAllocatedBytesForCurrentThread();
            matcher.AddWatch(new Watch { Name = "fuzzy", Query = word + "~2" });
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // The deletion neighbourhood of a 24-letter word at two edits is 301 strings; the old unbounded build
            // of an 800-letter word allocated 559 MB.
            Assert.True(allocated < 4_000_000, $"a {length}-letter fuzzy term allocated {allocated} bytes");
            Assert.Single(matcher.Match(TestPosts.Create("x " + word[1..] + " y")));
        }

        var tooLong = Letters(FuzzyTerm.MaxLength + 1);
        var error = Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate("acme " + tooLong + "~1"));
        Assert.Contains($"at most {FuzzyTerm.MaxLength} letters", error.Reason, StringComparison.Ordinal);
        Assert.Equal(5, error.Position);
        Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate(Letters(9_990) + "~2"));
    }

    [Fact]
    public void Query_WithMoreFuzzyTermsThanTheLimit_IsRefused()
    {
        var terms = Enumerable.Range(0, QueryParser.MaxFuzzyTerms + 1).Select(i => Letters(6, i) + "~1").ToList();
        var error = Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate(string.Join(" OR ", terms)));
        Assert.Contains($"more than {QueryParser.MaxFuzzyTerms} fuzzy terms", error.Reason, StringComparison.Ordinal);
        MonitroQuery.Validate(string.Join(" OR ", terms.Skip(1)));
    }

    [Theory]
    [InlineData("the NEAR/3 and")]
    [InlineData("to ONEAR/2 be")]
    [InlineData("\"of the\"")]
    [InlineData("\"in the world\"~2")]
    [InlineData("(the OR a) NEAR/5 (and OR of) NEAR/2 \"it is\"~1")]
    [InlineData("world NEAR/1000 wide")]
    public void LongPost_OfCommonWords_WorkGrowsLinearlyFrom128KBToOneMegabyte(string query)
    {
        var root = QueryParser.Parse(query);
        long previous = 0;
        foreach (var size in new[] { 128 * 1024, 256 * 1024, 512 * 1024, 1024 * 1024 })
        {
            using var post = PostContext.Of(TestPosts.Create(CommonText(size)));
            var steps = Work(root, post, expectMatch: query != "world NEAR/1000 wide");
            if (previous > 0)
            {
                Assert.True(steps <= 2 * Slack * previous, $"{query}: {previous} steps at {size / 2} chars, {steps} at {size}");
            }

            previous = steps;
        }
    }

    [Fact]
    public void LongPost_ThroughTheMatcher_AllocatesLinearly()
    {
        var matcher = new MentionMatcher(
        [
            new Watch { Name = "near", Query = "the NEAR/3 and" },
            new Watch { Name = "slop", Query = "\"in the world\"~2" },
            new Watch { Name = "phrase", Query = "\"of the\"" },
            new Watch { Name = "word", Query = "you" },
        ]);
        AssertAllocatesLinearly(matcher, CommonText, mentions: 4);
    }

    [Fact]
    public void HostileText_OfEmojiHashtagsJoinersMarksAndLoneSurrogates_IsMatchedWithLinearAllocation()
    {
        var matcher = new MentionMatcher(
        [
            new Watch { Name = "tag", Query = "#acme" },
            new Watch { Name = "near", Query = "acme NEAR/2 👍" },
            new Watch { Name = "fuzzy", Query = "launches~2" },
            new Watch { Name = "prefix", Query = "acm*" },
        ]);
        AssertAllocatesLinearly(matcher, HostileText, mentions: 4);
    }

    // Code points rather than strings: the test runner cannot tell strings of lone surrogates apart.
    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xFDD0)]
    [InlineData(0x1FFFE)]
    [InlineData(0x10FFFF)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0x0000)]
    [InlineData(0x0085)]
    [InlineData(0x0378)] // Unassigned.
    public void Noncharacters_ControlsAndLoneSurrogates_AroundAndInsideTerms_AreFoldedAndMatched(int codePoint)
    {
        var odd = codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);
        var matcher = new MentionMatcher([new Watch { Name = "acme", Query = "acme" }, new Watch { Name = "tag", Query = "#launch" }]);
        foreach (var text in new[]
        {
            odd + "acme " + odd + "#launch" + odd,
            "acme" + odd + "\u0301 #launch " + odd + "\u0301",
            odd + odd + "acme\u200D" + odd + " #launch\uFE0F" + odd,
            "\u0BA4" + odd + "\u0BBF acme #launch " + odd + "\u0301\u0302",
        })
        {
            Assert.Equal(2, matcher.Match(TestPosts.Create(text)).Count);
        }

        foreach (var query in new[] { odd, "acme" + odd, odd + "acme", "\"acme " + odd + " corp\"", "#ac" + odd + "me", "colou" + odd + "r~1", "acme NEAR/2 " + odd, "!\"" + odd + "\"", "author:" + odd, "site:" + odd + ".com" })
        {
            try
            {
                MonitroQuery.Validate(query);
            }
            catch (QuerySyntaxException error)
            {
                Assert.InRange(error.Position, 0, query.Length);
            }
        }
    }

    [Theory]
    [InlineData("\u0BA4", "\u0301\u0316\u0334")] // A Tamil letter under stacked marks of three combining classes.
    [InlineData("\u1100", "\u1161\u11A8")] // A Hangul lead consonant before a run of vowel and final jamo.
    public void StackedMarks_OfAMegabyte_FoldLinearly(string letter, string marks)
    {
        var matcher = new MentionMatcher([new Watch { Name = "acme", Query = "acme" }]);
        AssertAllocatesLinearly(matcher, size => "acme " + letter + string.Concat(Enumerable.Repeat(marks, size / marks.Length)), mentions: 1);
    }

    [Fact]
    public void EveryCodePoint_AloneAndWithACombiningMark_IsFoldedAndTokenizedWithoutThrowing()
    {
        var matcher = new MentionMatcher([new Watch { Name = "acme", Query = "acme OR \"acme corp\"~2 OR acm* OR #acme" }]);
        var builder = new StringBuilder();
        var posts = 0;
        for (var value = 0; value <= 0x10FFFF; value++)
        {
            if (value is >= 0xD800 and <= 0xDFFF)
            {
                builder.Append((char)value); // Every lone surrogate too.
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(value));
            }

            builder.Append(value % 3 == 0 ? "\u0301" : value % 3 == 1 ? " " : "\u200D");
            if (builder.Length >= 16_000 || value == 0x10FFFF)
            {
                builder.Append(" acme");
                Assert.Single(matcher.Match(TestPosts.Create(builder.ToString())));
                builder.Clear();
                posts++;
            }
        }

        Assert.True(posts > 100);
    }

    // The evaluator's steps to decide and highlight one query on one post.
    private static long Work(QueryNode root, PostContext post, bool expectMatch)
    {
        var evaluator = new QueryEvaluator();
        Assert.Equal(expectMatch, evaluator.Evaluate(root, post));
        if (expectMatch)
        {
            var spans = new List<MatchSpan>();
            evaluator.CollectSpans(root, post, spans);
            Assert.NotEmpty(spans);
        }

        return evaluator.Steps;
    }

    // Matches a 512 KB and a 1 MB post, after one warm-up match of the larger that grows the pooled buffers, and
    // bounds what the larger allocates by the smaller.
    private static void AssertAllocatesLinearly(MentionMatcher matcher, Func<int, string> text, int mentions)
    {
        var half = TestPosts.Create(text(512 * 1024));
        var full = TestPosts.Create(text(1024 * 1024));
        _ = matcher.Match(full);
        var halfBytes = Allocated(() => Assert.Equal(mentions, matcher.Match(half).Count));
        var fullBytes = Allocated(() => Assert.Equal(mentions, matcher.Match(full).Count));
        Assert.True(fullBytes <= 2 * Slack * halfBytes, $"{halfBytes} bytes at 512 KB, {fullBytes} at 1 MB");
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // "a NEAR/1 b NEAR/1 a …" with the given number of operands (1,000 operands is just under 9,000 characters).
    private static string NearChain(int operands) =>
        string.Join(" NEAR/1 ", Enumerable.Range(0, operands).Select(i => i % 2 == 0 ? "a" : "b"));

    private static string Alternating(int words) => string.Join(' ', Enumerable.Range(0, words).Select(i => i % 2 == 0 ? "a" : "b"));

    private static string Letters(int length, int seed = 0) =>
        string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + ((i * 7) + (seed * 3) + (i / 26)) % 26)));

    // Common English words in a fixed pseudo-random order, with "in the world" and "it is" now and then.
    private static string CommonText(int length)
    {
        var builder = new StringBuilder(length + 16);
        var random = new Random(12);
        while (builder.Length < length)
        {
            builder.Append(random.Next(50) == 0 ? "in the big world" : CommonWords[random.Next(CommonWords.Length)]).Append(' ');
        }

        return builder.ToString();
    }

    // Emoji with skin tones and ZWJ sequences, hashtags, handles, combining marks, lone surrogates and noncharacters.
    private static string HostileText(int length)
    {
        string[] pieces =
        [
            "👍🏽", "👨‍👩‍👧", "🇯🇵", "#acme", "#Acme_Corp2026", "@acme", "e\u0301\u0301\u0301", "\u200D\u200D", "\uD800", "\uDFFF",
            "\uFFFE", "\uFFFF", "❤️#love", "a\u0336c\u0336m\u0336e", "launch", "acme 👍", "東京タワー", "\u0BA4\u0BBF", "$ACME", "ac\u00ADme",
        ];
        var builder = new StringBuilder(length + 32);
        var random = new Random(34);
        while (builder.Length < length)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
            if (random.Next(3) == 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
