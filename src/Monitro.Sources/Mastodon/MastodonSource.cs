using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Mastodon;

/// <summary>
/// Follows hashtag timelines on a Mastodon server, paging forward with <c>min_id</c> (from the <c>Link</c> header when
/// the server sends one). Posts are identified by the status <c>uri</c>, which is the same on every server, so a status
/// seen through two servers (two sources) or under two tags has one id.
/// </summary>
internal sealed class MastodonSource : PollingSource<MastodonCheckpoint>
{
    private const string Platform = "mastodon";
    private readonly MastodonSourceOptions _options;
    private readonly Uri _instance;
    private readonly string[] _tags;

    public MastodonSource(SourceContext context, MastodonSourceOptions options)
        : base(context, options)
    {
        _options = options;
        _instance = options.Instance ?? throw new ArgumentException("Instance is required.", nameof(options));
        _tags = [.. options.Hashtags.Select(t => t.TrimStart('#').ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }

    protected override MastodonCheckpoint Start()
    {
        // Mastodon ids are snowflakes (milliseconds << 16), so a time converts to a min_id; "0" means from the start.
        var since = FirstRunStartTime();
        var minId = since is { } t ? (Math.Max(0, t.ToUnixTimeMilliseconds()) << 16).ToString(CultureInfo.InvariantCulture) : "0";
        return new MastodonCheckpoint { MinIds = _tags.ToDictionary(t => t, _ => minId, StringComparer.Ordinal) };
    }

    protected override MastodonCheckpoint Restore(string checkpointValue)
    {
        var state = JsonSerializer.Deserialize(checkpointValue, MastodonJsonContext.Default.MastodonCheckpoint)
            ?? throw new JsonException("The checkpoint is empty.");
        var fresh = Start();
        foreach (var tag in _tags.Where(t => !state.MinIds.ContainsKey(t)))
        {
            state.MinIds[tag] = fresh.MinIds[tag];
        }

        return state;
    }

    protected override string Save(MastodonCheckpoint state) => JsonSerializer.Serialize(state, MastodonJsonContext.Default.MastodonCheckpoint);

    protected override async Task<PollResult> PollAsync(MastodonCheckpoint state, CancellationToken cancellationToken)
    {
        var tagIndex = state.NextTag % _tags.Length;
        var tag = _tags[tagIndex];
        var minId = state.MinIds[tag];
        var path = $"api/v1/timelines/tag/{Uri.EscapeDataString(tag)}?limit={_options.PageSize}&min_id={Uri.EscapeDataString(minId)}";
        HttpFetch fetch;
        try
        {
            fetch = await GetAsync(new Uri(_instance, path), Authorize, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failing tag (unknown, restricted) must not starve the others: the next attempt moves on.
            state.NextTag = (tagIndex + 1) % _tags.Length;
            throw;
        }

        var notBefore = RateLimitResetAt(fetch);
        var position = $"#{tag} min_id={minId}";
        using var document = ReadJson(fetch, position, static root => root.ValueKind == JsonValueKind.Array, "a JSON array of statuses", out var unreadable);
        if (document is null)
        {
            // The page is retried on the next round; the other tags go on meanwhile.
            state.NextTag = tagIndex + 1;
            return new PollResult { Skipped = [unreadable!], NotBefore = notBefore };
        }

        var seen = new BoundedIdSet(_options.SeenIdCapacity, state.Seen);
        var posts = new List<Post>();
        var skipped = new List<SkippedItem>();
        string? newest = null;
        var count = 0;
        foreach (var element in document.RootElement.EnumerateArray().Reverse())
        {
            count++;
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String &&
                IsNewer(idElement.GetString()!, newest))
            {
                newest = idElement.GetString();
            }

            if (!JsonPayload.TryRead(element, MastodonJsonContext.Default.MastodonStatus, out var status, out var itemError))
            {
                skipped.Add(Skip($"{position} item {count}", itemError!, Excerpts.From(element.GetRawText())));
                continue;
            }

            var post = ToPost(status!, out var missing);
            if (post is null)
            {
                skipped.Add(Skip($"{position} item {count}", $"the status has no {missing}", Excerpts.From(element.GetRawText())));
                continue;
            }

            if (seen.Add(post.Id))
            {
                posts.Add(post);
            }
        }

        var next = LinkHeader.QueryParameter(fetch.Header("Link"), "prev", "min_id") ?? newest;
        if (next is not null && IsNewer(next, minId))
        {
            state.MinIds[tag] = next;
        }

        var fullPage = count >= _options.PageSize;
        if (!fullPage)
        {
            state.NextTag = tagIndex + 1;
        }

        state.NextTag %= _tags.Length;
        state.Seen = seen.ToList();
        return new PollResult
        {
            Posts = posts,
            Skipped = skipped,
            MoreAvailable = fullPage || state.NextTag != 0,
            NotBefore = notBefore,
        };
    }

    private void Authorize(HttpRequestMessage request)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(_options.AccessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        }
    }

    private Post? ToPost(MastodonStatus status, out string? missing)
    {
        var shown = status.Reblog ?? status;
        missing = status.Uri is null ? "uri" : status.CreatedAt is null ? "created_at" : status.Account?.Acct is null ? "account.acct" : null;
        if (missing is not null)
        {
            return null;
        }

        var account = status.Account!;
        var handle = account.Acct!.Contains('@', StringComparison.Ordinal) ? account.Acct : $"{account.Acct}@{_instance.Host}";
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var url in (shown.Mentions ?? []).Select(m => m.Url).Concat((shown.Tags ?? []).Select(t => t.Url)).OfType<string>())
        {
            excluded.Add(url);
        }

        var found = new List<string>();
        var text = HtmlText.ToText(shown.Content, found);
        if (!string.IsNullOrWhiteSpace(shown.SpoilerText))
        {
            text = string.Concat(shown.SpoilerText.Trim(), "\n", text);
        }

        var links = found.Where(l => !excluded.Contains(l) && !l.Contains("/tags/", StringComparison.OrdinalIgnoreCase)).ToList();
        if (shown.Card?.Url is { } cardUrl && Uri.TryCreate(cardUrl, UriKind.Absolute, out var card) && !links.Contains(card.AbsoluteUri))
        {
            links.Add(card.AbsoluteUri);
        }

        return new Post
        {
            Id = Post.CreateId(Platform, status.Uri!),
            Source = Platform,
            Author = new Author
            {
                Platform = Platform,
                Handle = handle,
                DisplayName = string.IsNullOrWhiteSpace(account.DisplayName) ? null : account.DisplayName,
                ProfileUrl = Uri.TryCreate(account.Url, UriKind.Absolute, out var profile) ? profile : null,
                Followers = account.FollowersCount,
                VerifiedLinks = VerifiedLinks(account),
            },
            Text = text,
            CreatedAt = status.CreatedAt!.Value,
            Language = shown.Language,
            Url = Uri.TryCreate(shown.Url ?? status.Url, UriKind.Absolute, out var url2) ? url2 : null,

            // Mastodon names the parent by its server-local id only, not by its uri.
            ReplyToId = shown.InReplyToId is { Length: > 0 } parent ? Post.CreateId(Platform, $"{_instance.Host}/local/{parent}") : null,
            IsRepost = status.Reblog is not null,
            Entities = new PostEntities
            {
                Hashtags = [.. (shown.Tags ?? []).Select(t => t.Name).OfType<string>()],
                Mentions = [.. (shown.Mentions ?? []).Select(m => m.Acct).OfType<string>()],
                Links = links,
            },
        };
    }

    private DateTimeOffset? RateLimitResetAt(HttpFetch fetch)
    {
        if (!double.TryParse(fetch.Header("X-RateLimit-Remaining"), NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining) || remaining >= 1)
        {
            return null;
        }

        var reset = fetch.Header("X-RateLimit-Reset");
        return DateTimeOffset.TryParse(reset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : Context.Time.GetUtcNow().AddMinutes(5);
    }

    /// <summary>Compares ids as numbers of any length when both are digits (Mastodon), otherwise ordinally.</summary>
    private static bool IsNewer(string candidate, string? current)
    {
        if (current is null)
        {
            return true;
        }

        var numeric = candidate.All(char.IsAsciiDigit) && current.All(char.IsAsciiDigit);
        if (numeric)
        {
            var a = candidate.TrimStart('0');
            var b = current.TrimStart('0');
            return a.Length != b.Length ? a.Length > b.Length : string.CompareOrdinal(a, b) > 0;
        }

        return string.CompareOrdinal(candidate, current) > 0;
    }

    // A profile field whose link the server verified (rel="me" back-link) ties the account to that site,
    // which lets the relationship stage merge this identity with others of the same person.
    private static List<Uri>? VerifiedLinks(MastodonAccount account)
    {
        List<Uri>? links = null;
        foreach (var field in account.Fields ?? [])
        {
            if (field?.Value is not { } value || string.IsNullOrEmpty(field.VerifiedAt))
            {
                continue;
            }

            var start = value.IndexOf("href=\"", StringComparison.OrdinalIgnoreCase);
            var end = start < 0 ? -1 : value.IndexOf('"', start + 6);
            if (end > start
                && Uri.TryCreate(System.Net.WebUtility.HtmlDecode(value[(start + 6)..end]), UriKind.Absolute, out var link)
                && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp))
            {
                (links ??= []).Add(link);
            }
        }

        return links;
    }
}
