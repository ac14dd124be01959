using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Sources.Bluesky;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Bluesky;

public sealed class JetstreamSourceTests : IAsyncDisposable
{
    private const string Jane = "did:plc:4k7xq2example5tz3mnopqrs";
    private static readonly long T0 = new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
    private readonly SourceTestHost _host = new();
    private FakeJetstreamServer? _server;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<FakeJetstreamServer> ServerAsync() => _server ??= await FakeJetstreamServer.StartAsync(_host.Time);

    private async Task<IListeningSource> CreateSutAsync(Action<BlueskyJetstreamOptions>? configure = null)
    {
        var server = await ServerAsync();
        _host.Builder.AddBlueskyJetstream("bluesky", o =>
        {
            o.Endpoint = server.Endpoint;
            o.FirstRun = FirstRunMode.Since;
            o.FirstRunSince = DateTimeOffset.FromUnixTimeMilliseconds(T0 / 1000);

            // Fake time runs about a thousand times faster than real time in these tests.
            o.ConnectTimeout = TimeSpan.FromHours(1);
            configure?.Invoke(o);
        });
        return _host.Source("bluesky");
    }

    private static void AddPosts(FakeJetstreamServer server, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            // One second apart, so a five-second rewind replays five events.
            server.Add(T0 + (i * 1_000_000L), FakeJetstreamServer.Create(Jane, T0 + (i * 1_000_000L), $"rk{i:D4}", $"Post {i} about Acme"));
        }
    }

    [Fact]
    public async Task ReadAsync_CreatesDeletesAndIdentities_BecomePostsRetractionsAndHandles()
    {
        var server = await ServerAsync();
        const string facets = """[{"index":{"byteStart":21,"byteEnd":34},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:acmeexample0000000000000"}]},{"index":{"byteStart":95,"byteEnd":99},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"crm"}]},{"index":{"byteStart":0,"byteEnd":8},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://acme.example/blog"}]}]""";
        const string reply = """{"root":{"cid":"bafyroot","uri":"at://did:plc:root/app.bsky.feed.post/3root"},"parent":{"cid":"bafyparent","uri":"at://did:plc:parent/app.bsky.feed.post/3parent"}}""";
        server.Add(T0 + 1, FakeJetstreamServer.Identity(Jane, T0 + 1, "jane.example.com"));
        server.Add(T0 + 2, FakeJetstreamServer.Create(Jane, T0 + 2, "3lb2xk6zkls2c", "Switched our team to @acme.example's CRM last week. Slack sync is great, the importer less so. #crm", facets, reply));
        server.Add(T0 + 3, """{"did":"did:plc:other","time_us":""" + (T0 + 3) + ""","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"x","record":{"subject":{}}}}""");
        server.Add(T0 + 4, FakeJetstreamServer.Delete(Jane, T0 + 4, "3lb2xk6zkls2c"));
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.SelectMany(x => x.Retractions).Any());

        var post = Assert.Single(batches.AllPosts());
        Assert.Equal("bluesky:at://did:plc:4k7xq2example5tz3mnopqrs/app.bsky.feed.post/3lb2xk6zkls2c", post.Id);
        Assert.Equal("jane.example.com", post.Author.Handle);
        Assert.Equal("bluesky", post.Author.Platform);
        Assert.Equal(["acme.example"], post.Entities.Mentions);
        Assert.Equal(["crm"], post.Entities.Hashtags);
        Assert.Equal(["https://acme.example/blog"], post.Entities.Links);
        Assert.Equal("bluesky:at://did:plc:parent/app.bsky.feed.post/3parent", post.ReplyToId);
        Assert.Equal("bluesky:at://did:plc:root/app.bsky.feed.post/3root", post.ThreadId);
        Assert.Equal(new Uri("https://bsky.app/profile/did:plc:4k7xq2example5tz3mnopqrs/post/3lb2xk6zkls2c"), post.Url);
        Assert.Equal(new DateTimeOffset(2024, 11, 18, 14, 1, 0, 71, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal([post.Id], batches.SelectMany(b => b.Retractions));
        var (query, _) = server.Connections.First();
        Assert.Contains("wantedCollections=app.bsky.feed.post", query, StringComparison.Ordinal);
        Assert.Contains($"cursor={T0}", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DroppedStream_ReconnectsWithARewoundCursorAndDropsTheReplays()
    {
        var server = await ServerAsync();
        AddPosts(server, 0, 20);
        server.Script(new ConnectionScript { DropAfter = 8 });
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 20);

        var texts = batches.AllPosts().Select(p => p.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Post {i} about Acme"), texts);
        var connections = server.Connections.ToArray();
        Assert.Equal(2, connections.Length);
        // The reconnect asks for the last event received before the drop, five seconds earlier.
        var cursor = long.Parse(System.Web.HttpUtility.ParseQueryString(connections[1].Query)["cursor"]!, System.Globalization.CultureInfo.InvariantCulture);
        var resumedAfter = (cursor + 5_000_000L - T0) / 1_000_000L;
        Assert.Equal(0, (cursor + 5_000_000L - T0) % 1_000_000L);
        Assert.InRange(resumedAfter, 0, 7);
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("lost its stream", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RefusedConnections_BackOffLongerEachTimeAndRecover()
    {
        var server = await ServerAsync();
        AddPosts(server, 0, 3);
        server.Script(new ConnectionScript { Refuse = true });
        server.Script(new ConnectionScript { Refuse = true });
        server.Script(new ConnectionScript { Refuse = true });
        var sut = await CreateSutAsync(o =>
        {
            o.ReconnectInitialDelay = TimeSpan.FromSeconds(10);
            o.FailureThreshold = 3;
        });

        var failing = false;
        var batches = await _host.ReadUntilAsync(sut, null, b =>
        {
            failing |= _host.Health.Find("bluesky")!.IsFailing;
            return b.AllPosts().Count >= 3;
        });

        var at = server.Connections.Select(c => c.At).ToArray();
        Assert.Equal(4, at.Length);
        // 10 s doubling per failure, each wait shortened by up to a fifth of jitter.
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(8), $"first wait {at[1] - at[0]}");
        Assert.True(at[2] - at[1] >= TimeSpan.FromSeconds(16), $"second wait {at[2] - at[1]}");
        Assert.True(at[3] - at[2] >= TimeSpan.FromSeconds(32), $"third wait {at[3] - at[2]}");
        Assert.True(failing);
        Assert.Equal(0, _host.Health.Find("bluesky")!.ConsecutiveFailures);
        Assert.Equal(3, batches.AllPosts().Count);
    }

    [Fact]
    public async Task ReadAsync_BadFrames_AreSkippedAndTheRestOfTheStreamIsKept()
    {
        var server = await ServerAsync();
        AddPosts(server, 0, 5);
        server.Script(new ConnectionScript
        {
            Inject =
            {
                [1] = Encoding.UTF8.GetBytes("""{"did":"did:plc:x","time_us":1731938460123456,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.fe"""),
                [2] = Encoding.UTF8.GetBytes("""{"did":"did:plc:x","time_us":"not a number","kind":"commit"}"""),
                [3] = Encoding.UTF8.GetBytes("""{"did":"did:plc:x","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"r","record":{"text":42}}}"""),
            },
        });
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 5);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Post {i} about Acme"), batches.AllPosts().Select(p => p.Text));
        var skipped = batches.AllSkipped();
        Assert.Equal(3, skipped.Count);
        Assert.Contains(skipped, s => s.Reason.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Equal(2, skipped.Count(s => s.Reason.Contains("unexpected type", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReadAsync_MessageOverTheSizeCap_IsSkipped()
    {
        var server = await ServerAsync();
        AddPosts(server, 0, 2);
        var huge = FakeJetstreamServer.Create(Jane, T0 + 500_000, "huge", new string('x', 5000));
        server.Script(new ConnectionScript { Inject = { [1] = Encoding.UTF8.GetBytes(huge) } });
        var sut = await CreateSutAsync(o => o.MaxMessageBytes = 2048);

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 2);

        Assert.Contains("larger than 2048 bytes", Assert.Single(batches.AllSkipped()).Reason, StringComparison.Ordinal);
        Assert.Equal(2, batches.AllPosts().Count);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8Frame_IsReportedAndTheStreamGoesOn()
    {
        var server = await ServerAsync();
        AddPosts(server, 0, 4);
        var bad = Encoding.UTF8.GetBytes(FakeJetstreamServer.Create(Jane, T0 + 1_500_000, "bad", "broken BYTES here")).ToList();
        var at = bad.IndexOf((byte)'B');
        bad.InsertRange(at, new byte[] { 0xC3, 0x28 });
        server.Script(new ConnectionScript { Inject = { [2] = [.. bad] } });
        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count(p => p.Text.StartsWith("Post", StringComparison.Ordinal)) >= 4);

        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"Post {i} about Acme"), batches.AllPosts().Where(p => p.Text.StartsWith("Post", StringComparison.Ordinal)).Select(p => p.Text));
        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r =>
            r.Message.Contains("not valid utf-8", StringComparison.Ordinal) || r.Message.Contains("lost its stream", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RestartFromCheckpoint_DeliversEverythingOnceWithoutGaps()
    {
        var server = await ServerAsync();
        AddPosts(server, 0, 30);
        var sut = await CreateSutAsync(o => o.MaxBatchSize = 4);
        var first = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 12);
        AddPosts(server, 30, 10);

        var second = await _host.ReadUntilAsync(sut, first[^1].Checkpoint, b => first.AllPosts().Count + b.AllPosts().Count >= 40);

        var texts = first.AllPosts().Concat(second.AllPosts()).Select(p => p.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"Post {i} about Acme"), texts);
    }

    [Fact]
    public async Task ReadAsync_FirstRunStartNow_ListensLiveWithoutACursor()
    {
        var server = await ServerAsync();
        AddPosts(server, 0, 3);
        var sut = await CreateSutAsync(o => o.FirstRun = FirstRunMode.StartNow);

        var batches = await _host.ReadUntilAsync(sut, null, b =>
        {
            if (!server.Connections.IsEmpty && b.Count == 0)
            {
                AddPosts(server, 3, 1);
            }

            return b.AllPosts().Count >= 1;
        });

        Assert.StartsWith("Post 3", batches.AllPosts()[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cursor=", server.Connections.First().Query, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBlueskyJetstream_InvalidOptions_FailValidationWithClearMessages()
    {
        _host.Builder.AddBlueskyJetstream("bad", o =>
        {
            o.Endpoint = new Uri("https://jetstream.example/subscribe");
            o.WantedDids.Add("jane.bsky.social");
            o.FirstRun = FirstRunMode.Since;
        });

        var ex = Assert.Throws<OptionsValidationException>(() => _host.Source("bad"));

        Assert.Contains(ex.Failures, f => f.Contains("Endpoint must be an absolute ws or wss address", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'jane.bsky.social', which is not a DID", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("FirstRunSince is required", StringComparison.Ordinal));
    }
}
