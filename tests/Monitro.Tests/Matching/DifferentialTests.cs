using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

// The engine (index, candidates, verification, delta index and rebuilds) must agree exactly with the reference.
public sealed class DifferentialTests
{
    [Fact]
    public void Match_RandomQueriesAndPosts_AgreesWithReference()
    {
        var compared = 0;
        var matched = 0;
        Gen.Select(SocialTextGenerators.Query.Array[6, 6], SocialTextGenerators.Post.Array[3, 3]).Sample(
            sample =>
            {
                var (queries, posts) = sample;
                var valid = queries.Distinct().Where(IsValid).ToList();
                var matcher = new MentionMatcher([int.MaxValue, 4, 2]);
                var half = valid.Count / 2;
                matcher.AddWatches(valid.Take(half).Select(q => new Watch { Name = q, Query = q }));
                foreach (var query in valid.Skip(half))
                {
                    matcher.AddWatch(new Watch { Name = query, Query = query });
                }

                foreach (var post in posts)
                {
                    var reference = new ReferenceEvaluator(post);
                    var expected = valid.Where(q => reference.Matches(QueryParser.Parse(q))).Order(StringComparer.Ordinal).ToList();
                    var actual = matcher.Match(post).Select(m => m.Watch.Name).ToList();
                    Assert.Equal(expected, actual);
                    Interlocked.Add(ref compared, valid.Count);
                    Interlocked.Add(ref matched, expected.Count);
                }
            },
            iter: 2_500,
            threads: 1,
            print: sample => string.Join("\n", sample.Item1) + "\n---\n" + string.Join("\n", sample.Item2.Select(p => p.Text)));

        Assert.True(compared >= 10_000 * 3, $"only {compared} query-post pairs compared");
        Console.WriteLine($"differential: {compared} query-post pairs, {matched} matched");
        Assert.True(matched > compared / 50, $"only {matched} of {compared} pairs matched; the generators are too far apart");
    }

    private static bool IsValid(string query)
    {
        try
        {
            MonitroQuery.Validate(query);
            return true;
        }
        catch (QuerySyntaxException)
        {
            return false;
        }
    }
}
