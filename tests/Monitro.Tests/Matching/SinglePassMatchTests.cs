using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

// The matcher decides a watch and collects its highlights in one pass (QueryEvaluator.Match); that pass must answer
// exactly what Evaluate answers and add exactly the spans CollectSpans adds, in the same order.
public sealed class SinglePassMatchTests
{
    [Fact]
    public void Match_GeneratedQueriesAndPosts_SameAnswerAndSpansAsEvaluateThenCollectSpans()
    {
        var samples = Gen.Select(SocialTextGenerators.Query.Array[2, 6], SocialTextGenerators.Post.Array[4, 4]);
        var evaluator = new QueryEvaluator();
        var compared = 0;
        var matched = 0;
        for (ulong i = 0; i < 1_500; i++)
        {
            var (queries, posts) = samples.Generate(new PCG(31, i), null, out _);
            var valid = queries.Distinct().Where(QueryValidity.IsValid).ToList();

            // Keyword lists are the most common watches: an OR of the sample's queries is one more, with mixed alternatives.
            var trees = valid.Append(string.Join(" OR ", valid.Select(q => "(" + q + ")")))
                .Where(QueryValidity.IsValid)
                .Select(QueryCompiler.Compile)
                .ToList();
            foreach (var post in posts)
            {
                using var context = PostContext.Of(post);
                foreach (var tree in trees)
                {
                    var expectedSpans = new List<MatchSpan>();
                    var expected = evaluator.Evaluate(tree, context);
                    if (expected)
                    {
                        evaluator.CollectSpans(tree, context, expectedSpans);
                    }

                    var actualSpans = new List<MatchSpan>();
                    var actual = evaluator.Match(tree, context, actualSpans);
                    Assert.True(expected == actual, $"sample {i}: Evaluate says {expected}, Match says {actual} for {tree} on: {post.Text}");
                    Assert.True(expectedSpans.SequenceEqual(actualSpans), $"sample {i}: spans differ for {tree} on: {post.Text}");
                    compared++;
                    matched += actual ? 1 : 0;
                }
            }
        }

        Console.WriteLine($"single-pass match: {compared} query-post pairs, {matched} matched");
        Assert.True(matched > compared / 50, $"only {matched} of {compared} pairs matched; the generators are too far apart");
    }
}
