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
        var matcher = new MentionMatcher(recentCapacity: 3);
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
    public void AddWatch_OneAtATime_IsMergedInTheBackgroundIntoFewLevels()
    {
        var matcher = new MentionMatcher(recentCapacity: 4);
        for (var i = 0; i < 3_000; i++)
        {
            matcher.AddWatch(W("w" + i, "word" + i));
        }

        matcher.WaitForMerges();

        // The main index, at most a few sealed indexes below the merge threshold, and the newest watches.
        Assert.InRange(matcher.LevelCount, 2, 6);
        for (var i = 0; i < 3_000; i += 7)
        {
            Assert.Equal("w" + i, Assert.Single(matcher.Match(Create("x word" + i + " y"))).Watch.Name);
        }
    }

    [Fact]
    public void RemoveWatch_ManyRemoved_AreDroppedFromTheIndexByABackgroundRebuild()
    {
        var matcher = new MentionMatcher([.. Enumerable.Range(0, 400).Select(i => W("w" + i, "word" + i + " OR common"))]);
        for (var i = 0; i < 300; i++)
        {
            matcher.RemoveWatch("w" + i);
        }

        matcher.WaitForMerges();

        Assert.Equal(100, matcher.Match(Create("common")).Count);
        Assert.Equal(2, matcher.LevelCount);

        // Rebuilds start after every 64 removals or so; the last one left at most that many removed watches behind.
        Assert.InRange(matcher.IndexedCount, 100, 100 + 70);
        Assert.Empty(matcher.Match(Create("word5")));
    }

    [Fact]
    public void AddWatches_WhileABackgroundMergeRuns_WinsOverTheStaleMerge()
    {
        var matcher = new MentionMatcher(recentCapacity: 2);
        for (var i = 0; i < 200; i++)
        {
            matcher.AddWatch(W("old" + i, "oldword" + i));
        }

        matcher.AddWatches([W("fresh", "freshword")]);
        matcher.WaitForMerges();

        Assert.Single(matcher.Match(Create("freshword")));
        Assert.Single(matcher.Match(Create("oldword199")));
        Assert.Equal(201, matcher.Watches.Count);
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
        var matcher = new MentionMatcher(recentCapacity: 4);
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
