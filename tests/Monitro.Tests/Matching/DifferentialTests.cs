using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

// The engine (index, candidates, verification, spans, delta index and rebuilds) must agree exactly with the reference.
public sealed class DifferentialTests
{
    [Fact]
    public void Match_RandomQueriesAndPosts_AgreesWithReferenceOnWatchesAndSpans()
    {
        var compared = 0;
        var matched = 0;

        // Samples come from fixed PCG streams so the suite is reproducible; to hunt for new disagreements, run the
        // same comparison over random streams with more samples.
        var samples = Gen.Select(SocialTextGenerators.Query.Array[6, 6], SocialTextGenerators.Post.Array[3, 3]);
        for (ulong i = 0; i < 2_500; i++)
        {
            var (queries, posts) = samples.Generate(new PCG(7, i), null, out _);
            var valid = queries.Distinct().Where(QueryValidity.IsValid).ToList();
            var trees = valid.ToDictionary(q => q, QueryParser.Parse);
            var matcher = Load(valid);
            if (i % 2 == 0)
            {
                // Half the samples match after the background merges settled, half while they may still run.
                matcher.WaitForMerges();
            }

            foreach (var post in posts)
            {
                var reference = new ReferenceEvaluator(post);
                var expected = valid.Where(q => reference.Matches(trees[q])).Order(StringComparer.Ordinal).ToList();
                var mentions = matcher.Match(post);
                var actual = mentions.Select(m => m.Watch.Name).ToList();
                Assert.True(expected.SequenceEqual(actual), $"sample {i}: expected [{string.Join(" | ", expected)}] but the engine matched [{string.Join(" | ", actual)}] on: {post.Text}");
                foreach (var mention in mentions)
                {
                    var spans = reference.Highlights(trees[mention.Watch.Name]);
                    Assert.True(spans.SequenceEqual(mention.Spans), $"sample {i}: {mention.Watch.Name} should highlight {Show(spans, post.Text)} but the engine highlights {Show(mention.Spans, post.Text)} in: {post.Text}");
                }

                compared += valid.Count;
                matched += expected.Count;
            }
        }

        Assert.True(compared >= 10_000 * 3, $"only {compared} query-post pairs compared");
        Console.WriteLine($"differential: {compared} query-post pairs, {matched} matched");
        Assert.True(matched > compared / 50, $"only {matched} of {compared} pairs matched; the generators are too far apart");
    }

    // Half of the watches in bulk, the rest one by one through the small and sealed levels; on the way some watches first
    // arrive with another query and are replaced, and decoys are added and removed, which starts background merges and rebuilds.
    private static MentionMatcher Load(List<string> queries)
    {
        var matcher = new MentionMatcher(recentCapacity: 2);
        var half = queries.Count / 2;
        matcher.AddWatches(queries.Take(half).Select(q => new Watch { Name = q, Query = q }));
        for (var k = half; k < queries.Count; k++)
        {
            var other = queries[(k + 1) % queries.Count];
            matcher.AddWatch(new Watch { Name = "decoy " + k, Query = other });
            if (k % 2 == 0)
            {
                matcher.AddWatch(new Watch { Name = queries[k], Query = other });
            }

            matcher.AddWatch(new Watch { Name = queries[k], Query = queries[k] });
        }

        for (var k = half; k < queries.Count; k++)
        {
            Assert.True(matcher.RemoveWatch("decoy " + k));
        }

        if (half > 0)
        {
            // A watch of the main index removed and added again.
            Assert.True(matcher.RemoveWatch(queries[0]));
            matcher.AddWatch(new Watch { Name = queries[0], Query = queries[0] });
        }

        return matcher;
    }

    private static string Show(IEnumerable<MatchSpan> spans, string text) =>
        "[" + string.Join(", ", spans.Select(s => $"{s.Start}+{s.Length} \"{text.Substring(s.Start, s.Length)}\"")) + "]";
}
