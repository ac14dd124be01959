using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// Our account's Bluesky server (PDS) on 127.0.0.1, wire-shaped: <c>createSession</c> / <c>refreshSession</c> (an
/// expired access token is refused with 400 <c>ExpiredToken</c>, as XRPC does), <c>app.bsky.feed.getPosts</c>,
/// <c>com.atproto.identity.resolveHandle</c>, and <c>com.atproto.repo.createRecord</c> / <c>getRecord</c> keeping
/// records by repo and record key: creating a key that exists is refused, as a PDS does (unless
/// <see cref="AcceptExistingRecordKeys"/>). <see cref="FakeReplyServer.Created"/> holds each record made, with its <c>rkey</c>.
/// </summary>
internal sealed class FakeBlueskyReplyServer : FakeReplyServer
{
    public const string Did = "did:plc:acme7example2brand3ours";
    public const string Identifier = "acme.example.com";
    public const string AppPassword = "abcd-efgh-ijkl-mnop";
    private readonly ConcurrentDictionary<string, JsonObject> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _handles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _records = new(StringComparer.Ordinal);
    private string? _access;
    private string? _refresh;
    private int _next;

    public int Sessions;

    public int Refreshes;

    public int CreateRequests;

    /// <summary>Gets how many creates were refused because their record key exists (a retry of a record already made).</summary>
    public int Conflicts;

    /// <summary>Gets or sets a value indicating whether a create with a record key that exists makes the record again (a server without the conflict).</summary>
    public bool AcceptExistingRecordKeys { get; set; }

    public static async Task<FakeBlueskyReplyServer> StartAsync()
    {
        var fake = new FakeBlueskyReplyServer();
        await fake.ListenAsync(app =>
        {
            app.MapPost("/xrpc/com.atproto.server.createSession", (Func<HttpContext, Task<IResult>>)fake.CreateSessionAsync);
            app.MapPost("/xrpc/com.atproto.server.refreshSession", fake.RefreshSession);
            app.MapGet("/xrpc/app.bsky.feed.getPosts", fake.GetPosts);
            app.MapGet("/xrpc/com.atproto.identity.resolveHandle", fake.ResolveHandle);
            app.MapPost("/xrpc/com.atproto.repo.createRecord", fake.CreateRecordAsync);
            app.MapGet("/xrpc/com.atproto.repo.getRecord", fake.GetRecord);
        });
        return fake;
    }

    /// <summary>Adds someone's post, optionally itself a reply in a thread whose root is <paramref name="root"/> (uri, cid).</summary>
    public string AddPost(string did, string rkey, string text, (string Uri, string Cid)? root = null)
    {
        var uri = $"at://{did}/app.bsky.feed.post/{rkey}";
        var record = new JsonObject { ["$type"] = "app.bsky.feed.post", ["text"] = text, ["createdAt"] = "2026-01-01T11:00:00.000Z", ["langs"] = new JsonArray("en") };
        if (root is { } r)
        {
            record["reply"] = new JsonObject
            {
                ["root"] = new JsonObject { ["uri"] = r.Uri, ["cid"] = r.Cid },
                ["parent"] = new JsonObject { ["uri"] = r.Uri, ["cid"] = r.Cid },
            };
        }

        _posts[uri] = new JsonObject
        {
            ["uri"] = uri,
            ["cid"] = CidOf(uri),
            ["author"] = new JsonObject { ["did"] = did, ["handle"] = "jane.example.com", ["displayName"] = "Jane", ["labels"] = new JsonArray() },
            ["record"] = record,
            ["replyCount"] = 0,
            ["indexedAt"] = "2026-01-01T11:00:01.000Z",
            ["labels"] = new JsonArray(),
        };
        return uri;
    }

    public void AddHandle(string handle, string did) => _handles[handle] = did;

    public static string CidOf(string uri) => "bafyreih" + ((uint)StringComparer.Ordinal.GetHashCode(uri)).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Lets the access token expire: the next request with it is refused with 400 ExpiredToken.</summary>
    public void ExpireAccessToken() => _access = "expired-" + _access;

    private async Task<IResult> CreateSessionAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (body["identifier"]?.GetValue<string>() != Identifier || body["password"]?.GetValue<string>() != AppPassword)
        {
            return Results.Json(new JsonObject { ["error"] = "AuthenticationRequired", ["message"] = "Invalid identifier or password" }, statusCode: 401);
        }

        Interlocked.Increment(ref Sessions);
        return Results.Json(Session());
    }

    private IResult RefreshSession(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + _refresh)
        {
            return Results.Json(new JsonObject { ["error"] = "ExpiredToken", ["message"] = "Token has expired" }, statusCode: 400);
        }

        Interlocked.Increment(ref Refreshes);
        return Results.Json(Session());
    }

    private JsonObject Session()
    {
        var n = Interlocked.Increment(ref _next);
        _access = $"access-{n}";
        _refresh = $"refresh-{n}";
        return new JsonObject { ["accessJwt"] = _access, ["refreshJwt"] = _refresh, ["handle"] = Identifier, ["did"] = Did, ["active"] = true };
    }

    private IResult? Unauthorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header == "Bearer " + _access)
        {
            return null;
        }

        return header.StartsWith("Bearer expired-", StringComparison.Ordinal) || header.StartsWith("Bearer access-", StringComparison.Ordinal)
            ? Results.Json(new JsonObject { ["error"] = "ExpiredToken", ["message"] = "Token has expired" }, statusCode: 400)
            : Results.Json(new JsonObject { ["error"] = "AuthenticationRequired", ["message"] = "Authentication Required" }, statusCode: 401);
    }

    private IResult GetPosts(HttpContext context)
    {
        if (Unauthorized(context) is { } refused)
        {
            return refused;
        }

        var posts = new JsonArray();
        foreach (var uri in context.Request.Query["uris"])
        {
            if (uri is not null && _posts.TryGetValue(uri, out var post))
            {
                posts.Add(post.DeepClone());
            }
        }

        return Results.Json(new JsonObject { ["posts"] = posts });
    }

    private IResult ResolveHandle(HttpContext context) =>
        _handles.TryGetValue(context.Request.Query["handle"].ToString(), out var did)
            ? Results.Json(new JsonObject { ["did"] = did })
            : Results.Json(new JsonObject { ["error"] = "InvalidRequest", ["message"] = "Unable to resolve handle" }, statusCode: 400);

    private Task CreateRecordAsync(HttpContext context)
    {
        Interlocked.Increment(ref CreateRequests);
        return PublishAsync(context, () => Unauthorized(context), new JsonObject { ["error"] = "InternalServerError", ["message"] = "scripted" }, async () =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var rkey = body["rkey"]!.GetValue<string>();
            var uri = $"at://{body["repo"]!.GetValue<string>()}/{body["collection"]!.GetValue<string>()}/{rkey}";
            var record = body["record"]!.AsObject();
            bool exists;
            lock (_records)
            {
                exists = _records.ContainsKey(uri) && !AcceptExistingRecordKeys;
                if (!exists)
                {
                    _records[uri] = (JsonObject)record.DeepClone();
                }
            }

            if (exists)
            {
                Interlocked.Increment(ref Conflicts);
                context.Response.StatusCode = 400;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = "InvalidRequest", ["message"] = "Record already exists" });
                return null;
            }

            var created = (JsonObject)record.DeepClone();
            created["rkey"] = rkey;
            Created.Enqueue(created);
            return new JsonObject
            {
                ["uri"] = uri,
                ["cid"] = CidOf(uri),
                ["commit"] = new JsonObject { ["cid"] = "bafyreicommit", ["rev"] = "3lbrev" + rkey },
                ["validationStatus"] = "valid",
            };
        });
    }

    private IResult GetRecord(HttpContext context)
    {
        var uri = $"at://{context.Request.Query["repo"]}/{context.Request.Query["collection"]}/{context.Request.Query["rkey"]}";
        lock (_records)
        {
            return _records.TryGetValue(uri, out var record)
                ? Results.Json(new JsonObject { ["uri"] = uri, ["cid"] = CidOf(uri), ["value"] = record.DeepClone() })
                : Results.Json(new JsonObject { ["error"] = "RecordNotFound", ["message"] = $"Could not locate record: {uri}" }, statusCode: 400);
        }
    }
}
