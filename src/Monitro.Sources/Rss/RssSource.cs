using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Rss;

/// <summary>
/// Polls an RSS or Atom feed with conditional GET (ETag / Last-Modified, so an unchanged feed costs a 304) and delivers
/// entries it has not delivered before, remembering a bounded set of entry ids in its checkpoint.
/// </summary>
internal sealed class RssSource : PollingSource<RssCheckpoint>
{
    private const string Platform = "rss";
    private readonly RssSourceOptions _options;
    private readonly Uri _feedUrl;

    public RssSource(SourceContext context, RssSourceOptions options)
        : base(context, options)
    {
        _options = options;
        _feedUrl = options.FeedUrl ?? throw new ArgumentException("FeedUrl is required.", nameof(options));
    }

    protected override RssCheckpoint Start() => new() { Since = FirstRunStartTime() };

    protected override RssCheckpoint Restore(string checkpointValue) =>
        JsonSerializer.Deserialize(checkpointValue, RssJsonContext.Default.RssCheckpoint)
        ?? throw new JsonException("The checkpoint is empty.");

    protected override string Save(RssCheckpoint state) => JsonSerializer.Serialize(state, RssJsonContext.Default.RssCheckpoint);

    protected override async Task<PollResult> PollAsync(RssCheckpoint state, CancellationToken cancellationToken)
    {
        var fetch = await GetAsync(_feedUrl, request => Conditional(request, state), cancellationToken).ConfigureAwait(false);
        if (fetch.NotModified)
        {
            return PollResult.Nothing;
        }

        if (fetch.BodyTooLarge)
        {
            return new PollResult { Skipped = [SkipTooLarge("feed")] };
        }

        var text = TextDecoding.Decode(fetch.Body, fetch.ContentHeaders?.ContentType?.CharSet, out var encoding, out var valid);
        if (!valid)
        {
            Context.Logger.InvalidEncoding(Name, encoding);
        }

        // Relative links in the feed are relative to where it says it is (Content-Location), else to where it was fetched.
        var documentUri = UriText.Resolve(_feedUrl, fetch.ContentHeaders?.ContentLocation?.OriginalString) ?? _feedUrl;
        var parsed = FeedParser.Parse(text, _options.MaxResponseBytes, documentUri);
        var skipped = new List<SkippedItem>();
        if (parsed.Error is not null)
        {
            skipped.Add(Skip($"feed line {parsed.ErrorLine}", parsed.Error, Excerpts.From(text)));
        }

        var now = Context.Time.GetUtcNow();
        var seen = new BoundedIdSet(_options.SeenIdCapacity, state.Seen);
        var posts = new List<Post>();
        foreach (var entry in parsed.Entries)
        {
            var post = ToPost(entry, now);
            if (!seen.Add(post.Id))
            {
                continue;
            }

            if (!state.Primed && state.Since is { } since && (entry.Published is null || entry.Published < since))
            {
                continue;
            }

            posts.Add(post);
        }

        // A feed that could not be read whole keeps its old validators, so the next poll reads it again.
        if (parsed.Error is null)
        {
            state.ETag = fetch.Headers.ETag?.ToString() ?? fetch.Header("ETag");
            state.LastModified = fetch.ContentHeaders?.LastModified?.ToString("R") ?? fetch.Header("Last-Modified");
            state.Primed = true;
            state.Since = null;
        }

        state.Seen = seen.ToList();
        return new PollResult { Posts = posts, Skipped = skipped };
    }

    /// <summary>Asks for a feed format and sends the validators, so an unchanged feed costs a 304.</summary>
    private static void Conditional(HttpRequestMessage request, RssCheckpoint state)
    {
        request.Headers.TryAddWithoutValidation("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
        if (state.ETag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", state.ETag);
        }

        if (state.LastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", state.LastModified);
        }
    }

    private Post ToPost(FeedEntry entry, DateTimeOffset now)
    {
        var link = entry.Link is null ? null : Unwrap(entry.Link);

        // RSS 2.0 allows an item with nothing but a description: its id is derived from what it says.
        var nativeId = entry.Id ?? link ?? Hash(entry.Title ?? entry.Html ?? string.Empty, entry.Published);
        if (!nativeId.Contains(':', StringComparison.Ordinal))
        {
            // A bare guid ("1234") is only unique within its feed.
            nativeId = string.Concat(_feedUrl.Host, "/", nativeId);
        }

        var links = new List<string>();
        if (link is not null && Uri.TryCreate(link, UriKind.Absolute, out var linkUri))
        {
            links.Add(linkUri.AbsoluteUri);
        }

        var title = HtmlText.ToText(entry.Title);
        var bodyLinks = new List<string>();
        var body = HtmlText.ToText(entry.Html, bodyLinks, entry.ContentBase);
        foreach (var found in bodyLinks.Select(Unwrap).Where(l => !links.Contains(l)))
        {
            links.Add(found);
        }

        var text = body.Length == 0 || body.StartsWith(title, StringComparison.Ordinal) ? (body.Length == 0 ? title : body) : string.Concat(title, "\n", body);
        var url = links.Count > 0 ? new Uri(links[0]) : null;
        var handle = entry.AuthorName ?? url?.Host ?? _feedUrl.Host;
        return new Post
        {
            Id = Post.CreateId(Platform, nativeId),
            Source = Platform,
            Author = new Author { Platform = Platform, Handle = handle, DisplayName = entry.AuthorName },
            Text = text,
            CreatedAt = entry.Published ?? now,
            Url = url,
            Entities = new PostEntities { Links = links },
        };
    }

    private string Unwrap(string link) => _options.UnwrapGoogleRedirects ? GoogleRedirect.Unwrap(link) : link;

    private static string Hash(string content, DateTimeOffset? published) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{content}\n{published:O}")));
}
