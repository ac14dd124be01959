using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Bluesky;

/// <summary>A PDS on 127.0.0.1 with createSession, refreshSession (tokens that expire in fake time) and searchPosts paged with a cursor.</summary>
internal sealed class FakeBlueskyServer : IAsyncDisposable
{
    private readonly FakeTimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _refresh = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _posts = [];
    private LoopbackServer? _server;
    private int _next;

    private FakeBlueskyServer(FakeTimeProvider time) => _time = time;

    public TimeSpan AccessLifetime { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan RefreshLifetime { get; set; } = TimeSpan.FromDays(60);

    public int Creates;

    public int Refreshes;

    public int Searches;

    public Uri BaseAddress => _server!.BaseAddress;

    public static async Task<FakeBlueskyServer> StartAsync(FakeTimeProvider time)
    {
        var fake = new FakeBlueskyServer(time);
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/xrpc/com.atproto.server.createSession", fake.CreateAsync);
            app.MapPost("/xrpc/com.atproto.server.refreshSession", fake.RefreshAsync);
            app.MapGet("/xrpc/app.bsky.feed.searchPosts", fake.SearchAsync);
        });
        return fake;
    }

    public void Add(DateTimeOffset indexedAt, string text)
    {
        var n = Interlocked.Increment(ref _next);
        var post = new JsonObject
        {
            ["uri"] = $"at://did:plc:4k7xq2example5tz3mnopqrs/app.bsky.feed.post/3lb{n:D6}",
            ["cid"] = $"bafyrei{n}",
            ["author"] = new JsonObject { ["did"] = "did:plc:4k7xq2example5tz3mnopqrs", ["handle"] = "jane.example.com", ["displayName"] = "Jane Doe", ["labels"] = new JsonArray() },
            ["record"] = new JsonObject { ["$type"] = "app.bsky.feed.post", ["createdAt"] = indexedAt.AddSeconds(-1).UtcDateTime.ToString("O", CultureInfo.InvariantCulture), ["langs"] = new JsonArray("en"), ["text"] = text },
            ["replyCount"] = 1,
            ["repostCount"] = 0,
            ["likeCount"] = 4,
            ["indexedAt"] = indexedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["labels"] = new JsonArray(),
        };
        lock (_posts)
        {
            _posts.Add(post);
        }
    }

    public void ExpireAllAccessTokens() => _access.Clear();

    public void ExpireAllTokens()
    {
        _access.Clear();
        _refresh.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error, message });
    }

    private async Task IssueAsync(HttpContext context)
    {
        var access = "acc-" + Guid.NewGuid().ToString("N");
        var refresh = "ref-" + Guid.NewGuid().ToString("N");
        _access[access] = _time.GetUtcNow() + AccessLifetime;
        _refresh[refresh] = _time.GetUtcNow() + RefreshLifetime;
        await context.Response.WriteAsJsonAsync(new { accessJwt = access, refreshJwt = refresh, handle = "jane.example.com", did = "did:plc:4k7xq2example5tz3mnopqrs", active = true });
    }

    private async Task CreateAsync(HttpContext context)
    {
        Interlocked.Increment(ref Creates);
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (body.RootElement.GetProperty("identifier").GetString() != "jane.example.com" || body.RootElement.GetProperty("password").GetString() != "abcd-efgh-ijkl-mnop")
        {
            await ErrorAsync(context, 401, "AuthenticationRequired", "Invalid identifier or password");
            return;
        }

        await IssueAsync(context);
    }

    private async Task RefreshAsync(HttpContext context)
    {
        Interlocked.Increment(ref Refreshes);
        var token = context.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
        if (!_refresh.TryRemove(token, out var expires) || expires <= _time.GetUtcNow())
        {
            await ErrorAsync(context, 400, "ExpiredToken", "Token has expired");
            return;
        }

        await IssueAsync(context);
    }

    private async Task SearchAsync(HttpContext context)
    {
        Interlocked.Increment(ref Searches);
        var token = context.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
        if (!_access.TryGetValue(token, out var expires) || expires <= _time.GetUtcNow())
        {
            await ErrorAsync(context, 400, "ExpiredToken", "Token has expired");
            return;
        }

        var q = context.Request.Query;
        var limit = int.Parse(q["limit"].ToString(), CultureInfo.InvariantCulture);
        var offset = q["cursor"].Count > 0 ? int.Parse(q["cursor"].ToString(), CultureInfo.InvariantCulture) : 0;
        DateTimeOffset? since = q["since"].Count > 0 ? DateTimeOffset.Parse(q["since"].ToString(), CultureInfo.InvariantCulture) : null;
        List<JsonObject> matching;
        lock (_posts)
        {
            matching = [.. _posts
                .Where(p => since is null || DateTimeOffset.Parse((string)p["indexedAt"]!, CultureInfo.InvariantCulture) >= since)
                .OrderByDescending(p => (string)p["indexedAt"]!, StringComparer.Ordinal)
                .ThenByDescending(p => (string)p["uri"]!, StringComparer.Ordinal)];
        }

        var page = matching.Skip(offset).Take(limit).Select(p => p.DeepClone()).ToArray();
        var body = new JsonObject { ["hitsTotal"] = matching.Count, ["posts"] = new JsonArray(page) };
        if (offset + page.Length < matching.Count)
        {
            body["cursor"] = (offset + page.Length).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
