using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

// A keyword watch (a word, or an OR of different words) is decided from the occurrences of its words the index found
// while looking up the post, without evaluating its query. Its mention and spans must be exactly the evaluator's.
public sealed class KeywordHitsTests
{
    private static readonly string[] Parts =
    [
        "acme", "rocks", "black", "friday", "sale", "whole", "wedding", "tidewell", "iphone", "new", "fund", "love", "the",
        "support", "team", "netflix", "weruca", "x", "2024", "café", "node", "js", "c", "net",
    ];

    private static readonly string[] Words =
    [
        "acme", "rock", "rocks", "sale", "wholesale", "friday", "blackfriday", "ding", "wedding", "tide", "well", "tidewell",
        "iphone", "phone", "fund", "love", "the", "support", "acmesupport", "netflix", "weru", "weruca", "acmerocks", "café",
        "2024", "node.js", "c#", ".net", "x", "new",
    ];

    private static readonly Gen<string> Part = EntityPartGenerators.Part(Parts);

    private static readonly Gen<string> Entity = EntityPartGenerators.Entity(Part);

    private static readonly Gen<string> Text = Gen.Select(
        Gen.Frequency((2, Entity), (3, Part), (1, Gen.OneOf("C#", "node.js", ".NET", "acme's", "ACME!", "acme,acme", "Acme_Rocks"))).Array[1, 10],
        static items => string.Join(' ', items));

    // Keyword watches mostly, and now and then a watch of another shape under the same words.
    private static readonly Gen<string> Query = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Words).Array[1, 4], static words => string.Join(" OR ", words))),
        (1, Gen.Select(Gen.OneOf(Words), static word => "\"" + word + "\"")),
        (1, Gen.Select(Gen.OneOf(Words), Gen.OneOf(Words), static (a, b) => $"{a} OR \"{b} {a}\"")),
        (1, Gen.Select(Gen.OneOf(Words), Gen.OneOf(Words), static (a, b) => $"{a} -{b}")));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void KeywordWatches_DecidedFromTheIndexsOccurrences_HaveTheEvaluatorsMentionsAndSpans(bool entityWordsByBoundaries)
    {
        var samples = Gen.Select(Query.Array[1, 12], Gen.OneOf(Text, Gen.Select(SocialTextGenerators.Post, static p => p.Text!)).Array[1, 6]);
        var evaluator = new QueryEvaluator();
        var decided = 0;
        var incomplete = 0;
        for (ulong i = 0; i < 2_000; i++)
        {
            var (queries, texts) = samples.Generate(new PCG(53, i), null, out _);
            var watches = queries.Where(QueryValidity.IsValid)
                .Select((query, n) => CompiledWatch.Compile(new Watch { Name = "w" + n, Query = query }))
                .ToList();
            var index = WatchIndex.Build(watches, entityWordsByBoundaries);
            foreach (var text in texts)
            {
                using var post = PostContext.Of(TestPosts.Create(text));
                var candidates = new CandidateSet();
                candidates.Reset(index.Watches.Length);
                index.Collect(post, candidates, offset: 0);
                var hits = candidates.KeywordHits;
                if (!hits.Complete)
                {
                    incomplete++;
                    continue;
                }

                hits.SortByWatch();
                for (var id = 0; id < watches.Count; id++)
                {
                    var expected = new List<MatchSpan>();
                    var matches = evaluator.Match(watches[id].Root, post, expected);
                    if (!KeywordHits.IsKeywordWatch(watches[id].Root))
                    {
                        continue;
                    }

                    Assert.True(matches == hits.Contains(id), $"sample {i}: {watches[id].Watch.Query} on {text}: evaluated {matches}, occurrences noted {hits.Contains(id)}");
                    if (!matches)
                    {
                        continue;
                    }

                    decided++;
                    var actual = Spans(hits, id, post);
                    Assert.True(
                        MentionMatcher.MergeSpans(expected).SequenceEqual(actual),
                        $"sample {i}: {watches[id].Watch.Query} on {text}: evaluated {Show(MentionMatcher.MergeSpans(expected))}, from occurrences {Show(actual)}");
                }
            }
        }

        Console.WriteLine($"keyword hits (boundaries {entityWordsByBoundaries}): {decided} mentions decided, {incomplete} posts left to evaluation");
        if (entityWordsByBoundaries)
        {
            Assert.True(decided > 2_000, $"only {decided} mentions were decided from occurrences");
            Assert.Equal(0, incomplete);
        }
        else
        {
            // Posts with hashtags or handles are left to evaluation here; the others are decided.
            Assert.True(decided > 500, $"only {decided} mentions were decided from occurrences");
            Assert.True(incomplete > 0, "posts with words inside hashtags found by the automaton must be left to evaluation");
        }
    }

    [Fact]
    public void Match_WithKeywordWatchesDecided_GivesTheSameMentionsAsEvaluatingThem()
    {
        var samples = Gen.Select(Query.Array[1, 12], Gen.OneOf(Gen.Select(Text, static t => TestPosts.Create(t)), SocialTextGenerators.Post).Array[1, 6]);
        var mentions = 0;
        for (ulong i = 0; i < 1_000; i++)
        {
            var (queries, posts) = samples.Generate(new PCG(59, i), null, out _);
            var watches = queries.Distinct().Where(QueryValidity.IsValid).Select(q => new Watch { Name = q, Query = q }).ToList();
            var deciding = new MentionMatcher(watches);
            var evaluating = new MentionMatcher(64) { DecidesKeywordWatches = false };
            evaluating.AddWatches(watches);
            foreach (var post in posts)
            {
                var expected = evaluating.Match(post);
                var actual = deciding.Match(post);
                Assert.Equal(expected.Select(m => m.Watch.Name), actual.Select(m => m.Watch.Name));
                for (var m = 0; m < expected.Count; m++)
                {
                    Assert.True(expected[m].Spans.SequenceEqual(actual[m].Spans), $"sample {i}: {expected[m].Watch.Name} on {post.Text}: {Show(expected[m].Spans)} against {Show(actual[m].Spans)}");
                }

                mentions += actual.Count;
            }
        }

        Assert.True(mentions > 1_000, $"only {mentions} mentions compared");
    }

    [Theory]
    [InlineData("acme", true)]
    [InlineData("acme OR globex OR initech", true)]
    [InlineData("\"acme\" OR c#", true)]
    [InlineData("acme OR \"acme\"", false)]
    [InlineData("acme OR \"acme corp\"", false)]
    [InlineData("acme -globex", false)]
    [InlineData("#acme OR acme", false)]
    [InlineData("acm* OR globex", false)]
    public void IsKeywordWatch_AcceptsAWordOrAnOrOfDifferentWords(string query, bool expected) =>
        Assert.Equal(expected, KeywordHits.IsKeywordWatch(QueryCompiler.Compile(query)));

    // The spans Match builds for a watch from the noted occurrences.
    private static MatchSpan[] Spans(KeywordHits hits, int id, PostContext post)
    {
        for (var start = 0; start < hits.Count;)
        {
            var end = hits.RunEnd(start);
            if (hits.WatchAt(start) == id)
            {
                var spans = new List<MatchSpan>();
                hits.AddSpans(start, end, post.Analysis.Text, spans);
                return MentionMatcher.MergeSpans(spans);
            }

            start = end;
        }

        return [];
    }

    private static string Show(IEnumerable<MatchSpan> spans) => string.Join(", ", spans.Select(s => $"{s.Start}+{s.Length}"));
}
