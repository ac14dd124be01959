using Microsoft.Extensions.Logging;
using Monitro.Sources.Bluesky;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Bluesky;

public sealed class BlueskySearchSourceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SourceTestHost _host = new();
    private FakeBlueskyServer? _server;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<FakeBlueskyServer> ServerAsync() => _server ??= await FakeBlueskyServer.StartAsync(_host.Time);

    private async Task<IListeningSource> CreateSutAsync(Action<BlueskySearchOptions>? configure = null)
    {
        var server = await ServerAsync();
        _host.Builder.AddBlueskySearch("bsky-search", o =>
        {
            o.ServiceUrl = server.BaseAddress;
            o.Identifier = "jane.example.com";
            o.AppPassword = "abcd-efgh-ijkl-mnop";
            o.Query = "acme";
            o.PageSize = 25;
            o.PollInterval = TimeSpan.FromMinutes(1);
            o.RequestsPerMinute = 10_000;
            o.FirstRun = FirstRunMode.EverythingAvailable;
            configure?.Invoke(o);
        }, SourceTestHost.FastResilience);
        return _host.Source("bsky-search");
    }

    [Fact]
    public async Task ReadAsync_ManyResults_PagesToTheEndAndNormalizes()
    {
        var server = await ServerAsync();
        for (var i = 0; i < 60; i++)
        {
            server.Add(Start.AddHours(-5).AddMinutes(i), $"Acme post {i}");
        }

        var sut = await CreateSutAsync();

        var batches = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 60);

        var posts = batches.AllPosts();
        Assert.Equal(60, posts.Select(p => p.Id).Distinct().Count());
        var first = posts.Single(p => p.Text == "Acme post 0");
        Assert.Equal("bluesky:at://did:plc:4k7xq2example5tz3mnopqrs/app.bsky.feed.post/3lb000001", first.Id);
        Assert.Equal("jane.example.com", first.Author.Handle);
        Assert.Equal("Jane Doe", first.Author.DisplayName);
        Assert.Equal(1, server.Creates);
    }

    [Fact]
    public async Task ReadAsync_ExpiredAccessToken_IsRenewedWithTheRefreshTokenNotASecondSignIn()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-10), "Acme before expiry");
        var sut = await CreateSutAsync();
        var expired = false;

        var batches = await _host.ReadUntilAsync(sut, null, b =>
        {
            if (!expired && b.AllPosts().Count == 1)
            {
                expired = true;
                server.ExpireAllAccessTokens();
                server.Add(_host.Time.GetUtcNow().AddSeconds(1), "Acme after expiry");
            }

            return b.AllPosts().Count >= 2;
        });

        Assert.Equal(["Acme before expiry", "Acme after expiry"], batches.AllPosts().Select(p => p.Text));
        Assert.Equal(1, server.Creates);
        Assert.Equal(1, server.Refreshes);
        Assert.Contains(_host.Logs.GetSnapshot(), r => r.Message.Contains("refreshed its session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ExpiredRefreshToken_SignsInAgain()
    {
        var server = await ServerAsync();
        server.Add(Start.AddMinutes(-10), "Acme one");
        var sut = await CreateSutAsync();
        var expired = false;

        var batches = await _host.ReadUntilAsync(sut, null, b =>
        {
            if (!expired && b.AllPosts().Count == 1)
            {
                expired = true;
                server.ExpireAllTokens();
                server.Add(_host.Time.GetUtcNow().AddSeconds(1), "Acme two");
            }

            return b.AllPosts().Count >= 2;
        });

        Assert.Equal(2, batches.AllPosts().Count);
        Assert.Equal(2, server.Creates);
        Assert.Equal(1, server.Refreshes);
    }

    [Fact]
    public async Task ReadAsync_WrongAppPassword_LogsAClearErrorWithoutThePassword()
    {
        var server = await ServerAsync();
        var sut = await CreateSutAsync(o => o.AppPassword = "zzzz-wrong-pass-zzzz");

        await _host.ReadUntilAsync(sut, null, _ => server.Creates >= 2);

        Assert.Contains(_host.LogsAtLeast(LogLevel.Warning), r => r.Message.Contains("HTTP 401 Unauthorized", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Message.Contains("zzzz-wrong-pass", StringComparison.Ordinal));
        Assert.Equal(0, server.Searches);
    }

    [Fact]
    public async Task ReadAsync_RestartFromCheckpoint_DeliversEverythingOnceWithoutGaps()
    {
        var server = await ServerAsync();
        for (var i = 0; i < 70; i++)
        {
            server.Add(Start.AddHours(-5).AddMinutes(i), $"Acme {i}");
        }

        var sut = await CreateSutAsync();
        var first = await _host.ReadUntilAsync(sut, null, b => b.AllPosts().Count >= 25);
        for (var i = 70; i < 80; i++)
        {
            server.Add(_host.Time.GetUtcNow().AddSeconds(i), $"Acme {i}");
        }

        var second = await _host.ReadUntilAsync(sut, first[^1].Checkpoint, b => first.AllPosts().Count + b.AllPosts().Count >= 80);

        var texts = first.AllPosts().Concat(second.AllPosts()).Select(p => p.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 80).Select(i => $"Acme {i}").Order(), texts.Order());
    }
}
