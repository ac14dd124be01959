using System.Net.Http.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Mastodon;

/// <summary>
/// Publishes replies as one Mastodon account: resolves the post answered to its id on our server
/// (<c>GET /api/v2/search?resolve=true</c> with the post's URI), then posts <c>POST /api/v1/statuses</c> with an
/// <c>Idempotency-Key</c> made from the reply's id, so a retry within the server's window (about an hour) returns the
/// status already created instead of a second one.
/// </summary>
internal sealed class MastodonReplyPublisher(string account, MastodonReplyOptions options, ReplyHttp http) : IReplyPublisher
{
    private const int DefaultMaxCharacters = 500;
    private readonly Uri _instance = options.Instance!;
    private ReplyLimit? _limit;

    public string Platform => "mastodon";

    public string Account => account;

    public async ValueTask<ReplyLimit> GetLimitAsync(CancellationToken cancellationToken = default)
    {
        if (_limit is { } known)
        {
            return known;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_instance, "api/v2/instance"));
        var body = await http.SendAsync(request, options.AccessToken, cancellationToken).ConfigureAwait(false);
        var instance = ReplyHttp.Read(body, MastodonReplyJsonContext.Default.MastodonInstance);
        var limit = new ReplyLimit(instance?.Configuration?.Statuses?.MaxCharacters is > 0 and var max ? max : DefaultMaxCharacters, ReplyLengthUnit.CodePoints);
        _limit = limit;
        return limit;
    }

    public async ValueTask<PublishedReply> PublishAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var parentId = await ResolveAsync(NativeId(reply.InReplyToPostId), cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_instance, "api/v1/statuses"))
        {
            Content = JsonContent.Create(
                new MastodonNewStatus { Status = reply.Text, InReplyToId = parentId, Visibility = options.Visibility },
                MastodonReplyJsonContext.Default.MastodonNewStatus),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey(reply));
        var body = await http.SendAsync(request, options.AccessToken, cancellationToken).ConfigureAwait(false);
        var status = ReplyHttp.Read(body, MastodonReplyJsonContext.Default.MastodonStatus);
        if (string.IsNullOrEmpty(status?.Uri))
        {
            throw new ReplyPublishException("The server answered the new status without its URI.");
        }

        return new PublishedReply(Post.CreateId(Platform, status.Uri), Uri.TryCreate(status.Url, UriKind.Absolute, out var url) ? url : null);
    }

    /// <summary>The key the server remembers the creation under: the same for every attempt of one reply.</summary>
    internal static string IdempotencyKey(Reply reply) => "monitro-reply-" + reply.Id;

    /// <summary>Finds the id on our server of the status with this URI, fetching it from its home server when needed.</summary>
    private async Task<string> ResolveAsync(string statusUri, CancellationToken cancellationToken)
    {
        var query = $"api/v2/search?q={Uri.EscapeDataString(statusUri)}&type=statuses&resolve=true&limit=1";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_instance, query));
        var body = await http.SendAsync(request, options.AccessToken, cancellationToken).ConfigureAwait(false);
        var found = ReplyHttp.Read(body, MastodonReplyJsonContext.Default.MastodonSearchResult)?.Statuses?
            .FirstOrDefault(status => string.Equals(status.Uri, statusUri, StringComparison.Ordinal));
        return found?.Id is { Length: > 0 } id
            ? id
            : throw new ReplyPublishException("Our server cannot find the post answered (deleted, or not visible to the account).") { StatusCode = 404, IsPermanent = true };
    }

    private string NativeId(string postId)
    {
        var prefix = Platform + ":";
        return postId.StartsWith(prefix, StringComparison.Ordinal) && Uri.TryCreate(postId[prefix.Length..], UriKind.Absolute, out _)
            ? postId[prefix.Length..]
            : throw new ReplyPublishException($"'{postId}' is not the id of a Mastodon post read by Monitro.") { IsPermanent = true };
    }
}
