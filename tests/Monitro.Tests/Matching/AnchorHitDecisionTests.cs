using CsCheck;
using Monitro.Matching;
using Monitro.Testing;

namespace Monitro.Tests.Matching;

// Watches decided from the anchor scan's occurrences give exactly the mentions and spans of the full path: keyword
// watches in plain posts without tokenizing, and words, phrases, entities, prefixes and exact literals anywhere by
// tokenizing only the text around the occurrences; anything else goes the full path.
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
            "❤\uFE0F", "👍🏽", "👨\u200D👩\u200D👧", "acme\u200Dcorp", "\0acme", "ac\u007Fme", "acme\u00A0corp")),
        (1, Gen.OneOf(
            "Acmé", "ÀCME", "acme\u2019s", "ＡＣＭＥ", "東京acme", "acme東京", "ac\u0301me", "#Acmé", "@acme\u2019s", "#AcmeCorp\u2019s", "#acme_corp",
            "@AcmeCorp", "#NewAcmeLaunch", "#acmelaunch", "#corpacme", "acme.corp.launch", "acme_", "_acme", "acme'corp", "ACME's", "$acme.b",
            "\u200Bacme", "acme\u3000corp", "acme\u2028corp", "\uFFFEacme", "\uD800acme")));

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

    // Shapes decided around the occurrences: entities, slop, joined terms, prefixes, exact literals, emoji, folded words.
    private static readonly Gen<string> AroundQuery = Gen.OneOf(
        "c#", "#acme", "@acme", "$ACME", "\"acme corp\"~1", "\"acme launch\"~2", "acm*", "node.js", "!\"Acme\"", "😃", "#AcmeCorp",
        "\"acme\" OR #corp", "acmé", "東京", "\"new #acme\"", "@acme_corp OR launch", "\"acme corp launch\"~1", "corp OR c++");

    private static readonly Gen<string> OtherQuery = Gen.OneOf(
        "acme -corp", "acme NEAR/2 corp", "author:acme", "site:acme.com", "launch OR (acme AND corp)", "acme~1", "url:acme.com/launch");

    [Fact]
    public void Match_KeywordWatchSets_SameMentionsAndSpansWithAndWithoutDeciding()
    {
        // Two sets in three are keyword lists with a few others (the plain-word decider's ground), one in three mixes in
        // the shapes decided around the occurrences.
        var samples = Gen.Select(
            Gen.Frequency(
                (2, Gen.Frequency((5, KeywordQuery), (1, OtherQuery), (1, SocialTextGenerators.Query)).Array[1, 6]),
                (1, Gen.Frequency((3, KeywordQuery), (3, AroundQuery), (1, OtherQuery), (1, SocialTextGenerators.Query)).Array[1, 6])),
            Gen.Frequency((4, PlainPost), (1, SocialTextGenerators.Post)).Array[6, 6]);
        var decided = 0;
        var decidedMentions = 0;
        var decidedNear = 0;
        var decidedNearMentions = 0;
        var obstacles = new Dictionary<DecisionObstacle, int>();
        var posts = 0;
        for (ulong i = 0; i < 2000; i++)
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
                switch (probe.PrefilterVerdictOf(post, out var obstacle))
                {
                    case PrefilterVerdict.Decided:
                        decided++;
                        decidedMentions += expected.Count;
                        break;
                    case PrefilterVerdict.DecidedNearHits:
                        decidedNear++;
                        decidedNearMentions += expected.Count;
                        obstacles[obstacle] = obstacles.GetValueOrDefault(obstacle) + 1;
                        break;
                }
            }
        }

        // Both deciders must be at work on a good share of the posts, mentions included, and around the occurrences on
        // every class the plain-word reading leaves to it, or the comparison proves little.
        Assert.True(decided >= posts / 12, $"only {decided} of {posts} posts decided from the occurrences");
        Assert.True(decidedMentions >= 300, $"only {decidedMentions} mentions in decided posts");
        Assert.True(decidedNear >= posts / 12, $"only {decidedNear} of {posts} posts decided around the occurrences");
        Assert.True(decidedNearMentions >= 300, $"only {decidedNearMentions} mentions in posts decided around the occurrences");
        DecisionObstacle[] classes =
        [
            DecisionObstacle.Hashtag, DecisionObstacle.Handle, DecisionObstacle.Link, DecisionObstacle.Apostrophe, DecisionObstacle.Joined,
            DecisionObstacle.Emoji, DecisionObstacle.FoldedText, DecisionObstacle.NotPlainAnchor, DecisionObstacle.PhraseNeighbour,
        ];
        var counts = string.Join(", ", obstacles.Select(o => $"{o.Key} {o.Value}"));
        Assert.All(classes, c => Assert.True(obstacles.GetValueOrDefault(c) >= 20, $"{c}: only {obstacles.GetValueOrDefault(c)} posts decided around the occurrences ({counts})"));
    }

    [SkippableFact]
    public void Match_TwitterTextConformanceCasesAsPosts_SameMentionsAndSpansWithAndWithoutDeciding()
    {
        var skipReason = ConformanceData.SkipReason("twitter-text/extract.yml");
        Skip.If(skipReason is not null, skipReason);
        var texts = ConformanceTexts();
        var rng = new Random(12);
        var watches = new List<Watch>();
        foreach (var text in texts)
        {
            // Watches for the words and entities of the suite's own texts: whole entities, words inside them, phrases.
            foreach (var entity in SocialText.Extract(text))
            {
                var sigil = entity.Kind switch
                {
                    SocialEntityKind.Hashtag => "#",
                    SocialEntityKind.Mention => "@",
                    SocialEntityKind.Cashtag => "$",
                    _ => null,
                };
                if (sigil is not null)
                {
                    watches.Add(new Watch { Name = "w" + watches.Count, Query = sigil + entity.Value });
                }
            }

            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1 && rng.Next(3) == 0)
            {
                var at = rng.Next(words.Length - 1);
                watches.Add(new Watch { Name = "w" + watches.Count, Query = "\"" + words[at].Trim('"') + " " + words[at + 1].Trim('"') + "\"" });
            }

            if (words.Length > 0)
            {
                watches.Add(new Watch { Name = "w" + watches.Count, Query = words[rng.Next(words.Length)].Trim('"', '#', '@', '$') });
            }
        }

        var valid = watches.Where(w => QueryValidity.IsValid(w.Query)).ToList();
        var decided = 0;
        for (var start = 0; start < valid.Count; start += 40)
        {
            // Sets of 40 watches, so the posts' occurrences stay within what the deciders take.
            var set = valid.Skip(start).Take(40).ToList();
            var deciding = new MentionMatcher(set);
            var probe = new MentionMatcher(set);
            var tokenizing = new MentionMatcher(64) { DecidesFromAnchorHits = false };
            tokenizing.AddWatches(set);
            foreach (var text in texts)
            {
                var post = TestPosts.Create(text);
                var expected = Describe(tokenizing.Match(post));
                var actual = Describe(deciding.Match(post));
                Assert.True(expected.SequenceEqual(actual), $"watches {start}..: on \"{text}\": expected {string.Join(" ", expected)}, got {string.Join(" ", actual)}");
                decided += probe.PrefilterVerdictOf(post) == PrefilterVerdict.DecidedNearHits ? 1 : 0;
            }
        }

        Assert.True(decided >= 100, $"only {decided} conformance posts decided around the occurrences");
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
    [InlineData("acme", "#AcmeRocks today", "Hashtag", "1+4")]
    [InlineData("acme", "thanks @acme_support!", "Handle", "8+4")]
    [InlineData("acme", "mail x@acme.com", "Link", "")]
    [InlineData("acme", "acme's launch", "Apostrophe", "0+4")]
    [InlineData("acme", "see acme.com now", "Joined", "4+4")]
    [InlineData("acme", "😃acme", "Emoji", "2+4")]
    [InlineData("acme", "Acmé rocks", "FoldedText", "0+4")]
    [InlineData("\"acme corp\"", "acme #corp", "PhraseNeighbour", "0+10")]
    [InlineData("\"acme corp\"", "acme 😃 corp", "PhraseNeighbour", "")]
    [InlineData("\"acme corp\"~1", "acme big corp", "NotPlainAnchor", "0+13")]
    [InlineData("acme OR c#", "acme and C#", "NotPlainAnchor", "0+4 9+2")]
    [InlineData("#acme", "#Acme and acme", "NotPlainAnchor", "0+5")]
    public void Match_OccurrenceTheTokenizerMustSettle_DecidedAroundIt(string query, string text, string obstacle, string spans)
    {
        var watches = new[] { new Watch { Name = "w", Query = query } };
        var post = TestPosts.Create(text);
        var deciding = new MentionMatcher(watches);
        var wordsOnly = new MentionMatcher(64) { DecidesNearAnchorHits = false };
        wordsOnly.AddWatches(watches);
        var tokenizing = new MentionMatcher(64) { DecidesFromAnchorHits = false };
        tokenizing.AddWatches(watches);

        Assert.Equal(PrefilterVerdict.Pass, wordsOnly.PrefilterVerdictOf(post));
        Assert.Equal(PrefilterVerdict.DecidedNearHits, new MentionMatcher(watches).PrefilterVerdictOf(post, out var actualObstacle));
        Assert.Equal(Enum.Parse<DecisionObstacle>(obstacle), actualObstacle);
        Assert.Equal(Describe(tokenizing.Match(post)), Describe(deciding.Match(post)));
        Assert.Equal(spans, string.Join(" ", deciding.Match(post).SelectMany(m => m.Spans).Select(s => s.Start + "+" + s.Length)));
    }

    [Theory]
    [InlineData("acme -corp", "acme", "acme launch", "SharedAnchor")]
    [InlineData("acme NEAR/2 corp", "launch", "#AcmeCorp launch", "SharedAnchor")]
    [InlineData("site:acme.com", "launch", "#launch at https://acme.com", "SharedAnchor")]
    [InlineData("author:acme", "launch", "#launch", "LinksOrAuthor")]
    [InlineData("acmes~1", "launch", "#launch", "None")]
    public void PrefilterVerdictOf_AnchorOfAnotherShape_GoesTheFullPath(string other, string query, string text, string obstacle)
    {
        var matcher = new MentionMatcher([new Watch { Name = "other", Query = other }, new Watch { Name = "w", Query = query }]);

        Assert.Equal(PrefilterVerdict.Pass, matcher.PrefilterVerdictOf(TestPosts.Create(text), out var actual));
        Assert.Equal(Enum.Parse<DecisionObstacle>(obstacle), actual);
    }

    [Fact]
    public void PrefilterVerdictOf_MoreOccurrencesThanTaken_GoesTheFullPath()
    {
        var matcher = new MentionMatcher([new Watch { Name = "w", Query = "acme" }]);
        var text = string.Join(" ", Enumerable.Repeat("#acme", WordHitDecider.MaxHits + 1));

        Assert.Equal(PrefilterVerdict.Pass, matcher.PrefilterVerdictOf(TestPosts.Create(text), out var obstacle));
        Assert.Equal(DecisionObstacle.TooManyHits, obstacle);
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

    private static List<string> ConformanceTexts()
    {
        using var reader = new StreamReader(ConformanceData.Require("twitter-text/extract.yml"));
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(reader);
        var tests = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode)
            .Children[new YamlDotNet.RepresentationModel.YamlScalarNode("tests")];
        var texts = new List<string>();
        foreach (var section in tests.Children.Values.OfType<YamlDotNet.RepresentationModel.YamlSequenceNode>())
        {
            foreach (var testCase in section.OfType<YamlDotNet.RepresentationModel.YamlMappingNode>())
            {
                if (testCase.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("text"), out var text) && text is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } value })
                {
                    texts.Add(value);
                }
            }
        }

        return texts;
    }

    private static List<string> Describe(IReadOnlyList<Mention> mentions) =>
        [.. mentions.Select(m => m.Watch.Name + ":" + string.Join(",", m.Spans.Select(s => s.Start + "+" + s.Length)))];
}
