using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Mastodon;

/// <summary>A Mastodon server on 127.0.0.1: tag timelines paged with min_id and Link headers, as the real API does.</summary>
internal sealed class FakeMastodonServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<JsonObject>> _tags = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _overrides = new();
    private LoopbackServer? _server;
    private long _sequence;

    public string? RequiredToken { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<DateTimeOffset>? Clock { get; set; }

    public Uri BaseAddress => _server!.BaseAddress;

    public static async Task<FakeMastodonServer> StartAsync()
    {
        var fake = new FakeMastodonServer();
        fake._server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/timelines/tag/{tag}", fake.HandleAsync));
        return fake;
    }

    public static long SnowflakeAt(DateTimeOffset time, long sequence) => (time.ToUnixTimeMilliseconds() << 16) | (sequence & 0xFFFF);

    /// <summary>Adds a status under tags; the uri is what other servers would also show, the id is local to this server.</summary>
    public JsonObject Add(DateTimeOffset createdAt, string text, string[] tags, string? uri = null, long? localId = null)
    {
        var seq = Interlocked.Increment(ref _sequence);
        var id = (localId ?? SnowflakeAt(createdAt, seq)).ToString(CultureInfo.InvariantCulture);
        var status = Status(id, uri ?? $"https://fosstodon.example/users/jdoe/statuses/{seq}", createdAt, text, tags);
        foreach (var tag in tags)
        {
            var list = _tags.GetOrAdd(tag, _ => []);
            lock (list)
            {
                list.Add(status);
            }
        }

        return status;
    }

    public void Override(Func<HttpContext, Task> responder) => _overrides.Enqueue(responder);

    public void Override(int status, string body = "", Action<HttpResponse>? headers = null) => Override(async context =>
    {
        context.Response.StatusCode = status;
        headers?.Invoke(context.Response);
        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    });

    public static JsonObject Status(string id, string uri, DateTimeOffset createdAt, string text, string[] tags) => new()
    {
        ["id"] = id,
        ["created_at"] = createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["in_reply_to_id"] = null,
        ["in_reply_to_account_id"] = null,
        ["sensitive"] = false,
        ["spoiler_text"] = "",
        ["visibility"] = "public",
        ["language"] = "en",
        ["uri"] = uri,
        ["url"] = uri.Replace("/users/jdoe/statuses/", "/@jdoe/", StringComparison.Ordinal),
        ["replies_count"] = 2,
        ["reblogs_count"] = 1,
        ["favourites_count"] = 5,
        ["edited_at"] = null,
        ["content"] = $"<p>{text} <a href=\"https://mastodon.example/tags/{tags[0]}\" class=\"mention hashtag\" rel=\"tag\">#<span>{tags[0]}</span></a> <span class=\"h-card\"><a href=\"https://mastodon.example/@acme\" class=\"u-url mention\">@<span>acme</span></a></span> see <a href=\"https://status.acme.example/incident\">status page</a></p>",
        ["reblog"] = null,
        ["account"] = new JsonObject
        {
            ["id"] = "109876543210987654",
            ["username"] = "jdoe",
            ["acct"] = "jdoe@fosstodon.example",
            ["display_name"] = "Jane Doe",
            ["bot"] = false,
            ["url"] = "https://fosstodon.example/@jdoe",
            ["followers_count"] = 412,
            ["following_count"] = 180,
            ["fields"] = new JsonArray(
                new JsonObject { ["name"] = "Website", ["value"] = "<a href=\"https://jane.example/\" rel=\"me nofollow noopener noreferrer\" target=\"_blank\"><span class=\"invisible\">https://</span><span>jane.example</span></a>", ["verified_at"] = "2026-01-02T03:04:05.000+00:00" },
                new JsonObject { ["name"] = "Blog", ["value"] = "<a href=\"https://blog.unverified.example/\">blog.unverified.example</a>", ["verified_at"] = null }),
        },
        ["media_attachments"] = new JsonArray(),
        ["mentions"] = new JsonArray(new JsonObject { ["id"] = "110000000000000001", ["username"] = "acme", ["url"] = "https://mastodon.example/@acme", ["acct"] = "acme" }),
        ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["url"] = $"https://mastodon.example/tags/{t}" })]),
        ["emojis"] = new JsonArray(),
        ["card"] = null,
        ["poll"] = null,
    };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context, string tag)
    {
        Requests.Enqueue(new RecordedRequest(
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Clock?.Invoke() ?? DateTimeOffset.MinValue));
        if (_overrides.TryDequeue(out var responder))
        {
            await responder(context);
            return;
        }

        if (RequiredToken is not null && context.Request.Headers.Authorization != $"Bearer {RequiredToken}")
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = "This API requires an authenticated user" });
            return;
        }

        if (!_tags.TryGetValue(tag, out var list))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsJsonAsync(new { error = "Record not found" });
            return;
        }

        var minId = decimal.Parse(context.Request.Query["min_id"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        var limit = Math.Min(40, int.Parse(context.Request.Query["limit"].FirstOrDefault() ?? "20", CultureInfo.InvariantCulture));
        List<JsonObject> page;
        lock (list)
        {
            // min_id: the statuses immediately newer than min_id, returned newest first.
            page = [.. list.Where(s => decimal.Parse((string)s["id"]!, CultureInfo.InvariantCulture) > minId)
                .OrderBy(s => decimal.Parse((string)s["id"]!, CultureInfo.InvariantCulture))
                .Take(limit)
                .Reverse()];
        }

        if (page.Count > 0)
        {
            var self = $"{BaseAddress}api/v1/timelines/tag/{tag}";
            context.Response.Headers.Link = $"<{self}?max_id={page[^1]["id"]}>; rel=\"next\", <{self}?min_id={page[0]["id"]}>; rel=\"prev\"";
        }

        context.Response.Headers["X-RateLimit-Limit"] = "300";
        context.Response.Headers["X-RateLimit-Remaining"] = "299";
        context.Response.Headers["X-RateLimit-Reset"] = "2026-01-01T12:05:00.000Z";
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonArray([.. page.Select(s => s.DeepClone())]).ToJsonString());
    }
}
