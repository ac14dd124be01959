using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// Our account's Mastodon server on 127.0.0.1, wire-shaped: <c>/api/v2/instance</c>, <c>/api/v2/search?resolve=true</c>
/// (a remote status gets a local id when resolved), and <c>POST /api/v1/statuses</c> honouring <c>Idempotency-Key</c>
/// as Mastodon does (the same key returns the status already created). Failures can be scripted per request (<see cref="Script"/>).
/// </summary>
internal sealed class FakeMastodonReplyServer : IAsyncDisposable
{
    public const string Token = "token-for-tests-only";
    private readonly ConcurrentDictionary<string, string> _localIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _byKey = new(StringComparer.Ordinal);
    private LoopbackServer? _server;
    private int _nextId = 100;
    private int _repeatedKeys;
    private TaskCompletionSource? _answerHold;
    private TaskCompletionSource? _answerHeld;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Gets the statuses created, in order.</summary>
    public ConcurrentQueue<JsonObject> Created { get; } = new();

    /// <summary>Gets the search queries received (path and query).</summary>
    public ConcurrentQueue<string> Searches { get; } = new();

    /// <summary>Gets what the next status posts meet.</summary>
    public PublishScript Script { get; } = new();

    public int MaxCharacters { get; set; } = 500;

    /// <summary>Gets or sets how long each status post waits after the status exists and before it answers, or <see langword="null"/>.</summary>
    public Func<TimeSpan>? AnswerDelay { get; set; }

    /// <summary>Makes the next status post wait, once its status exists, until <see cref="ReleaseAnswer"/>: the client has posted and cannot know it.</summary>
    /// <returns>A task that completes when a status post waits.</returns>
    public Task HoldNextAnswer()
    {
        lock (_byKey)
        {
            _answerHold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _answerHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _answerHeld.Task;
        }
    }

    /// <summary>Lets the held status post answer (to a client that may be gone), and holds no more.</summary>
    public void ReleaseAnswer()
    {
        lock (_byKey)
        {
            _answerHold?.TrySetResult();
            _answerHold = null;
        }
    }

    /// <summary>Gets how many status posts came with an <c>Idempotency-Key</c> already seen (answered with the status already created).</summary>
    public int RepeatedKeys => _repeatedKeys;

    public static async Task<FakeMastodonReplyServer> StartAsync()
    {
        var fake = new FakeMastodonReplyServer();
        fake._server = await LoopbackServer.StartAsync(app =>
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

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private IResult Search(HttpContext context)
    {
        Searches.Enqueue(context.Request.Path + context.Request.QueryString);
        if (!Authorized(context))
        {
            return Results.Json(new JsonObject { ["error"] = "The access token is invalid" }, statusCode: 401);
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

    private Task PostStatusAsync(HttpContext context) => Script.RunAsync(() => PostStatusCoreAsync(context));

    private async Task PostStatusCoreAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = "The access token is invalid" });
            return;
        }

        var (answered, drop) = await Script.NextAsync(context, new JsonObject { ["error"] = "scripted" });
        if (answered)
        {
            return;
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        JsonObject status;
        TaskCompletionSource? answerHold;
        lock (_byKey)
        {
            if (_byKey.TryGetValue(key, out var known) && key.Length > 0)
            {
                status = known;
                _repeatedKeys++;
            }
            else
            {
                status = Create(body, key);
            }

            answerHold = _answerHold;
            if (answerHold is not null)
            {
                _answerHeld?.TrySetResult();
            }
        }

        if (answerHold is not null)
        {
            await answerHold.Task;
        }

        if (AnswerDelay is { } delay)
        {
            await Task.Delay(delay(), context.RequestAborted);
        }

        if (drop)
        {
            // Created, but the answer never arrives: the client cannot know.
            context.Abort();
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(status.ToJsonString(), context.RequestAborted);
    }

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

    private static bool Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == "Bearer " + Token;
}
