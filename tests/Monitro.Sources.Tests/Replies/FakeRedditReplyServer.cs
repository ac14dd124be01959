using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// Reddit on 127.0.0.1, wire-shaped: the token endpoint (refresh-token grant, basic auth with the app's id and secret),
/// <c>GET /api/v1/me</c>, <c>POST /api/comment</c> (<c>api_type=json</c>: errors come back in a 200 answer as Reddit
/// does) and <c>GET /user/{name}/comments</c>, newest first (or, with <see cref="HideCommentsFromListing"/>, as a
/// listing that lags behind). A revoked access token is refused with 401.
/// </summary>
internal sealed class FakeRedditReplyServer : FakeReplyServer
{
    public const string ClientId = "app-id-for-tests";
    public const string ClientSecret = "app-secret-for-tests";
    public const string RefreshToken = "refresh-token-for-tests";
    public const string UserName = "acme_support";
    private readonly TimeProvider _time;
    private readonly List<JsonObject> _comments = [];
    private string? _access;
    private int _next = 1000;

    private FakeRedditReplyServer(TimeProvider time) => _time = time;

    public int Tokens;

    public int Lookups;

    /// <summary>Gets or sets a value indicating whether the user's comment listing leaves out every comment (a listing that lags behind).</summary>
    public bool HideCommentsFromListing { get; set; }

    public static async Task<FakeRedditReplyServer> StartAsync(TimeProvider time)
    {
        var fake = new FakeRedditReplyServer(time);
        await fake.ListenAsync(app =>
        {
            app.MapPost("/api/v1/access_token", (Func<HttpContext, Task<IResult>>)fake.TokenAsync);
            app.MapGet("/api/v1/me", (HttpContext context) => fake.Authorized(context) ?? Results.Json(new JsonObject { ["name"] = UserName, ["id"] = "9xyz", ["link_karma"] = 1 }));
            app.MapPost("/api/comment", fake.CommentAsync);
            app.MapGet("/user/{name}/comments", fake.UserComments);
        });
        return fake;
    }

    /// <summary>Adds a comment of ours made at <paramref name="at"/>, as if posted outside this reply.</summary>
    public void AddOurComment(string parentId, string body, DateTimeOffset at)
    {
        lock (_comments)
        {
            _comments.Add(Comment(parentId, body, at));
        }
    }

    /// <summary>Revokes the access token: the next request with it is refused with 401.</summary>
    public void RevokeAccessToken() => _access = null;

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        if (context.Request.Headers.Authorization.ToString() != basic)
        {
            return Results.Json(new JsonObject { ["message"] = "Unauthorized", ["error"] = 401 }, statusCode: 401);
        }

        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "refresh_token" || form["refresh_token"] != RefreshToken)
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_grant" }, statusCode: 400);
        }

        _access = "user-token-" + Interlocked.Increment(ref Tokens).ToString(CultureInfo.InvariantCulture);
        return Results.Json(new JsonObject { ["access_token"] = _access, ["token_type"] = "bearer", ["expires_in"] = 86400, ["scope"] = "history identity submit" });
    }

    private IResult? Authorized(HttpContext context) =>
        _access is not null && context.Request.Headers.Authorization.ToString() == "Bearer " + _access
            ? null
            : Results.Json(new JsonObject { ["message"] = "Unauthorized", ["error"] = 401 }, statusCode: 401);

    private Task CommentAsync(HttpContext context) =>
        PublishAsync(context, () => Authorized(context), new JsonObject { ["message"] = "scripted", ["error"] = 500 }, async () =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["api_type"] != "json")
            {
                context.Response.StatusCode = 400;
                return null;
            }

            var text = form["text"].ToString();
            if (text.Length > 10_000)
            {
                await context.Response.WriteAsJsonAsync(Errors(new JsonArray("TOO_LONG", "this is too long (max: 10000)", "text")));
                return null;
            }

            var comment = Comment(form["thing_id"].ToString(), text, _time.GetUtcNow());
            lock (_comments)
            {
                _comments.Add(comment);
            }

            Created.Enqueue(comment);
            return new JsonObject
            {
                ["json"] = new JsonObject
                {
                    ["errors"] = new JsonArray(),
                    ["data"] = new JsonObject { ["things"] = new JsonArray(new JsonObject { ["kind"] = "t1", ["data"] = comment.DeepClone() }) },
                },
            };
        });

    private IResult UserComments(HttpContext context, string name)
    {
        Interlocked.Increment(ref Lookups);
        if (Authorized(context) is { } refused)
        {
            return refused;
        }

        var limit = int.Parse(context.Request.Query["limit"].ToString(), CultureInfo.InvariantCulture);
        var children = new JsonArray();
        lock (_comments)
        {
            foreach (var comment in _comments.AsEnumerable().Reverse().Where(c => c["author"]!.GetValue<string>() == name && !HideCommentsFromListing).Take(limit))
            {
                children.Add(new JsonObject { ["kind"] = "t1", ["data"] = comment.DeepClone() });
            }
        }

        return Results.Json(new JsonObject
        {
            ["kind"] = "Listing",
            ["data"] = new JsonObject { ["after"] = null, ["dist"] = children.Count, ["modhash"] = null, ["children"] = children, ["before"] = null },
        });
    }

    private JsonObject Comment(string parentId, string body, DateTimeOffset at)
    {
        var id = "k" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        var linkId = parentId.StartsWith("t3_", StringComparison.Ordinal) ? parentId : "t3_abc123";
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = "t1_" + id,
            ["author"] = UserName,
            ["body"] = body,
            ["parent_id"] = parentId,
            ["link_id"] = linkId,
            ["subreddit"] = "acme",
            ["permalink"] = $"/r/acme/comments/{linkId[3..]}/parcel/{id}/",
            ["created_utc"] = (double)at.ToUnixTimeSeconds(),
            ["score"] = 1,
        };
    }

    private static JsonObject Errors(JsonArray error) =>
        new() { ["json"] = new JsonObject { ["errors"] = new JsonArray(error) } };
}
