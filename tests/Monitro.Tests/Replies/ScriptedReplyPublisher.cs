namespace Monitro.Tests.Replies;

/// <summary>A publisher whose attempts follow a script: each entry fails with its exception, or publishes when null.</summary>
internal sealed class ScriptedReplyPublisher(string account, int maxLength, params Exception?[] script) : IReplyPublisher
{
    private readonly Queue<Exception?> _script = new(script);

    public string Platform => "mastodon";

    public string Account => account;

    public List<Reply> Attempts { get; } = [];

    public ValueTask<ReplyLimit> GetLimitAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ReplyLimit(maxLength, ReplyLengthUnit.CodePoints));

    public ValueTask<PublishedReply> PublishAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        Attempts.Add(reply);
        if (_script.TryDequeue(out var failure) && failure is not null)
        {
            throw failure;
        }

        return ValueTask.FromResult(new PublishedReply($"mastodon:https://example.social/users/{account}/statuses/{reply.Id}", null));
    }
}
