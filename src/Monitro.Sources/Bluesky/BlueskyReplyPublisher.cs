using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>
/// Publishes replies as one Bluesky account: reads the post answered (<c>app.bsky.feed.getPosts</c>) for its
/// <c>cid</c> and its thread's root, then writes an <c>app.bsky.feed.post</c> record with
/// <c>com.atproto.repo.createRecord</c> under the record key chosen when the reply was created. Bluesky has no
/// idempotency key; the record key is one: a retry names the same record, so it conflicts instead of posting twice,
/// and a refused or failed create looks the key up (<c>com.atproto.repo.getRecord</c>) and takes a record found there
/// with our text and parent as published.
/// </summary>
internal sealed class BlueskyReplyPublisher(string account, BlueskyReplyOptions options, ReplyHttp http, BlueskySession session, TimeProvider time) : IReplyPublisher
{
    /// <summary>Bluesky's limit on a post's text, in graphemes.</summary>
    public const int MaxGraphemes = 300;

    /// <summary>What a record creation costs of the account's 5,000 points per hour.</summary>
    public const int CreateCost = 3;

    private const string PostCollection = "app.bsky.feed.post";
    private static readonly ReplyLimit Limit = new(MaxGraphemes, ReplyLengthUnit.Graphemes);
    private readonly Uri _service = options.ServiceUrl!;

    public string Platform => BlueskyPostMapper.Platform;

    public string Account => account;

    public ValueTask<ReplyLimit> GetLimitAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Limit);

    public string? ChooseRecordKey(DateTimeOffset now) => BlueskyTid.Create(now);

    public async ValueTask<PublishedReply> PublishAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var rkey = BlueskyTid.IsValid(reply.RecordKey)
            ? reply.RecordKey!
            : throw new ReplyPublishException("The reply has no record key (a TID chosen at creation); it cannot be published safely.") { IsPermanent = true };
        var parentUri = NativeId(reply.InReplyToPostId);
        var parent = await ReadParentAsync(parentUri, cancellationToken).ConfigureAwait(false);
        var did = session.Did ?? throw new ReplyPublishException("The server answered the sign-in without the account's DID.");
        var record = new FeedPostRecord
        {
            Type = PostCollection,
            Text = reply.Text,
            CreatedAt = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Reply = new ReplyRef { Root = parent.Record?.Reply?.Root is { Uri.Length: > 0, Cid.Length: > 0 } root ? root : Ref(parent), Parent = Ref(parent) },
            Facets = await FacetsAsync(reply.Text, cancellationToken).ConfigureAwait(false),
        };
        var answer = await http.ExchangeAsync(
            () => new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.repo.createRecord"))
            {
                Content = JsonContent.Create(
                    new CreateRecordRequest { Repo = did, Collection = PostCollection, Rkey = rkey, Record = record },
                    BlueskyReplyJsonContext.Default.CreateRecordRequest),
            },
            session,
            CreateCost,
            cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            var created = ReplyHttp.Read(answer.Body, BlueskyReplyJsonContext.Default.RecordResponse);
            return created?.Uri is { Length: > 0 } uri
                ? Published(uri)
                : throw new ReplyPublishException("The server answered the new record without its URI.");
        }

        // A refusal other than throttling may be the conflict of an earlier attempt that did create the record.
        if (answer.StatusCode != HttpStatusCode.TooManyRequests && await FindOursAsync(did, rkey, reply.Text, parentUri, cancellationToken).ConfigureAwait(false) is { } ours)
        {
            return ours;
        }

        throw ReplyHttp.Refusal(answer, XrpcError.NameOf(answer.Body));
    }

    /// <summary>The record under our record key, when it is this reply (our text, answering the same post); <see langword="null"/> when the key is free.</summary>
    private async Task<PublishedReply?> FindOursAsync(string did, string rkey, string text, string parentUri, CancellationToken cancellationToken)
    {
        var query = $"com.atproto.repo.getRecord?repo={Uri.EscapeDataString(did)}&collection={PostCollection}&rkey={rkey}";
        using var request = new HttpRequestMessage(HttpMethod.Get, Xrpc(query));
        var answer = await http.ExchangeAsync(request, bearerToken: null, cost: 0, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode is HttpStatusCode.NotFound || (answer.StatusCode is HttpStatusCode.BadRequest && XrpcError.NameOf(answer.Body) == "RecordNotFound"))
        {
            return null;
        }

        var found = answer.IsSuccess ? ReplyHttp.Read(answer.Body, BlueskyReplyJsonContext.Default.RecordResponse) : throw ReplyHttp.Refusal(answer, XrpcError.NameOf(answer.Body));
        if (found?.Value is { } value && value.Text == text && value.Reply?.Parent?.Uri == parentUri && found.Uri is { Length: > 0 } uri)
        {
            return Published(uri);
        }

        throw new ReplyPublishException("Another post of the account already has the reply's record key; the reply was not published.") { IsPermanent = true };
    }

    /// <summary>The post answered, with its cid and the root of its thread.</summary>
    private async Task<PostView> ReadParentAsync(string parentUri, CancellationToken cancellationToken)
    {
        var answer = await http.ExchangeAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Xrpc("app.bsky.feed.getPosts?uris=" + Uri.EscapeDataString(parentUri))),
            session,
            cost: 0,
            cancellationToken).ConfigureAwait(false);
        var posts = answer.IsSuccess ? ReplyHttp.Read(answer.Body, BlueskyReplyJsonContext.Default.PostsResponse) : throw ReplyHttp.Refusal(answer, XrpcError.NameOf(answer.Body));
        return posts?.Posts?.FirstOrDefault(post => post.Uri == parentUri) is { Cid.Length: > 0 } parent
            ? parent
            : throw new ReplyPublishException("The post answered cannot be found (deleted, or not visible to the account).") { StatusCode = 404, IsPermanent = true };
    }

    /// <summary>The facets of the text: mentions whose handle resolves to a DID (others stay plain text), and links.</summary>
    private async Task<List<Facet>?> FacetsAsync(string text, CancellationToken cancellationToken)
    {
        var facets = new List<Facet>();
        foreach (var span in BlueskyFacets.Find(text))
        {
            var feature = span.Type == BlueskyFacets.LinkType
                ? new FacetFeature { Type = span.Type, Uri = span.Value }
                : await ResolveAsync(span.Value, cancellationToken).ConfigureAwait(false) is { } did ? new FacetFeature { Type = span.Type, Did = did } : null;
            if (feature is not null)
            {
                facets.Add(new Facet { Index = new FacetIndex { ByteStart = span.ByteStart, ByteEnd = span.ByteEnd }, Features = [feature] });
            }
        }

        return facets.Count > 0 ? facets : null;
    }

    private async Task<string?> ResolveAsync(string handle, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Xrpc("com.atproto.identity.resolveHandle?handle=" + Uri.EscapeDataString(handle)));
        var answer = await http.ExchangeAsync(request, bearerToken: null, cost: 0, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            return null; // no such handle: the text stays as written
        }

        return answer.IsSuccess
            ? ReplyHttp.Read(answer.Body, BlueskyReplyJsonContext.Default.ResolveHandleResponse)?.Did
            : throw ReplyHttp.Refusal(answer, XrpcError.NameOf(answer.Body));
    }

    private PublishedReply Published(string uri)
    {
        var parts = uri.Split('/');
        var url = parts is ["at:", "", var did, PostCollection, var key] ? new Uri($"https://bsky.app/profile/{did}/post/{key}") : null;
        return new PublishedReply(Post.CreateId(Platform, uri), url);
    }

    private static StrongRef Ref(PostView post) => new() { Uri = post.Uri, Cid = post.Cid };

    private Uri Xrpc(string methodAndQuery) => new(_service, "xrpc/" + methodAndQuery);

    private string NativeId(string postId)
    {
        var prefix = Platform + ":";
        return postId.StartsWith(prefix, StringComparison.Ordinal) && postId[prefix.Length..].Split('/') is ["at:", "", { Length: > 0 }, PostCollection, { Length: > 0 }]
            ? postId[prefix.Length..]
            : throw new ReplyPublishException($"'{postId}' is not the id of a Bluesky post read by Monitro.") { IsPermanent = true };
    }
}
