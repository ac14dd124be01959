using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.HackerNews;

/// <summary>An Algolia HN Search server on 127.0.0.1: search_by_date with tags, created_at_i filters, pages and a hit cap.</summary>
internal sealed partial class FakeAlgoliaServer : IAsyncDisposable
{
    private readonly List<JsonObject> _hits = [];
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _overrides = new();
    private LoopbackServer? _server;
    private int _next = 41234000;

    public int HitCap { get; set; } = 1000;

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseAddress => _server!.BaseAddress;

    public static async Task<FakeAlgoliaServer> StartAsync()
    {
        var fake = new FakeAlgoliaServer();
        fake._server = await LoopbackServer.StartAsync(app => app.MapGet("/api/v1/search_by_date", fake.HandleAsync));
        return fake;
    }

    public JsonObject AddComment(long createdAt, string html, string author = "throwaway_ops42")
    {
        var id = Interlocked.Increment(ref _next);
        var hit = new JsonObject
        {
            ["_highlightResult"] = new JsonObject { ["comment_text"] = new JsonObject { ["value"] = html, ["matchLevel"] = "full" } },
            ["_tags"] = new JsonArray("comment", $"author_{author}", "story_41234567"),
            ["author"] = author,
            ["children"] = new JsonArray(41234999),
            ["comment_text"] = html,
            ["created_at"] = DateTimeOffset.FromUnixTimeSeconds(createdAt).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["created_at_i"] = createdAt,
            ["objectID"] = id.ToString(CultureInfo.InvariantCulture),
            ["parent_id"] = 41234601,
            ["points"] = null,
            ["story_id"] = 41234567,
            ["story_title"] = "Ask HN: What CRM do small teams actually like?",
            ["story_url"] = null,
            ["updated_at"] = "2024-08-14T16:25:02Z",
        };
        Add(hit);
        return hit;
    }

    public JsonObject AddStory(long createdAt, string title, string? url)
    {
        var id = Interlocked.Increment(ref _next);
        var hit = new JsonObject
        {
            ["_tags"] = new JsonArray("story", "author_pg", $"story_{id}"),
            ["author"] = "pg",
            ["children"] = new JsonArray(),
            ["created_at_i"] = createdAt,
            ["num_comments"] = 3,
            ["objectID"] = id.ToString(CultureInfo.InvariantCulture),
            ["points"] = 42,
            ["story_id"] = id,
            ["story_text"] = null,
            ["title"] = title,
            ["url"] = url,
        };
        Add(hit);
        return hit;
    }

    public void Override(Func<HttpContext, Task> responder) => _overrides.Enqueue(responder);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private void Add(JsonObject hit)
    {
        lock (_hits)
        {
            _hits.Add(hit);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue(context.Request.QueryString.Value ?? string.Empty);
        if (_overrides.TryDequeue(out var responder))
        {
            await responder(context);
            return;
        }

        var q = context.Request.Query;
        var tags = q["tags"].ToString();
        var wanted = tags.Trim('(', ')').Split(',');
        long after = long.MinValue, upTo = long.MaxValue;
        foreach (Match m in NumericFilter().Matches(q["numericFilters"].ToString()))
        {
            var value = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (m.Groups[1].Value == ">")
            {
                after = value;
            }
            else
            {
                upTo = value;
            }
        }

        var perPage = int.Parse(q["hitsPerPage"].ToString(), CultureInfo.InvariantCulture);
        var page = int.Parse(q["page"].ToString(), CultureInfo.InvariantCulture);
        List<JsonObject> matching;
        lock (_hits)
        {
            matching = [.. _hits
                .Where(h => ((JsonArray)h["_tags"]!).Any(t => wanted.Contains((string)t!)))
                .Where(h => (long)h["created_at_i"]! > after && (long)h["created_at_i"]! <= upTo)
                .OrderByDescending(h => (long)h["created_at_i"]!)
                .ThenByDescending(h => (string)h["objectID"]!, StringComparer.Ordinal)];
        }

        var reachable = matching.Take(HitCap).ToList();
        var pageHits = reachable.Skip(page * perPage).Take(perPage).Select(h => h.DeepClone()).ToArray();
        var body = new JsonObject
        {
            ["hits"] = new JsonArray(pageHits),
            ["hitsPerPage"] = perPage,
            ["nbHits"] = matching.Count,
            ["nbPages"] = (reachable.Count + perPage - 1) / perPage,
            ["page"] = page,
            ["processingTimeMS"] = 2,
            ["query"] = q["query"].ToString(),
            ["params"] = context.Request.QueryString.Value?.TrimStart('?'),
            ["exhaustiveNbHits"] = true,
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    [GeneratedRegex(@"created_at_i(>|<=)(\d+)")]
    private static partial Regex NumericFilter();
}
