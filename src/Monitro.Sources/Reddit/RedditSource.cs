using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Reddit;

/// <summary>
/// Reads Reddit listings (a search sorted by new, and each subreddit's <c>new</c>) through the OAuth API. Each poll walks a
/// listing from the newest post down with <c>after</c> until it reaches the floor (the newest creation time delivered by
/// the previous walk), one page per batch; a repeat at the floor is dropped by name. Walking down rather than asking for
/// posts <c>before</c> an anchor keeps working when the anchor post is deleted.
/// </summary>
internal sealed class RedditSource : PollingSource<RedditCheckpoint>
{
    private const string Platform = "reddit";
    private readonly RedditSourceOptions _options;
    private readonly RedditTokenProvider _tokens;
    private readonly (string Key, string Path)[] _feeds;

    public RedditSource(SourceContext context, RedditSourceOptions options)
        : base(context, options)
    {
        _options = options;
        _tokens = new RedditTokenProvider(
            RedditTokenGrant.ClientCredentials(options.TokenEndpoint, options.ClientId, options.ClientSecret, options.UserAgent),
            context.Time,
            options.TokenRefreshMargin,
            (request, cancellationToken) => context.FetchBodyAsync(request, 64 * 1024, cancellationToken),
            expiresAt => context.Logger.TokenObtained(context.Name, expiresAt));
        var feeds = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(options.Query))
        {
            feeds.Add(("search", $"search?q={Uri.EscapeDataString(options.Query)}&sort=new&type=link&raw_json=1"));
        }

        feeds.AddRange(options.Subreddits.Select(s => ($"r/{s.ToUpperInvariant()}", $"r/{Uri.EscapeDataString(s)}/new?raw_json=1")));
        _feeds = [.. feeds];
    }

    protected override RedditCheckpoint Start()
    {
        var floor = FirstRunStartTime()?.ToUnixTimeSeconds();
        return new RedditCheckpoint { Feeds = _feeds.ToDictionary(f => f.Key, _ => new RedditFeedState { Floor = floor }, StringComparer.Ordinal) };
    }

    protected override RedditCheckpoint Restore(string checkpointValue)
    {
        var state = JsonSerializer.Deserialize(checkpointValue, RedditJsonContext.Default.RedditCheckpoint)
            ?? throw new JsonException("The checkpoint is empty.");
        var fresh = Start();
        foreach (var (key, feed) in fresh.Feeds.Where(f => !state.Feeds.ContainsKey(f.Key)))
        {
            state.Feeds[key] = feed;
        }

        return state;
    }

    protected override string Save(RedditCheckpoint state) => JsonSerializer.Serialize(state, RedditJsonContext.Default.RedditCheckpoint);

    protected override async Task<PollResult> PollAsync(RedditCheckpoint state, CancellationToken cancellationToken)
    {
        var feedIndex = state.NextFeed % _feeds.Length;
        var (key, path) = _feeds[feedIndex];
        var feed = state.Feeds[key];
        var url = string.Create(CultureInfo.InvariantCulture, $"{path}&limit={_options.PageSize}{(feed.WalkAfter is null ? string.Empty : "&after=" + Uri.EscapeDataString(feed.WalkAfter))}");
        HttpFetch fetch;
        try
        {
            fetch = await GetAsync(new Uri(_options.ApiBaseAddress, url), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failing listing must not starve the others: the next attempt moves on.
            state.NextFeed = (feedIndex + 1) % _feeds.Length;
            throw;
        }

        var notBefore = RateLimitResetAt(fetch);
        var position = $"{key} after={feed.WalkAfter ?? "(top)"}";
        using var document = ReadJson(fetch, position, static root => TryGetListing(root, out _, out _), "a Reddit listing", out var unreadable);
        if (document is null)
        {
            state.NextFeed = (feedIndex + 1) % _feeds.Length;
            return new PollResult { Skipped = [unreadable!], NotBefore = notBefore };
        }

        TryGetListing(document.RootElement, out var children, out var after);

        var seen = new BoundedIdSet(_options.SeenIdCapacity, state.Seen);
        var posts = new List<Post>();
        var skipped = new List<SkippedItem>();
        var reachedFloor = false;
        var index = 0;
        foreach (var child in children.EnumerateArray())
        {
            index++;
            var data = child.ValueKind == JsonValueKind.Object && child.TryGetProperty("data", out var d) ? d : child;
            if (!JsonPayload.TryRead(data, RedditJsonContext.Default.RedditThing, out var thing, out var itemError))
            {
                skipped.Add(Skip($"{position} item {index}", itemError!, Excerpts.From(child.GetRawText())));
                continue;
            }

            if (thing!.CreatedUtc is { } created)
            {
                if (feed.Floor is { } floor && created < floor)
                {
                    reachedFloor = true;
                    break;
                }

                feed.WalkNewest = Math.Max(feed.WalkNewest ?? created, created);
            }

            var post = ToPost(thing);
            if (post is null)
            {
                skipped.Add(Skip($"{position} item {index}", "the item has no name, author or created_utc", Excerpts.From(child.GetRawText())));
                continue;
            }

            if (seen.Add(post.Id))
            {
                posts.Add(post);
            }
        }

        posts.Reverse();
        var walkEnds = reachedFloor || after is null || index == 0;
        if (walkEnds)
        {
            feed.Floor = feed.WalkNewest ?? feed.Floor;
            feed.WalkAfter = null;
            feed.WalkNewest = null;
            state.NextFeed = (feedIndex + 1) % _feeds.Length;
        }
        else
        {
            feed.WalkAfter = after;
        }

        state.Seen = seen.ToList();
        return new PollResult
        {
            Posts = posts,
            Skipped = skipped,
            MoreAvailable = !walkEnds || state.NextFeed != 0,
            NotBefore = notBefore,
        };
    }

    /// <summary>Sends an authorized GET; a 401 replaces the token once, since Reddit may revoke it early.</summary>
    private async Task<HttpFetch> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await GetAsync(url, request => request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token), cancellationToken).ConfigureAwait(false);
            }
            catch (SourceHttpException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                _tokens.Invalidate(token);
            }
        }
    }

    private static bool TryGetListing(JsonElement root, out JsonElement children, out string? after)
    {
        children = default;
        after = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object ||
            !data.TryGetProperty("children", out children) || children.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        after = data.TryGetProperty("after", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        return true;
    }

    private static Post? ToPost(RedditThing thing)
    {
        if (string.IsNullOrEmpty(thing.Name) || string.IsNullOrEmpty(thing.Author) || thing.CreatedUtc is null)
        {
            return null;
        }

        var isComment = thing.Name.StartsWith("t1_", StringComparison.Ordinal);
        var links = new List<string>();
        if (!isComment && thing.IsSelf != true && Uri.TryCreate(thing.Url, UriKind.Absolute, out var link))
        {
            links.Add(link.AbsoluteUri);
        }

        var text = isComment
            ? thing.Body ?? string.Empty
            : string.Join('\n', new[] { thing.Title, thing.Selftext }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new Post
        {
            Id = Post.CreateId(Platform, thing.Name),
            Source = Platform,
            Author = new Author
            {
                Platform = Platform,
                Handle = thing.Author,
                ProfileUrl = new Uri($"https://www.reddit.com/user/{Uri.EscapeDataString(thing.Author)}"),
            },
            Text = text,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(thing.CreatedUtc.Value * 1000)),
            Url = thing.Permalink is { Length: > 0 } permalink ? new Uri("https://www.reddit.com" + permalink) : null,
            ReplyToId = isComment && thing.ParentId is { Length: > 0 } parent ? Post.CreateId(Platform, parent) : null,
            ThreadId = isComment && thing.LinkId is { Length: > 0 } linkId ? Post.CreateId(Platform, linkId) : null,
            Entities = new PostEntities { Links = links },
        };
    }

    private DateTimeOffset? RateLimitResetAt(HttpFetch fetch)
    {
        if (!double.TryParse(fetch.Header("X-Ratelimit-Remaining"), NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining) || remaining >= 1)
        {
            return null;
        }

        var reset = double.TryParse(fetch.Header("X-Ratelimit-Reset"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 600;
        return Context.Time.GetUtcNow().AddSeconds(reset);
    }
}
