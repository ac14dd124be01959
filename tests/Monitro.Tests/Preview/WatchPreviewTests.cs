
namespace Monitro.Tests.Preview;

public sealed class WatchPreviewTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_DraftWatch_ReturnsHitsNewestFirstWithSpans()
    {
        var preview = new WatchPreview(await StoreWithAsync("acme launch", "acme is hiring", "globex news", "we love Acme and ACME"));

        var result = await preview.RunAsync(new Watch { Name = "draft", Query = "acme -hiring" });

        Assert.Equal(4, result.Scanned);
        Assert.False(result.Truncated);
        Assert.Equal(["we love Acme and ACME", "acme launch"], result.Hits.Select(h => h.Post.Text));
        Assert.Equal([new MatchSpan(8, 4), new MatchSpan(17, 4)], result.Hits[0].Spans);
        Assert.All(result.Hits, h => Assert.Equal("draft", h.Watch.Name));
    }

    [Fact]
    public async Task RunAsync_LastPostsAndHitCaps_BoundTheWork()
    {
        var preview = new WatchPreview(await StoreWithAsync(Enumerable.Repeat("acme", 30).ToArray()));

        var lastTen = await preview.RunAsync(new Watch { Name = "draft", Query = "acme" }, new PreviewScope { MaxPosts = 10 });
        var capped = await preview.RunAsync(new Watch { Name = "draft", Query = "acme" }, new PreviewScope { MaxHits = 5 });
        var ranged = await preview.RunAsync(new Watch { Name = "draft", Query = "acme" }, new PreviewScope { From = Epoch.AddMinutes(20), Until = Epoch.AddMinutes(25) });

        Assert.Equal((10, 10), (lastTen.Scanned, lastTen.Hits.Count));
        Assert.Equal("mastodon:29", lastTen.Hits[0].Post.Id);
        Assert.Equal((5, true), (capped.Scanned, capped.Truncated));
        Assert.Equal(["mastodon:24", "mastodon:23", "mastodon:22", "mastodon:21", "mastodon:20"], ranged.Hits.Select(h => h.Post.Id));
    }

    [Fact]
    public async Task RunAsync_InvalidDraft_ThrowsQuerySyntaxException()
    {
        var preview = new WatchPreview(await StoreWithAsync("acme"));

        await Assert.ThrowsAsync<QuerySyntaxException>(() => preview.RunAsync(new Watch { Name = "draft", Query = "-acme" }).AsTask());
    }

    private static async Task<InMemoryMonitroStore> StoreWithAsync(params string[] texts)
    {
        var store = new InMemoryMonitroStore();
        var posts = texts.Select((text, i) => new Post
        {
            Id = Post.CreateId("mastodon", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Source = "mastodon",
            Author = new Author { Platform = "mastodon", Handle = "user" + i },
            Text = text,
            CreatedAt = Epoch.AddMinutes(i),
        }).ToArray();
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = posts });
        return store;
    }
}
