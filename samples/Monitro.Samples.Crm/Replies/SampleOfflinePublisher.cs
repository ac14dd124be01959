using Monitro.Samples.Crm.Data;

namespace Monitro.Samples.Crm.Replies;

/// <summary>
/// The sample's reply publisher: it posts nothing anywhere. It records the reply in the CRM's own database and
/// reports it published, so the sample runs offline; the pages say "sent (sample, offline)", never that it was posted.
/// A real CRM registers a real publisher instead (for example <c>AddMastodonReplies</c>, docs/replies.md).
/// </summary>
public sealed class SampleOfflinePublisher : IReplyPublisher
{
    /// <summary>The start of the post ids this publisher makes up, so the pages can tell its replies from posted ones.</summary>
    public const string PostIdMarker = "sample-offline-";

    private readonly CrmDatabase _database;
    private readonly ReplyLimit _limit;
    private readonly TimeProvider _time;

    /// <summary>Creates the publisher of one account.</summary>
    public SampleOfflinePublisher(string platform, string account, ReplyLimit limit, CrmDatabase database, TimeProvider time)
    {
        Platform = platform;
        Account = account;
        _limit = limit;
        _database = database;
        _time = time;
    }

    /// <inheritdoc/>
    public string Platform { get; }

    /// <inheritdoc/>
    public string Account { get; }

    /// <summary>Tells whether a published reply came from this sample publisher (posted nowhere).</summary>
    public static bool IsOffline(Reply reply) => reply?.PublishedPostId?.Contains(PostIdMarker, StringComparison.Ordinal) == true;

    /// <inheritdoc/>
    public ValueTask<ReplyLimit> GetLimitAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_limit);

    /// <inheritdoc/>
    public ValueTask<PublishedReply> PublishAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _database.RecordOfflineReply(reply.Id, Platform, Account, reply.InReplyToPostId, reply.Text, _time.GetUtcNow());
        return ValueTask.FromResult(new PublishedReply(Post.CreateId(Platform, PostIdMarker + reply.Id), Url: null));
    }
}
