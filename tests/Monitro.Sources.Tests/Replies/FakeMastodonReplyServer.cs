using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// Our account's Mastodon server on 127.0.0.1, wire-shaped: <c>/api/v2/instance</c>, <c>/api/v2/search?resolve=true</c>
/// (a remote status gets a local id when resolved), and <c>POST /api/v1/statuses</c> honouring <c>Idempotency-Key</c>
/// as Mastodon does (the same key returns the status already created), unless <see cref="IgnoreIdempotencyKeys"/>.
/// Failures can be scripted per request (<see cref="FakeReplyServer.Script"/>).
/// </summary>
internal sealed class FakeMastodonReplyServer : FakeReplyServer
{
    public const string Token = "token-for-tests-only";
    private readonly ConcurrentDictionary<string, string> _localIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _byKey = new(StringComparer.Ordinal);
    private int _nextId = 100;
    private int _repeatedKeys;

    /// <summary>Gets the search queries received (path and query).</summary>
    public ConcurrentQueue<string> Searches { get; } = new();

    public int MaxCharacters { get; set; } = 500;

    /// <summary>Gets or sets a value indicating whether a repeated <c>Idempotency-Key</c> creates another status (a server that does not honour it).</summary>
    public bool IgnoreIdempotencyKeys { get; set; }

    /// <summary>Gets how many status posts came with an <c>Idempotency-Key</c> already seen (answered with the status already created).</summary>
    public int RepeatedKeys => _repeatedKeys;

    public static async Task<FakeMastodonReplyServer> StartAsync()
    {
        var fake = new FakeMastodonReplyServer();
        await fake.ListenAsync(app =>
        {
            app.MapGet("/api/v2/instance", () => Results.Json(new JsonObject
            {
                ["domain"] = "acme.social",
                ["configuration"] = new JsonObject { ["statuses"] = new JsonObject { ["max_characters"] = fake.MaxCharacters, ["max_media_attachments"] = 4 } },
            }));
            app.MapGet("/api/v2/search", fake.Search);
            app.MapPost("/api/v1/statuses", fake.PostStatusAsync);
        });
        return fake;
    }

    /// <summary>Makes a status of another server known under a URI (it gets a local id when resolved).</summary>
    public void AddRemote(string uri) => _localIds[uri] = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string LocalIdOf(string uri) => _localIds[uri];

    private IResult Search(HttpContext context)
    {
        Searches.Enqueue(context.Request.Path + context.Request.QueryString);
        if (Refusal(context) is { } refused)
        {
            return refused;
        }

        var q = context.Request.Query["q"].ToString();
        var resolve = context.Request.Query["resolve"] == "true";
        var statuses = new JsonArray();
        if (resolve && _localIds.TryGetValue(q, out var id))
        {
            statuses.Add(new JsonObject { ["id"] = id, ["uri"] = q, ["url"] = q, ["content"] = "<p>parent</p>" });
        }

        return Results.Json(new JsonObject { ["accounts"] = new JsonArray(), ["statuses"] = statuses, ["hashtags"] = new JsonArray() });
    }

    private Task PostStatusAsync(HttpContext context) =>
        PublishAsync(context, () => Refusal(context), new JsonObject { ["error"] = "scripted" }, async () =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            lock (_byKey)
            {
                if (key.Length > 0 && _byKey.TryGetValue(key, out var known) && !IgnoreIdempotencyKeys)
                {
                    _repeatedKeys++;
                    return known;
                }

                return Create(body, key);
            }
        });

    private JsonObject Create(JsonObject body, string key)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = new JsonObject
        {
            ["id"] = id,
            ["uri"] = $"https://acme.social/users/acme/statuses/{id}",
            ["url"] = $"https://acme.social/@acme/{id}",
            ["in_reply_to_id"] = body["in_reply_to_id"]?.GetValue<string>(),
            ["visibility"] = body["visibility"]?.GetValue<string>(),
            ["content"] = body["status"]?.GetValue<string>(),
        };
        Created.Enqueue(created);
        _byKey[key] = created;
        return created;
    }

    private static IResult? Refusal(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == "Bearer " + Token
            ? null
            : Results.Json(new JsonObject { ["error"] = "The access token is invalid" }, statusCode: 401);
}
