using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

// Keyword watches decided from the anchor scan's occurrences in plain posts, without tokenizing, give exactly the
// mentions and spans of the full path; anything the occurrences cannot settle goes the full path.
public sealed class AnchorHitDecisionTests
{
    // Words that are anchors or contain anchors, mostly; and things whose tokens are not plain words: hashtags,
    // handles, cashtags, links, addresses, joined terms, possessives, apostrophes, digits and emoji.
    private static readonly Gen<string> Item = Gen.Frequency(
        (6, Gen.OneOf("acme", "ACME", "Acme", "AcMe", "corp", "Corp", "launch", "acmecorp", "corpacme", "hacmes", "acme2", "2acme", "2024", "new", "the", "big")),
        (1, Gen.OneOf(
            "acme's", "acme'", "'acme", "don't", "acme-corp", "acme_corp", "acme.corp", "acme.com", "https://acme.com/corp", "http://acme",
            "www.acme.com", "x@acme.com", "acme@x.io", "#acme", "#AcmeCorp", "#acmecorp", "@acme", "@acme_corp", "RT@acme", "$ACME", "$acme",
            "c#", "C#", "c++", "node.js", ".net", "acme#", "acme+", "(acme)", "\"acme\"", "acme...", "acme?!", "😃", "😃acme", "acme😃",
            "❤\uFE0F", "👍🏽", "👨\u200D👩\u200D👧", "acme\u200Dcorp", "\0acme", "ac\u007Fme", "acme\u00A0corp")));

    private static readonly Gen<string> Separator = Gen.Frequency(
        (6, Gen.OneOf(" ", " ", " ", "  ", ", ", ". ", "! ", "? ", "\t", "\n", "\r\n")),
        (1, Gen.OneOf(
            ",", ".", "!", "?", "", " - ", " 😃 ", "😃", "#", "@", "_", "/", ":", "'", "\"", ";", " (", ") ", ".. ", ",, ",
            "                    ")));

    private static readonly Gen<Post> PlainPost = Gen.Select(
        Gen.Select(Item, Separator).Array[1, 10],
        Gen.OneOf<string?>(null, null, null, "https://acme.com/launch"),
        (items, url) => TestPosts.Create(string.Concat(items.Select(i => i.Item1 + i.Item2)), url: url));

    private static readonly Gen<string> KeywordQuery = Gen.OneOf(
        "acme", "corp", "launch", "acme OR corp", "corp OR launch OR acme", "\"acme corp\"", "\"corp acme\"", "\"acme corp launch\"",
        "\"new acme\"", "\"the big acme\"", "\"acme\"", "acme OR \"corp launch\"", "(acme OR corp) OR \"new big\"", "acmecorp",
        "2024", "acme2", "new", "the OR big", "\"acme acme\"");

    private static readonly Gen<string> OtherQuery = Gen.OneOf(
        "c#", "#acme", "@acme", "$ACME", "acme -corp", "acme NEAR/2 corp", "\"acme corp\"~1", "acm*", "author:acme", "site:acme.com",
        "launch OR (acme AND corp)", "node.js", "!\"Acme\"", "acme~1", "😃");

    [Fact]
    public void Match_KeywordWatchSets_SameMentionsAndSpansWithAndWithoutDeciding()
    {
        var samples = Gen.Select(
            Gen.Frequency((5, KeywordQuery), (1, OtherQuery), (1, SocialTextGenerators.Query)).Array[1, 6],
            Gen.Frequency((4, PlainPost), (1, SocialTextGenerators.Post)).Array[6, 6]);
        var decided = 0;
        var decidedMentions = 0;
        var posts = 0;
        for (ulong i = 0; i < 1500; i++)
        {
            var (queries, sample) = samples.Generate(new PCG(41, i), null, out _);
            var valid = queries.Distinct().Where(QueryValidity.IsValid).ToList();
            if (valid.Count == 0)
            {
                continue;
            }

            var watches = valid.Select(q => new Watch { Name = q, Query = q }).ToList();
            var deciding = new MentionMatcher(watches);
            var probe = new MentionMatcher(watches);
            var tokenizing = new MentionMatcher(64) { DecidesFromAnchorHits = false };
            tokenizing.AddWatches(watches);
            var unfiltered = new MentionMatcher(64) { SkipsPostsWithoutAnchors = false };
            unfiltered.AddWatches(watches);
            foreach (var post in sample)
            {
                var expected = Describe(unfiltered.Match(post));
                Assert.Equal(expected, Describe(tokenizing.Match(post)));
                var actual = Describe(deciding.Match(post));
                Assert.True(expected.SequenceEqual(actual), $"sample {i}: [{string.Join("; ", valid)}] on \"{post.Text}\": expected {string.Join(" ", expected)}, got {string.Join(" ", actual)}");
                posts++;
                if (probe.PrefilterVerdictOf(post) == PrefilterVerdict.Decided)
                {
                    decided++;
                    decidedMentions += expected.Count;
                }
            }
        }

        // The decider must be at work on a good share of the posts, mentions included, or the comparison proves little.
        Assert.True(decided >= posts / 8, $"only {decided} of {posts} posts decided from the occurrences");
        Assert.True(decidedMentions >= 300, $"only {decidedMentions} mentions in decided posts");
    }

    [Theory]
    [InlineData("acme", "Acme launches today", "0+4")]
    [InlineData("acme", "we love acme, acme! and ACME.", "8+4 14+4 24+4")]
    [InlineData("acme", "acmecorp and hacmes only", "")]
    [InlineData("\"acme corp\"", "new Acme  Corp. launch", "4+10")]
    [InlineData("\"acme corp\"", "acme, corp acme launch corp", "0+10")]
    [InlineData("\"new acme\" OR corp", "brand new acme 😃 corp", "6+8 18+4")]
    public void Match_PlainPost_DecidedWithTheSpansOfTheFullPath(string query, string text, string spans)
    {
        var watches = new[] { new Watch { Name = "w", Query = query } };
        var post = TestPosts.Create(text);
        var deciding = new MentionMatcher(watches);
        var tokenizing = new MentionMatcher(64) { DecidesFromAnchorHits = false };
        tokenizing.AddWatches(watches);

        Assert.Equal(PrefilterVerdict.Decided, new MentionMatcher(watches).PrefilterVerdictOf(post));
        var expected = Describe(tokenizing.Match(post));
        Assert.Equal(expected, Describe(deciding.Match(post)));
        Assert.Equal(spans, string.Join(" ", deciding.Match(post).SelectMany(m => m.Spans).Select(s => s.Start + "+" + s.Length)));
    }

    [Theory]
    [InlineData("acme", "#AcmeRocks today")]
    [InlineData("acme", "mail x@acme.com")]
    [InlineData("acme", "acme's launch")]
    [InlineData("acme", "see acme.com now")]
    [InlineData("acme", "😃acme")]
    [InlineData("\"acme corp\"", "acme #corp")]
    [InlineData("\"acme corp\"", "acme 😃 corp")]
    [InlineData("acme OR c#", "acme")]
    public void PrefilterVerdictOf_OccurrenceTheTokenizerMustSettle_GoesTheFullPath(string query, string text)
    {
        var matcher = new MentionMatcher([new Watch { Name = "w", Query = query }]);

        Assert.Equal(PrefilterVerdict.Pass, matcher.PrefilterVerdictOf(TestPosts.Create(text)));
    }

    [Fact]
    public void Match_DecidedPostWithoutMention_AllocatesNothing()
    {
        var matcher = new MentionMatcher([new Watch { Name = "brand", Query = "acme OR \"acme corp\"" }, new Watch { Name = "rival", Query = "globex" }]);
        var post = TestPosts.Create("Nothing about hacmes or acmecorp here, just globexes");
        Assert.Equal(PrefilterVerdict.Decided, matcher.PrefilterVerdictOf(post));
        Assert.Empty(matcher.Match(post));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var mentions = 0;
        for (var i = 0; i < 100; i++)
        {
            mentions += matcher.Match(post).Count;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, mentions);
    }

    private static List<string> Describe(IReadOnlyList<Mention> mentions) =>
        [.. mentions.Select(m => m.Watch.Name + ":" + string.Join(",", m.Spans.Select(s => s.Start + "+" + s.Length)))];
}
