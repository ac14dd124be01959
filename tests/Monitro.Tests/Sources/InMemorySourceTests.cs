using Monitro.Testing;

namespace Monitro.Tests.Sources;

public sealed class InMemorySourceTests
{
    [Fact]
    public async Task ReadAsync_OpenSource_WaitsForPublishedPostsUntilCompleted()
    {
        var source = new InMemorySource("live", batchSize: 10);
        var read = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var batch in source.ReadAsync(null))
            {
                read.AddRange(batch.Posts.Select(p => p.Id));
            }
        });

        source.Publish(TestPosts.Create("1", "a"));
        await MonitroTestHost.WaitUntilAsync(() => read.Count == 1, "the first post was read");
        source.Publish(TestPosts.Create("2", "b"), TestPosts.Create("3", "c"));
        source.Complete();
        await reading;

        Assert.Equal(["mastodon:1", "mastodon:2", "mastodon:3"], read);
        Assert.Throws<InvalidOperationException>(() => source.Publish(TestPosts.Create("4", "d")));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsWaiting()
    {
        var source = new InMemorySource("live");
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var unused in source.ReadAsync(null, stop.Token))
            {
            }
        });

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }
}
