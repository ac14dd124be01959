using Monitro.Samples.Crm.Data;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Replies;

/// <summary>
/// The cases' side of Monitro's inbox and reply desk: reads each case's inbox item and replies, and writes, approves
/// and publishes replies. Every reply goes through <see cref="ReplyDesk"/> (committed first, then published); the CRM
/// keeps only which reply answers which case.
/// </summary>
public sealed class CaseReplies
{
    /// <summary>Who approves in the sample (it has no login).</summary>
    public const string Approver = "crm-lead";

    private const string Agent = "crm-agent";

    private readonly MonitroLink _link;
    private readonly CrmDatabase _database;

    /// <summary>Creates the service.</summary>
    public CaseReplies(MonitroLink link, CrmDatabase database)
    {
        _link = link;
        _database = database;
    }

    /// <summary>Reads the state of each case's post; empty when no Monitro runs in this process.</summary>
    public async Task<IReadOnlyDictionary<string, CaseReplyView>> ReadAsync(IEnumerable<CaseView> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var views = new Dictionary<string, CaseReplyView>(StringComparer.Ordinal);
        if (_link.Services is not { } services)
        {
            return views;
        }

        var inbox = services.GetRequiredService<IMonitroInbox>();
        var desk = services.GetRequiredService<ReplyDesk>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var openCase in cases)
        {
            var replies = new List<Reply>();
            foreach (var replyId in _database.CaseReplies(openCase.PostId))
            {
                if (await desk.GetAsync(replyId, cancellationToken) is { } reply)
                {
                    replies.Add(reply);
                }
            }

            var item = await inbox.GetItemAsync(openCase.PostId, cancellationToken);
            views[openCase.PostId] = new CaseReplyView(item, replies, now, SampleReplyAccounts.ForPost(openCase.PostId));
        }

        return views;
    }

    /// <summary>Writes a reply to the case's post (the text, or else the saved reply filled with the contact's name) and publishes it unless it waits for approval.</summary>
    /// <returns><see langword="null"/> when the reply was committed; otherwise why it was refused (nothing was committed).</returns>
    public async Task<string?> SendAsync(CaseView openCase, string replyId, string? text, string? template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openCase);
        if (_link.Services is not { } services)
        {
            return "Monitro does not run in this process (start the CRM with --replay), so it cannot reply.";
        }

        if (SampleReplyAccounts.ForPost(openCase.PostId) is not { } account)
        {
            return "The sample has no account on this post's platform.";
        }

        var desk = services.GetRequiredService<ReplyDesk>();
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrEmpty(template))
        {
            if (!SampleReplyAccounts.Templates.ContainsKey(template))
            {
                return "There is no such saved reply.";
            }

            text = desk.RenderTemplate(template, new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = openCase.ContactName });
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "Write a reply or choose a saved one.";
        }

        var item = await services.GetRequiredService<IMonitroInbox>().GetItemAsync(openCase.PostId, cancellationToken);
        Reply reply;
        try
        {
            reply = await desk.CreateAsync(
                new ReplyDraft { Id = replyId, Account = account.Account, InReplyToPostId = openCase.PostId, ItemId = item?.Id, Text = text, Author = Agent },
                cancellationToken);
        }
        catch (ReplyTooLongException tooLong)
        {
            return tooLong.Message;
        }

        _database.AddCaseReply(openCase.PostId, reply.Id, services.GetRequiredService<TimeProvider>().GetUtcNow());
        await PublishAsync(desk, reply, cancellationToken);
        return null;
    }

    /// <summary>Approves a reply waiting for approval and publishes it.</summary>
    /// <returns><see langword="null"/> when approved; otherwise why not.</returns>
    public async Task<string?> ApproveAsync(string replyId, CancellationToken cancellationToken)
    {
        if (_link.Services is not { } services)
        {
            return "Monitro does not run in this process.";
        }

        var desk = services.GetRequiredService<ReplyDesk>();
        try
        {
            await PublishAsync(desk, await desk.ApproveAsync(replyId, Approver, cancellationToken), cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException)
        {
            return exception.Message;
        }
    }

    // The replay's Monitro runs no background dispatcher (its clock stands still once the replay is done): one pass by hand.
    private static async Task PublishAsync(ReplyDesk desk, Reply reply, CancellationToken cancellationToken)
    {
        if (reply.State == ReplyState.Queued)
        {
            await desk.PublishDueAsync(cancellationToken);
        }
    }
}
