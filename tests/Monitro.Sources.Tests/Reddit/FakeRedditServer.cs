using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Reddit;

/// <summary>Reddit's token endpoint and OAuth listings on 127.0.0.1: client-credential tokens that expire, newest-first listings paged with after.</summary>
internal sealed class FakeRedditServer : IAsyncDisposable
{
    private readonly FakeTimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<JsonObject>> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _overrides = new();
    private LoopbackServer? _server;
    private int _next;

    private FakeRedditServer(FakeTimeProvider time) => _time = time;

    public int TokenLifetimeSeconds { get; set; } = 3600;

    public ConcurrentQueue<RecordedRequest> TokenRequests { get; } = new();

    public ConcurrentQueue<RecordedRequest> ApiRequests { get; } = new();

    public int Unauthorized;

    public Uri BaseAddress => _server!.BaseAddress;

    public static async Task<FakeRedditServer> StartAsync(FakeTimeProvider time)
    {
        var fake = new FakeRedditServer(time);
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/v1/access_token", fake.TokenAsync);
            app.MapGet("/search", context => fake.ListingAsync(context, "search"));
            app.MapGet("/r/{sub}/new", (HttpContext context, string sub) => fake.ListingAsync(context, "r/" + sub));
        });
        return fake;
    }

    public JsonObject AddPost(string listing, DateTimeOffset created, string title)
    {
        var n = Interlocked.Increment(ref _next);
        var id = "1gv" + n.ToString("x5", CultureInfo.InvariantCulture);
        var sub = listing.StartsWith("r/", StringComparison.Ordinal) ? listing[2..] : "sysadmin";
        var post = new JsonObject
        {
            ["subreddit"] = sub,
            ["subreddit_id"] = "t5_2qh6o",
            ["subreddit_name_prefixed"] = "r/" + sub,
            ["id"] = id,
            ["name"] = "t3_" + id,
            ["author"] = "helpdesk_hero",
            ["author_fullname"] = "t2_8xk2q1ab",
            ["title"] = title,
            ["selftext"] = "We're evaluating Acme CRM and need SSO against on-prem AD.",
            ["url"] = $"https://www.reddit.com/r/{sub}/comments/{id}/post/",
            ["permalink"] = $"/r/{sub}/comments/{id}/post/",
            ["domain"] = "self." + sub,
            ["is_self"] = true,
            ["created_utc"] = created.ToUnixTimeSeconds() + 0.0,
            ["score"] = 14,
            ["num_comments"] = 9,
            ["over_18"] = false,
            ["edited"] = false,
        };
        var list = _listings.GetOrAdd(listing, _ => []);
        lock (list)
        {
            list.Add(post);
        }

        return post;
    }

    public void Override(Func<HttpContext, Task> responder) => _overrides.Enqueue(responder);

    public void RevokeAllTokens() => _tokens.Clear();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static RecordedRequest Record(HttpContext context, DateTimeOffset at) => new(
        context.Request.Path + context.Request.QueryString,
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        at);

    private async Task TokenAsync(HttpContext context)
    {
        TokenRequests.Enqueue(Record(context, _time.GetUtcNow()));
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-id:client-secret"));
        var form = await context.Request.ReadFormAsync();
        if (context.Request.Headers.Authorization != expected || form["grant_type"] != "client_credentials")
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { message = "Unauthorized", error = 401 });
            return;
        }

        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = _time.GetUtcNow().AddSeconds(TokenLifetimeSeconds);
        await context.Response.WriteAsync(
            $"{{\"access_token\":\"{token}\",\"token_type\":\"bearer\",\"expires_in\":{TokenLifetimeSeconds},\"scope\":\"*\"}}");
    }

    private async Task ListingAsync(HttpContext context, string listing)
    {
        ApiRequests.Enqueue(Record(context, _time.GetUtcNow()));
        if (_overrides.TryDequeue(out var responder))
        {
            await responder(context);
            return;
        }

        var auth = context.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..] : string.Empty;
        if (!_tokens.TryGetValue(token, out var expires) || expires <= _time.GetUtcNow())
        {
            Interlocked.Increment(ref Unauthorized);
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { message = "Unauthorized", error = 401 });
            return;
        }

        if (!context.Request.Headers.UserAgent.ToString().Contains("(by /u/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 429;
            return;
        }

        var limit = int.Parse(context.Request.Query["limit"].FirstOrDefault() ?? "25", CultureInfo.InvariantCulture);
        var after = context.Request.Query["after"].FirstOrDefault();
        List<JsonObject> items;
        var list = _listings.GetOrAdd(listing, _ => []);
        lock (list)
        {
            items = [.. list.OrderByDescending(p => (double)p["created_utc"]!).ThenByDescending(p => (string)p["name"]!, StringComparer.Ordinal)];
        }

        var start = after is null ? 0 : items.FindIndex(p => (string)p["name"]! == after) + 1;
        var page = items.Skip(start).Take(limit).ToList();
        var more = start + page.Count < items.Count;
        var body = new JsonObject
        {
            ["kind"] = "Listing",
            ["data"] = new JsonObject
            {
                ["after"] = more ? (string)page[^1]["name"]! : null,
                ["dist"] = page.Count,
                ["modhash"] = "",
                ["geo_filter"] = "",
                ["children"] = new JsonArray([.. page.Select(p => (JsonNode)new JsonObject { ["kind"] = "t3", ["data"] = p.DeepClone() })]),
                ["before"] = null,
            },
        };
        context.Response.Headers["x-ratelimit-used"] = "12";
        context.Response.Headers["x-ratelimit-remaining"] = "988.0";
        context.Response.Headers["x-ratelimit-reset"] = "437";
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
