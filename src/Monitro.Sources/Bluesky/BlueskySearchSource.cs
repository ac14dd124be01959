using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>
/// Polls Bluesky's authenticated post search, newest first, walking down the result pages with the cursor until the
/// floor (the newest post of the previous walk, passed as <c>since</c>); repeats at the floor are dropped by URI.
/// An expired access token is renewed with the refresh token, not by signing in again.
/// </summary>
internal sealed class BlueskySearchSource : PollingSource<BlueskySearchCheckpoint>
{
    private readonly BlueskySearchOptions _options;
    private readonly BlueskySession _session;

    public BlueskySearchSource(SourceContext context, BlueskySearchOptions options)
        : base(context, options)
    {
        _options = options;
        _session = new BlueskySession(
            new BlueskyCredentials(options.ServiceUrl, options.Identifier, options.AppPassword, options.UserAgent),
            (request, cancellationToken) => context.FetchBodyAsync(request, 64 * 1024, cancellationToken),
            () => context.Logger.SessionRefreshed(context.Name));
    }

    protected override BlueskySearchCheckpoint Start() => new() { Floor = FirstRunStartTime() };

    protected override BlueskySearchCheckpoint Restore(string checkpointValue) =>
        JsonSerializer.Deserialize(checkpointValue, BlueskySearchJsonContext.Default.BlueskySearchCheckpoint)
        ?? throw new JsonException("The checkpoint is empty.");

    protected override string Save(BlueskySearchCheckpoint state) => JsonSerializer.Serialize(state, BlueskySearchJsonContext.Default.BlueskySearchCheckpoint);

    protected override async Task<PollResult> PollAsync(BlueskySearchCheckpoint state, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"xrpc/app.bsky.feed.searchPosts?q={Uri.EscapeDataString(_options.Query)}&sort=latest&limit={_options.PageSize}");
        if (state.Floor is { } floor)
        {
            query += "&since=" + Uri.EscapeDataString(floor.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (state.WalkCursor is not null)
        {
            query += "&cursor=" + Uri.EscapeDataString(state.WalkCursor);
        }

        var fetch = await SearchAsync(new Uri(_options.ServiceUrl, query), cancellationToken).ConfigureAwait(false);
        var position = $"search cursor={state.WalkCursor ?? "(top)"}";
        using var document = ReadJson(fetch, position, static root => PostsOf(root) is not null, "an object with a posts array", out var unreadable);
        if (document is null)
        {
            return new PollResult { Skipped = [unreadable!] };
        }

        var views = PostsOf(document.RootElement)!.Value;

        var cursor = document.RootElement.TryGetProperty("cursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var seen = new BoundedIdSet(_options.SeenIdCapacity, state.Seen);
        var posts = new List<Post>();
        var skipped = new List<SkippedItem>();
        var index = 0;
        foreach (var element in views.EnumerateArray())
        {
            index++;
            if (!JsonPayload.TryRead(element, BlueskySearchJsonContext.Default.PostView, out var view, out var itemError))
            {
                skipped.Add(Skip($"{position} post {index}", itemError!, Excerpts.From(element.GetRawText())));
                continue;
            }

            var post = ToPost(view!);
            if (post is null)
            {
                skipped.Add(Skip($"{position} post {index}", "the post has no uri, author or record text", Excerpts.From(element.GetRawText())));
                continue;
            }

            if (view!.IndexedAt is { } indexed && (state.WalkNewest is null || indexed > state.WalkNewest))
            {
                state.WalkNewest = indexed;
            }

            if (seen.Add(post.Id))
            {
                posts.Add(post);
            }
        }

        posts.Reverse();
        var walkEnds = cursor is null || index == 0;
        if (walkEnds)
        {
            state.Floor = state.WalkNewest ?? state.Floor;
            state.WalkCursor = null;
            state.WalkNewest = null;
        }
        else
        {
            state.WalkCursor = cursor;
        }

        state.Seen = seen.ToList();
        return new PollResult { Posts = posts, Skipped = skipped, MoreAvailable = !walkEnds };
    }

    private async Task<HttpFetch> SearchAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _session.AccessTokenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await GetAsync(url, request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token), cancellationToken).ConfigureAwait(false);
            }
            catch (SourceHttpException ex) when (attempt == 0 && ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                // XRPC answers an expired access token with 400 ExpiredToken (or 401): renew it once and try again.
                await _session.RenewAsync(token, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static JsonElement? PostsOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("posts", out var posts) && posts.ValueKind == JsonValueKind.Array ? posts : null;

    private static Post? ToPost(PostView view)
    {
        // at://did/app.bsky.feed.post/rkey
        var parts = view.Uri?.Split('/');
        if (parts is not ["at:", "", var did, "app.bsky.feed.post", var rkey] || view.Record?.Text is null)
        {
            return null;
        }

        return BlueskyPostMapper.ToPost(did, rkey, view.Record, view.Author?.Handle, view.IndexedAt ?? DateTimeOffset.UnixEpoch, view.Author?.DisplayName);
    }
}
