using System.Text.RegularExpressions;
using CsCheck;

namespace Monitro.Tests.Matching;

// The pre-filter (posts without any watch's anchor are skipped before tokenizing) never changes what matches.
public sealed partial class AnchorPrefilterTests
{
    // Text whose folded form differs from what is written: ligatures, fullwidth and mathematical letters, the Kelvin
    // sign, long s, dotless and dotted i, ß, invisible characters and accents inside ASCII words, lone surrogates.
    internal static readonly Gen<string> FoldingItem = Gen.OneOf(
        "\uFB01nance", "ＡＣＭＥ", "ａｃｍｅ", "\U0001D41A\U0001D41C\U0001D426\U0001D41E", "\u212Aelvin", "\u017Fir", "\u0131stanbul",
        "\u0130STANBUL", "stra\u00DFe", "STRASSE", "ac\u00ADme", "a\u0301cme", "acme\u0301", "ac\uFE0Fme", "ac\u200Dme", "ac\u2060me",
        "\u00C6on", "\u00F8resund", "\u0142odz", "\u338F", "c\uFF03", "\uFF03acme", "\uFF20acme", "\uFF04ACME", "acme\uFFFE", "\uD800acme",
        "acme\uDC00corp", "\u2126", "\u00B5", "caf\u00E9", "cafe\u0301", "Kelvin", "fin", "sir", "acme", "ACME", "\u24B6cme", "\u00E6on",
        "😃", "ac😃me", "👍🏽", "\u2764\uFE0F", "ac\u2764\uFE0Fme", "\uFE0F", "\u200D", "a\u200D😃b", "👨\u200D👩\u200D👧", "\u2122", "#\uFE0F\u20E3");

    internal static readonly Gen<string> AsciiItem = Gen.OneOf(
        "acme", "ACME", "Acme", "AcMe", "acm", "cme", "ac", "me", "c#", "C#", ".NET", "asp.net", "node.js", "C++", "#acme", "#AcmeCorp",
        "@acme_support", "$ACME", "acme.com", "https://shop.acme.co.uk/x", "support@acme.com", "finance", "strasse", "kelvin", "istanbul",
        "aeon", "oresund", "lodz", "kg", "\0acme", "ac\u007Fme", "ac\tme", "launch", "corp", "the", "2024", ":)", "<3", "#");

    internal static readonly Gen<Post> HostilePost = Gen.Select(
        Gen.Select(Gen.Frequency((3, AsciiItem), (2, FoldingItem)), Gen.OneOf(" ", "", ", ", "_", ".", "#", "@")).Array[1, 12],
        Gen.OneOf("jane", "@ACME", "acme@example.social", "\u212Aelvin", "john"),
        Gen.OneOf<string?>(null, "https://ACME.com/launch", "https://example.org/a", "https://xn--caf-dma.example/"),
        Gen.OneOf<string[]>([], ["https://shop.ACME.co.uk/x"], ["https://example.org/acme"], ["https://b\u00FCcher.example/acme"]),
        (items, author, url, links) => TestPosts.Create(string.Concat(items.Select(i => i.Item1 + i.Item2)), author: author, url: url, links: links));

    private static readonly Gen<string> HostileQuery = Gen.OneOf(
        "acme", "finance", "strasse", "kelvin", "sir", "istanbul", "aeon", "oresund", "lodz", "kg", "c#", ".net", "asp.net", "c++",
        "#acme", "#acmecorp", "@acme", "@acme_support", "$ACME", "acm*", "\"acme corp\"", "acme NEAR/2 corp", "!\"ACME\"", "raw:acme",
        "site:acme.com", "site:acme.co.uk", "url:acme.com/launch", "author:acme", "author:kelvin", "support@acme.com", "ω", "μ",
        "acme -corp", "launch AND NOT acme", "😃", "👍🏽", "❤️", "东京", "café", "#AcmeCorp", "\"acme\"", "corp lang:en");

    [Fact]
    public void Match_GeneratedPostsAndWatchSets_SameWithAndWithoutThePrefilter()
    {
        var samples = Gen.Select(
            Gen.Frequency((2, HostileQuery), (1, SocialTextGenerators.Query)).Array[1, 6],
            Gen.Frequency((1, HostilePost), (1, SocialTextGenerators.Post)).Array[4, 4]);
        var skipped = 0;
        var matched = 0;
        for (ulong i = 0; i < 800; i++)
        {
            var (queries, posts) = samples.Generate(new PCG(23, i), null, out _);

            // Fuzzy terms have no literal and turn the pre-filter off; most samples leave them out so it is at work.
            var valid = queries.Distinct().Where(q => QueryValidity.IsValid(q) && (i % 4 == 0 || !FuzzyTerm().IsMatch(q))).ToList();
            if (valid.Count == 0)
            {
                continue;
            }

            var watches = valid.Select(q => new Watch { Name = q, Query = q }).ToList();
            var filtered = new MentionMatcher(watches);
            var unfiltered = new MentionMatcher(64) { SkipsPostsWithoutAnchors = false };
            unfiltered.AddWatches(watches);
            foreach (var post in posts)
            {
                var expected = Describe(unfiltered.Match(post));
                Assert.Equal(expected, Describe(filtered.Match(post)));
                if (!filtered.PassesPrefilter(post))
                {
                    // Stronger than equal results: a skipped post has no candidate at all.
                    Assert.True(unfiltered.FindCandidates(post).Count == 0, $"sample {i}: skipped a post with candidates: {post.Text}");
                    skipped++;
                }

                matched += expected.Count;
            }
        }

        Assert.True(skipped >= 300, $"only {skipped} posts skipped: the pre-filter is hardly at work");
        Assert.True(matched >= 300, $"only {matched} mentions: the samples hardly match");
    }

    [Theory]
    [InlineData("acme", "ＡＣＭＥ launches")]
    [InlineData("acme", "a\u0301cme launches")]
    [InlineData("acme", "ac\u00ADme launches")]
    [InlineData("finance", "\uFB01nance news")]
    [InlineData("strasse", "an der Stra\u00DFe")]
    [InlineData("kelvin", "\u212Aelvin scale")]
    [InlineData("sir", "\u017Fir")]
    [InlineData("istanbul", "\u0130STANBUL")]
    [InlineData("#acme", "\uFF03acme")]
    [InlineData("author:acme", "nothing here")]
    [InlineData("site:acme.com", "nothing here")]
    [InlineData("👍", "great 👍🏽")]
    [InlineData("launch~1", "lunch")]
    public void Match_TermFoundOnlyAfterFoldingOrOutsideTheText_StillMatches(string query, string text)
    {
        var post = TestPosts.Create(text, author: "@ACME", links: ["https://www.ACME.com/x"]);
        var matcher = new MentionMatcher([new Watch { Name = "w", Query = query }]);

        Assert.True(matcher.PassesPrefilter(post));
        Assert.Single(matcher.Match(post));
    }

    [Fact]
    public void Match_AsciiPostWithoutAnyAnchor_IsSkippedWithoutAllocating()
    {
        var matcher = new MentionMatcher([new Watch { Name = "brand", Query = "acme OR \"acme corp\"" }, new Watch { Name = "rival", Query = "globex -hiring" }]);
        var post = TestPosts.Create("Nothing about either company here, #launch @jane https://example.org/a");
        Assert.False(matcher.PassesPrefilter(post));
        Assert.Empty(matcher.Match(post));

        var mentions = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            mentions += matcher.Match(post).Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, mentions);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void PassesPrefilter_AnchorOnlyInsideAWordOrAfterFolding_LetsThePostThrough()
    {
        var matcher = new MentionMatcher([new Watch { Name = "brand", Query = "acme" }]);

        Assert.False(matcher.PassesPrefilter(TestPosts.Create("plain ASCII text 😃 with emoji")));
        Assert.True(matcher.PassesPrefilter(TestPosts.Create("hacmes")));
        Assert.True(matcher.PassesPrefilter(TestPosts.Create("ＡＣＭＥ 😃")));
        Assert.True(new MentionMatcher([new Watch { Name = "fuzzy", Query = "launch~1" }]).PassesPrefilter(TestPosts.Create("nothing")));
    }

    [Fact]
    public void Match_AlmostEveryPostHasAnAnchor_ScansOnlySamplesAndMatchesTheSame()
    {
        // A boolean watch: its posts go down the full path, so they count against the scan.
        var watches = new[] { new Watch { Name = "brand", Query = "acme -corp" } };
        var filtered = new MentionMatcher(watches);
        var unfiltered = new MentionMatcher(64) { SkipsPostsWithoutAnchors = false };
        unfiltered.AddWatches(watches);
        var hit = TestPosts.Create("acme launches");
        var miss = TestPosts.Create("nothing here");
        for (var i = 0; i < Monitro.Matching.MatcherSnapshot.SampleSize; i++)
        {
            Assert.Single(filtered.Match(hit));
        }

        // The sample passed every post, so the pre-filter stands aside: a post without an anchor passes unscanned.
        Assert.True(filtered.PassesPrefilter(miss));
        for (var i = 0; i < 1000; i++)
        {
            var post = i % 2 == 0 ? hit : miss;
            Assert.Equal(unfiltered.Match(post).Count, filtered.Match(post).Count);
        }
    }

    [Fact]
    public void Match_EveryPostDecidedFromItsOccurrences_KeepsScanning()
    {
        var watches = new[] { new Watch { Name = "brand", Query = "acme" } };
        var matcher = new MentionMatcher(watches);
        var hit = TestPosts.Create("acme launches");
        var miss = TestPosts.Create("nothing here");
        for (var i = 0; i < Monitro.Matching.MatcherSnapshot.SampleSize; i++)
        {
            Assert.Equal(Monitro.Matching.PrefilterVerdict.Decided, matcher.PrefilterVerdictOf(hit));
        }

        // A decided post spared the full path as a skipped one did: the sample counts none as passed, so the scan stays.
        Assert.False(matcher.PassesPrefilter(miss));
        Assert.Single(matcher.Match(hit));
        Assert.Equal(Monitro.Matching.PrefilterVerdict.Decided, matcher.PrefilterVerdictOf(hit));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(Monitro.Matching.WatchIndex.LookUpMinimumAnchors, false)]
    public void Prefilter_IndexWhereLookUpsCostLess_SendsPostsWithAnchorsToTheIndex(int lookUpMinimumAnchors, bool lookUpsCostLess)
    {
        var watches = new[] { new Watch { Name = "brand", Query = "acme" } };
        var index = Monitro.Matching.WatchIndex.Build(watches.Select(Monitro.Matching.CompiledWatch.Compile), lookUpMinimumAnchors);
        Assert.Equal(lookUpsCostLess, index.LookUpsCostLess);
        var snapshot = new Monitro.Matching.MatcherSnapshot([index]);
        var scratch = Monitro.Matching.MatchScratch.Current;
        var hit = TestPosts.Create("acme launches");
        var miss = TestPosts.Create("nothing here");
        var expected = lookUpsCostLess ? Monitro.Matching.PrefilterVerdict.Pass : Monitro.Matching.PrefilterVerdict.Decided;
        Assert.Equal(Monitro.Matching.PrefilterVerdict.Skip, snapshot.Prefilter(miss, scratch, decide: true, aroundHits: true, out _));
        for (var i = 1; i < Monitro.Matching.MatcherSnapshot.SampleSize; i++)
        {
            Assert.Equal(expected, snapshot.Prefilter(hit, scratch, decide: true, aroundHits: true, out _));
            scratch.Mentions.Clear();
        }

        // Where look-ups cost less, every post with an anchor of the sample went to the index, so the pre-filter stands
        // aside and the next post goes unscanned to the index; where deciding costs less, the scan stays.
        var verdict = snapshot.Prefilter(miss, scratch, decide: true, aroundHits: true, out _);
        Assert.Equal(lookUpsCostLess ? Monitro.Matching.PrefilterVerdict.Pass : Monitro.Matching.PrefilterVerdict.Skip, verdict);
    }

    [Theory]
    [InlineData(Monitro.Matching.MatcherSnapshot.StandAsidePasses, false)]
    [InlineData(Monitro.Matching.MatcherSnapshot.StandAsidePasses + 1, true)]
    public void PassesPrefilter_AfterASample_StandsAsideOnlyAboveTheBar(int passing, bool standsAside)
    {
        var matcher = new MentionMatcher([new Watch { Name = "brand", Query = "acme" }]);
        var hit = TestPosts.Create("acme launches");
        var miss = TestPosts.Create("nothing here");
        for (var i = 0; i < Monitro.Matching.MatcherSnapshot.SampleSize; i++)
        {
            Assert.Equal(i < passing, matcher.PassesPrefilter(i < passing ? hit : miss));
        }

        // Above the bar the next post without an anchor passes unscanned; at it, the scan still skips it.
        Assert.Equal(standsAside, matcher.PassesPrefilter(miss));
    }

    [Theory]
    [InlineData("plain ascii", true)]
    [InlineData("great 😃 news ❤\uFE0F and 👍🏽 👨\u200D👩\u200D👧", true)]
    [InlineData("ac😃me", true)]
    [InlineData("ac\uFE0Fme", false)]
    [InlineData("ac\u200Dme", false)]
    [InlineData("\uFE0F\u200D", false)]
    [InlineData("caf\u00E9", false)]
    [InlineData("ＡＣＭＥ", false)]
    [InlineData("\uD83D broken", false)]
    [InlineData("#\uFE0F\u20E3", false)]
    public void AsciiKeptApart_OnlyEmojiBetweenAsciiRuns(string text, bool expected) =>
        Assert.Equal(expected, Monitro.Matching.MatcherSnapshot.AsciiKeptApart(text));

    private static List<string> Describe(IReadOnlyList<Mention> mentions) =>
        [.. mentions.Select(m => m.Watch.Name + ":" + string.Join(",", m.Spans.Select(s => s.Start + "+" + s.Length)))];

    [GeneratedRegex(@"[^""\s]~\d")]
    private static partial Regex FuzzyTerm();
}
