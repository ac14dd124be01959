using System.Globalization;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.HackerNews;

/// <summary>
/// Searches Hacker News stories and comments newest-first (Algolia <c>search_by_date</c>) in closed time windows on
/// <c>created_at_i</c>: a window is paged to its end, then the watermark moves to its end. A window with more hits than
/// the API returns is halved until it fits, so nothing is lost to the 1,000-hit cap.
/// </summary>
internal sealed class HackerNewsSource : PollingSource<HackerNewsCheckpoint>
{
    private const string Platform = "hackernews";
    private readonly HackerNewsSourceOptions _options;
    private readonly string _tags;

    public HackerNewsSource(SourceContext context, HackerNewsSourceOptions options)
        : base(context, options)
    {
        _options = options;
        _tags = (options.IncludeStories, options.IncludeComments) switch
        {
            (true, true) => "(story,comment)",
            (true, false) => "story",
            _ => "comment",
        };
    }

    protected override HackerNewsCheckpoint Start() =>
        new() { Watermark = FirstRunStartTime() is { } since ? since.ToUnixTimeSeconds() : 0 };

    protected override HackerNewsCheckpoint Restore(string checkpointValue) =>
        JsonSerializer.Deserialize(checkpointValue, HackerNewsJsonContext.Default.HackerNewsCheckpoint)
        ?? throw new JsonException("The checkpoint is empty.");

    protected override string Save(HackerNewsCheckpoint state) => JsonSerializer.Serialize(state, HackerNewsJsonContext.Default.HackerNewsCheckpoint);

    protected override async Task<PollResult> PollAsync(HackerNewsCheckpoint state, CancellationToken cancellationToken)
    {
        var now = Context.Time.GetUtcNow().ToUnixTimeSeconds();
        var windowEnd = state.WindowEnd ?? now;
        if (windowEnd <= state.Watermark)
        {
            return PollResult.Nothing;
        }

        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"api/v1/search_by_date?query={Uri.EscapeDataString(_options.Query)}&tags={Uri.EscapeDataString(_tags)}&numericFilters={Uri.EscapeDataString($"created_at_i>{state.Watermark},created_at_i<={windowEnd}")}&hitsPerPage={_options.HitsPerPage}&page={state.Page}");
        var fetch = await GetAsync(new Uri(_options.BaseAddress, query), prepare: null, cancellationToken).ConfigureAwait(false);
        var position = string.Create(CultureInfo.InvariantCulture, $"window {state.Watermark}..{windowEnd} page {state.Page}");
        using var document = ReadJson(fetch, position, static root => HitsOf(root) is not null, "an object with a hits array", out var unreadable);
        if (document is null)
        {
            return new PollResult { Skipped = [unreadable!] };
        }

        var hits = HitsOf(document.RootElement)!.Value;
        if (!JsonPayload.TryRead(document.RootElement, HackerNewsJsonContext.Default.AlgoliaResponse, out var envelope, out var envelopeError))
        {
            return new PollResult { Skipped = [Skip(position, envelopeError!, Excerpts.From(fetch.Body))] };
        }

        if (state.Page == 0 && envelope!.NbHits > _options.HitCap)
        {
            if (windowEnd - state.Watermark > 1)
            {
                // Too many hits to page through: halve the window and ask again.
                var narrower = state.Watermark + ((windowEnd - state.Watermark) / 2);
                Context.Logger.WindowNarrowed(Name, state.Watermark, narrower);
                state.WindowEnd = narrower;
                return new PollResult { MoreAvailable = true };
            }

            Context.Logger.WindowCannotSplit(Name, windowEnd);
        }

        var posts = new List<Post>();
        var skipped = new List<SkippedItem>();
        var index = 0;
        foreach (var element in hits.EnumerateArray())
        {
            index++;
            if (!JsonPayload.TryRead(element, HackerNewsJsonContext.Default.AlgoliaHit, out var hit, out var itemError))
            {
                skipped.Add(Skip($"{position} hit {index}", itemError!, Excerpts.From(element.GetRawText())));
                continue;
            }

            var post = ToPost(hit!);
            if (post is null)
            {
                skipped.Add(Skip($"{position} hit {index}", "the hit has no objectID, author or created_at_i", Excerpts.From(element.GetRawText())));
                continue;
            }

            posts.Add(post);
        }

        posts.Reverse();
        var lastPage = state.Page + 1 >= Math.Min(envelope!.NbPages, (_options.HitCap + _options.HitsPerPage - 1) / _options.HitsPerPage) || index < _options.HitsPerPage;
        if (lastPage)
        {
            state.Watermark = windowEnd;
            state.WindowEnd = null;
            state.Page = 0;
        }
        else
        {
            state.WindowEnd = windowEnd;
            state.Page++;
        }

        return new PollResult
        {
            Posts = posts,
            Skipped = skipped,
            MoreAvailable = !lastPage || now - windowEnd > _options.PollInterval.TotalSeconds,
        };
    }

    private static JsonElement? HitsOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("hits", out var hits) && hits.ValueKind == JsonValueKind.Array ? hits : null;

    private static Post? ToPost(AlgoliaHit hit)
    {
        if (string.IsNullOrEmpty(hit.ObjectId) || string.IsNullOrEmpty(hit.Author) || hit.CreatedAtI is null)
        {
            return null;
        }

        var isComment = hit.CommentText is not null || hit.Tags?.Contains("comment") == true;
        var links = new List<string>();
        if (Uri.TryCreate(hit.Url, UriKind.Absolute, out var storyUrl))
        {
            links.Add(storyUrl.AbsoluteUri);
        }

        var body = HtmlText.ToText(isComment ? hit.CommentText : hit.StoryText, links);
        var text = isComment ? body : string.Join('\n', new[] { hit.Title, body }.Where(s => !string.IsNullOrEmpty(s)));
        return new Post
        {
            Id = Post.CreateId(Platform, hit.ObjectId),
            Source = Platform,
            Author = new Author
            {
                Platform = Platform,
                Handle = hit.Author,
                ProfileUrl = new Uri($"https://news.ycombinator.com/user?id={Uri.EscapeDataString(hit.Author)}"),
            },
            Text = text,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(hit.CreatedAtI.Value),
            Url = new Uri($"https://news.ycombinator.com/item?id={Uri.EscapeDataString(hit.ObjectId)}"),
            ReplyToId = isComment && hit.ParentId is { } parent ? Post.CreateId(Platform, parent.ToString(CultureInfo.InvariantCulture)) : null,
            ThreadId = isComment && hit.StoryId is { } story ? Post.CreateId(Platform, story.ToString(CultureInfo.InvariantCulture)) : null,
            Entities = new PostEntities { Links = links },
        };
    }
}
