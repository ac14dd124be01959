using CsCheck;

namespace Monitro.Tests.Matching;

// The pre-search step on its own (MentionMatcher.FindCandidates): never misses a watch that matches, and filters.
public sealed class PreSearchTests
{
    [Fact]
    public void FindCandidates_RandomQueriesAndPosts_EveryMatchingWatchIsACandidate()
    {
        var pairs = 0;
        var candidates = 0;
        var samples = Gen.Select(SocialTextGenerators.Query.Array[6, 6], SocialTextGenerators.Post.Array[3, 3]);
        for (ulong i = 0; i < 500; i++)
        {
            var (queries, posts) = samples.Generate(new PCG(11, i), null, out _);
            var valid = queries.Distinct().Where(QueryValidity.IsValid).ToList();
            var matcher = new MentionMatcher(valid.Select(q => new Watch { Name = q, Query = q }));
            foreach (var post in posts)
            {
                var found = matcher.FindCandidates(post).Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
                var matched = matcher.Match(post).Select(m => m.Watch.Name);
                Assert.True(found.IsSupersetOf(matched), $"sample {i}: a matching watch is not a candidate on: {post.Text}");
                Assert.Equal(found.Count, matcher.FindCandidates(post).Count);
                pairs += valid.Count;
                candidates += found.Count;
            }
        }

        Assert.True(pairs >= 5_000, $"only {pairs} query-post pairs compared");
        Assert.True(candidates < pairs, $"{candidates} candidates of {pairs} pairs: the pre-search filtered nothing");
    }

    [Fact]
    public void FindCandidates_PostWithoutAnyRequiredTerm_HasNoCandidates()
    {
        var matcher = new MentionMatcher([new Watch { Name = "brand", Query = "acme OR \"acme corp\"" }, new Watch { Name = "rival", Query = "globex -hiring" }]);

        Assert.Empty(matcher.FindCandidates(TestPosts.Create("nothing about either company here")));
        Assert.Equal(["rival"], matcher.FindCandidates(TestPosts.Create("Globex is hiring")).Select(w => w.Name));
        Assert.Empty(new MentionMatcher().FindCandidates(TestPosts.Create("acme")));
    }

    [Fact]
    public void FindCandidates_ReplacedWatch_IsReportedOnceUnderItsName()
    {
        var matcher = new MentionMatcher([new Watch { Name = "brand", Query = "acme" }]);
        matcher.AddWatch(new Watch { Name = "brand", Query = "acme OR globex" });

        Assert.Equal(["brand"], matcher.FindCandidates(TestPosts.Create("acme and globex")).Select(w => w.Name));
    }
}
