using static Monitro.Tests.Matching.TestPosts;

namespace Monitro.Tests.Matching;

public sealed class MentionMatcherTests
{
    private static Watch W(string name, string query) => new() { Name = name, Query = query };

    [Fact]
    public void Match_NoWatches_ReturnsEmpty() => Assert.Empty(new MentionMatcher().Match(Create("acme")));

    [Fact]
    public void Match_OneMentionPerMatchingWatch_OrderedByName()
    {
        var matcher = new MentionMatcher([W("b", "acme"), W("a", "acme OR globex"), W("c", "initech")]);
        var post = Create("acme news");
        var mentions = matcher.Match(post);
        Assert.Equal(["a", "b"], mentions.Select(m => m.Watch.Name));
        Assert.All(mentions, m => Assert.Same(post, m.Post));
        Assert.Equal("a|" + post.Id, mentions[0].Id);
    }

    [Fact]
    public void AddWatch_SameName_ReplacesTheWatch()
    {
        var matcher = new MentionMatcher();
        matcher.AddWatch(W("brand", "acme"));
        matcher.AddWatch(W("brand", "globex"));
        Assert.Single(matcher.Watches);
        Assert.Empty(matcher.Match(Create("acme")));
        Assert.Single(matcher.Match(Create("globex")));
    }

    [Fact]
    public void RemoveWatch_StopsMatching()
    {
        var matcher = new MentionMatcher([W("brand", "acme")]);
        Assert.True(matcher.RemoveWatch("brand"));
        Assert.False(matcher.RemoveWatch("brand"));
        Assert.Empty(matcher.Match(Create("acme")));
        Assert.Empty(matcher.Watches);
    }

    [Fact]
    public void AddAndRemove_ManyWatchesThroughDeltaAndRebuilds_StayCorrect()
    {
        var matcher = new MentionMatcher([int.MaxValue, 6, 3]);
        for (var i = 0; i < 50; i++)
        {
            matcher.AddWatch(W("w" + i, "word" + i));
        }

        for (var i = 0; i < 50; i += 2)
        {
            Assert.True(matcher.RemoveWatch("w" + i));
        }

        Assert.Equal(25, matcher.Watches.Count);
        for (var i = 0; i < 50; i++)
        {
            var mentions = matcher.Match(Create("x word" + i + " y"));
            Assert.Equal(i % 2 == 1 ? 1 : 0, mentions.Count);
        }
    }

    [Fact]
    public void AddWatches_InvalidQuery_AddsNone()
    {
        var matcher = new MentionMatcher();
        var error = Assert.Throws<QuerySyntaxException>(() => matcher.AddWatches([W("ok", "acme"), W("bad", "acme OR")]));
        Assert.Equal("bad", error.WatchName);
        Assert.Empty(matcher.Watches);
    }

    [Fact]
    public void AddWatch_Null_Throws() => Assert.Throws<ArgumentNullException>(() => new MentionMatcher().AddWatch(null!));

    [Fact]
    public void Match_Null_Throws() => Assert.Throws<ArgumentNullException>(() => new MentionMatcher().Match(null!));

    [Fact]
    public async Task Match_WhileWatchesChangeOnAnotherThread_StaysConsistent()
    {
        var matcher = new MentionMatcher([int.MaxValue, 16, 4]);
        matcher.AddWatch(W("stable", "acme"));
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                matcher.AddWatch(W("w" + (i % 40), "globex OR word" + i));
                matcher.RemoveWatch("w" + ((i + 20) % 40));
            }
        });

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!writer.IsCompleted)
            {
                var mentions = matcher.Match(Create("acme and globex"));
                Assert.Contains(mentions, m => m.Watch.Name == "stable");
                Assert.Equal(mentions.Count, mentions.Select(m => m.Watch.Name).Distinct().Count());
            }
        })).ToArray();

        await Task.WhenAll([writer, .. readers]);
        var live = matcher.Watches.Select(w => w.Name).Where(n => n != "stable").ToHashSet();
        var matched = matcher.Match(Create("acme and globex")).Select(m => m.Watch.Name).Where(n => n != "stable").ToHashSet();
        Assert.Equal(live, matched);
    }

    [Fact]
    public void Match_PostMetadataWithoutText_DoesNotThrow()
    {
        var matcher = new MentionMatcher([W("site", "site:acme.com")]);
        var post = Create(string.Empty, links: ["not a url", "https://acme.com/x"]);
        Assert.Single(matcher.Match(post));
    }
}
