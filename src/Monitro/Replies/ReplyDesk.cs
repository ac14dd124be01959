using Monitro.Replies;

namespace Monitro;

/// <summary>
/// Where replies are written, approved and sent: every reply is committed to the reply outbox first, checked against
/// its platform's length limit, and published afterwards by the dispatcher, exactly once on the platform.
/// </summary>
/// <remarks>
/// Registered by <see cref="MonitroRepliesBuilderExtensions.AddReplies"/>, with one <see cref="IReplyPublisher"/>
/// per account (for example <c>AddMastodonReplies</c>). Thread-safe.
/// </remarks>
public sealed class ReplyDesk
{
    private readonly IReplyOutbox _outbox;
    private readonly IReadOnlyDictionary<string, IReplyPublisher> _publishers;
    private readonly ReplyOptions _options;
    private readonly TimeProvider _time;
    private readonly ReplyDispatcher _dispatcher;

    internal ReplyDesk(IReplyOutbox outbox, IReadOnlyDictionary<string, IReplyPublisher> publishers, ReplyOptions options, TimeProvider time, ReplyDispatcher dispatcher)
    {
        _outbox = outbox;
        _publishers = publishers;
        _options = options;
        _time = time;
        _dispatcher = dispatcher;
    }

    /// <summary>Gets the dispatcher that publishes the desk's replies.</summary>
    internal ReplyDispatcher Dispatcher => _dispatcher;

    /// <summary>Gets the names of the accounts replies can be sent from.</summary>
    public IReadOnlyCollection<string> Accounts => [.. _publishers.Keys];

    /// <summary>Creates and commits a reply: queued for publishing, or waiting for approval when its account requires it.</summary>
    /// <param name="draft">The reply.</param>
    /// <param name="cancellationToken">A token that cancels the creation.</param>
    /// <returns>The committed reply (the one already committed, when the draft names an existing id).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReplyTooLongException">The text is longer than the platform accepts; nothing was committed.</exception>
    /// <exception cref="ArgumentException">The text is empty, no publisher is registered for the account, or the post is not of its platform.</exception>
    public async ValueTask<Reply> CreateAsync(ReplyDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Text, nameof(draft));
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.InReplyToPostId, nameof(draft));
        var publisher = PublisherOf(draft.Account);
        if (!draft.InReplyToPostId.StartsWith(publisher.Platform + ":", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The account '{draft.Account}' publishes on {publisher.Platform}; it cannot answer the post '{draft.InReplyToPostId}'.", nameof(draft));
        }

        var limit = await publisher.GetLimitAsync(cancellationToken).ConfigureAwait(false);
        var length = limit.Measure(draft.Text);
        if (length > limit.MaxLength)
        {
            throw new ReplyTooLongException(
                $"The reply has {length} {Unit(limit)}; {publisher.Platform} accepts at most {limit.MaxLength}.")
            {
                Length = length,
                Limit = limit,
            };
        }

        var now = _time.GetUtcNow();
        var approval = _options.ApprovalRequired.Contains(draft.Account);
        var stored = await _outbox.AddReplyAsync(
            new Reply
            {
                Id = draft.Id ?? Guid.CreateVersion7(now).ToString("N"),
                Platform = publisher.Platform,
                Account = draft.Account,
                InReplyToPostId = draft.InReplyToPostId,
                ItemId = draft.ItemId,
                Text = draft.Text,
                Author = draft.Author,
                State = approval ? ReplyState.AwaitingApproval : ReplyState.Queued,
                RecordKey = publisher.ChooseRecordKey(now),
                NextAttemptAt = now,
                QueuedAt = approval ? null : now,
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);
        if (stored.State == ReplyState.Queued)
        {
            _dispatcher.WakeUp();
        }

        return stored;
    }

    /// <summary>Fills a saved reply (<see cref="ReplyOptions.Templates"/>) with values for its <c>{placeholder}</c>s.</summary>
    /// <param name="templateName">The name of the saved reply.</param>
    /// <param name="values">The value of each placeholder, by name.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">There is no saved reply of that name.</exception>
    /// <exception cref="ArgumentException">A placeholder has no value.</exception>
    public string RenderTemplate(string templateName, IReadOnlyDictionary<string, string> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateName);
        ArgumentNullException.ThrowIfNull(values);
        return _options.Templates.TryGetValue(templateName, out var template)
            ? ReplyTemplates.Render(templateName, template, values)
            : throw new KeyNotFoundException($"There is no saved reply '{templateName}'.");
    }

    /// <summary>Approves a reply waiting for approval: it is queued for publishing.</summary>
    /// <param name="replyId">The id of the reply.</param>
    /// <param name="approver">Who approves it.</param>
    /// <param name="cancellationToken">A token that cancels the command.</param>
    /// <returns>The reply after the change.</returns>
    /// <exception cref="KeyNotFoundException">There is no such reply.</exception>
    /// <exception cref="InvalidOperationException">The reply does not wait for approval, or changed meanwhile.</exception>
    public async ValueTask<Reply> ApproveAsync(string replyId, string approver, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approver);
        var now = _time.GetUtcNow();
        var approved = await ChangeAwaitingAsync(
            replyId,
            reply => reply with { State = ReplyState.Queued, ApprovedBy = approver, QueuedAt = now, NextAttemptAt = now, UpdatedAt = now },
            cancellationToken).ConfigureAwait(false);
        _dispatcher.WakeUp();
        return approved;
    }

    /// <summary>Rejects a reply waiting for approval: it is never sent.</summary>
    /// <param name="replyId">The id of the reply.</param>
    /// <param name="reviewer">Who rejects it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">A token that cancels the command.</param>
    /// <returns>The reply after the change.</returns>
    /// <exception cref="KeyNotFoundException">There is no such reply.</exception>
    /// <exception cref="InvalidOperationException">The reply does not wait for approval, or changed meanwhile.</exception>
    public ValueTask<Reply> RejectAsync(string replyId, string reviewer, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = _time.GetUtcNow();
        return ChangeAwaitingAsync(
            replyId,
            reply => reply with { State = ReplyState.Rejected, ApprovedBy = reviewer, LastError = reason, UpdatedAt = now },
            cancellationToken);
    }

    /// <summary>Reads a reply.</summary>
    /// <param name="replyId">The id of the reply.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The reply, or <see langword="null"/>.</returns>
    public ValueTask<Reply?> GetAsync(string replyId, CancellationToken cancellationToken = default) => _outbox.GetReplyAsync(replyId, cancellationToken);

    /// <summary>Lists replies in one state, oldest first.</summary>
    /// <param name="state">The state.</param>
    /// <param name="maxCount">The most replies to return.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The replies.</returns>
    public ValueTask<IReadOnlyList<Reply>> ListAsync(ReplyState state, int maxCount = 100, CancellationToken cancellationToken = default) =>
        _outbox.ListRepliesAsync(state, maxCount, cancellationToken);

    /// <summary>Makes one attempt at every reply due now, without waiting for the dispatcher (which the host runs in the background).</summary>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>How many replies were attempted.</returns>
    public Task<int> PublishDueAsync(CancellationToken cancellationToken = default) => _dispatcher.PublishDueAsync(cancellationToken);

    private IReplyPublisher PublisherOf(string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return _publishers.TryGetValue(account, out var publisher)
            ? publisher
            : throw new ArgumentException($"No reply publisher is registered for the account '{account}'.", nameof(account));
    }

    private async ValueTask<Reply> ChangeAwaitingAsync(string replyId, Func<Reply, Reply> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(replyId);
        var reply = await _outbox.GetReplyAsync(replyId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no reply '{replyId}'.");
        if (reply.State != ReplyState.AwaitingApproval)
        {
            throw new InvalidOperationException($"The reply is {reply.State}; only a reply awaiting approval can be approved or rejected.");
        }

        var changed = change(reply) with { Version = reply.Version + 1 };
        return await _outbox.SaveReplyAsync(changed, cancellationToken).ConfigureAwait(false)
            ? changed
            : throw new InvalidOperationException("The reply changed meanwhile; read it again.");
    }

    private static string Unit(ReplyLimit limit) => limit.Unit == ReplyLengthUnit.Graphemes ? "characters (graphemes)" : "characters";
}
