using System.Globalization;
using System.Text.RegularExpressions;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Reddit;

/// <summary>
/// Publishes replies as one Reddit user: <c>POST /api/comment</c> (<c>thing_id</c>, <c>text</c>, <c>api_type=json</c>)
/// on the OAuth API with the user's token (refresh-token grant; a refused token is replaced once). Reddit has no
/// idempotency key, so an attempt after an earlier one (which may have posted before its answer was lost) first reads
/// the user's newest comments (<c>GET /user/{name}/comments</c>, one request) and takes a comment found there with the
/// same parent and text, made since the reply was queued, as published.
/// </summary>
internal sealed partial class RedditReplyPublisher(string account, RedditReplyOptions options, ReplyHttp http, RedditTokenProvider tokens) : IReplyPublisher
{
    /// <summary>Reddit's limit on a comment, in characters.</summary>
    public const int MaxCharacters = 10_000;

    // Our clock and Reddit's may differ; a comment a little older than the queueing is still taken as ours.
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);
    private static readonly ReplyLimit Limit = new(MaxCharacters, ReplyLengthUnit.CodePoints);
    private readonly Uri _api = options.ApiBaseAddress!;
    private string? _userName;

    public string Platform => "reddit";

    public string Account => account;

    public ValueTask<ReplyLimit> GetLimitAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Limit);

    public async ValueTask<PublishedReply> PublishAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var thingId = NativeId(reply.InReplyToPostId);
        if (reply.Attempts > 1 && await FindOursAsync(thingId, reply, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        var answer = await http.ExchangeAsync(
            () => Request(HttpMethod.Post, "api/comment", new FormUrlEncodedContent(
            [
                new("api_type", "json"),
                new("thing_id", thingId),
                new("text", reply.Text),
            ])),
            tokens,
            cost: 1,
            cancellationToken).ConfigureAwait(false);
        var result = answer.IsSuccess
            ? ReplyHttp.Read(answer.Body, RedditReplyJsonContext.Default.RedditCommentResponse)?.Json
            : throw ReplyHttp.Refusal(answer);
        if (result?.Errors is [[var code, var message, ..], ..])
        {
            throw Refused(code, message);
        }

        return result?.Data?.Things?.FirstOrDefault()?.Data is { Name: { Length: > 0 } } comment
            ? Published(comment)
            : throw new ReplyPublishException("Reddit answered the comment without the new comment's name.");
    }

    /// <summary>Our comment on the thing with the reply's text, made since the reply was queued; <see langword="null"/> when there is none.</summary>
    private async Task<PublishedReply?> FindOursAsync(string thingId, Reply reply, CancellationToken cancellationToken)
    {
        var user = await UserNameAsync(cancellationToken).ConfigureAwait(false);
        var path = string.Create(CultureInfo.InvariantCulture, $"user/{Uri.EscapeDataString(user)}/comments?sort=new&limit={options.LookupDepth}&raw_json=1");
        var answer = await http.ExchangeAsync(() => Request(HttpMethod.Get, path), tokens, cost: 1, cancellationToken).ConfigureAwait(false);
        var listing = answer.IsSuccess ? ReplyHttp.Read(answer.Body, RedditReplyJsonContext.Default.RedditListing) : throw ReplyHttp.Refusal(answer);
        var since = ((reply.QueuedAt ?? reply.CreatedAt) - ClockSlack).ToUnixTimeSeconds();
        var text = Normalize(reply.Text);
        return listing?.Data?.Children?
            .Select(static child => child.Data)
            .FirstOrDefault(comment => comment is { Name.Length: > 0, Body: not null }
                && comment.ParentId == thingId
                && comment.CreatedUtc >= since
                && Normalize(comment.Body) == text) is { } ours
            ? Published(ours)
            : null;
    }

    /// <summary>The user the refresh token speaks for, asked once (<c>GET /api/v1/me</c>).</summary>
    private async Task<string> UserNameAsync(CancellationToken cancellationToken)
    {
        if (_userName is { } known)
        {
            return known;
        }

        var answer = await http.ExchangeAsync(() => Request(HttpMethod.Get, "api/v1/me"), tokens, cost: 1, cancellationToken).ConfigureAwait(false);
        var me = answer.IsSuccess ? ReplyHttp.Read(answer.Body, RedditReplyJsonContext.Default.RedditMe) : throw ReplyHttp.Refusal(answer);
        _userName = me?.Name is { Length: > 0 } name ? name : throw new ReplyPublishException("Reddit answered /api/v1/me without the user's name.");
        return _userName;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(_api, path)) { Content = content };
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        return request;
    }

    private PublishedReply Published(RedditThing comment) => new(
        Post.CreateId(Platform, comment.Name!),
        comment.Permalink is { Length: > 0 } permalink && Uri.TryCreate(new Uri("https://www.reddit.com/"), permalink, out var url) ? url : null);

    /// <summary>Reddit answers 200 with an error list: <c>RATELIMIT</c> asks to wait ("try again in 5 minutes"), the others are for good.</summary>
    private static ReplyPublishException Refused(string? code, string? message)
    {
        if (code == "RATELIMIT")
        {
            return new ReplyPublishException("Reddit refused the comment: RATELIMIT (the user comments too often).") { StatusCode = 429, RetryAfter = WaitOf(message) };
        }

        return new ReplyPublishException($"Reddit refused the comment: {code ?? "an unnamed error"}.") { StatusCode = 422, IsPermanent = true };
    }

    private static TimeSpan WaitOf(string? message)
    {
        var match = message is null ? Match.Empty : Wait().Match(message);
        if (!match.Success)
        {
            return TimeSpan.FromMinutes(1);
        }

        var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.StartsWith("second", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromSeconds(amount) : TimeSpan.FromMinutes(amount);
    }

    // Reddit keeps a comment as sent but for line endings and surrounding white space.
    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();

    private string NativeId(string postId)
    {
        var prefix = Platform + ":";
        return postId.StartsWith(prefix, StringComparison.Ordinal) && ThingId().IsMatch(postId[prefix.Length..])
            ? postId[prefix.Length..]
            : throw new ReplyPublishException($"'{postId}' is not the id of a Reddit post or comment read by Monitro.") { IsPermanent = true };
    }

    [GeneratedRegex(@"^t[13]_[a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThingId();

    [GeneratedRegex(@"(?<amount>\d{1,4}) (?<unit>second|minute)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Wait();
}
