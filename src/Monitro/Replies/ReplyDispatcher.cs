using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Monitro.Alerting.Delivery;
using Monitro.Diagnostics;

namespace Monitro.Replies;

/// <summary>
/// Publishes the replies waiting in the reply outbox: claims due ones for a lease, calls their account's publisher,
/// and records each as published, failed with a backoff (<see cref="DeliveryRetryPolicy"/>, the alert outbox's), or
/// dead once the platform refused it for good or its retry window is spent.
/// </summary>
/// <remarks>
/// The reply is committed before the first attempt and an attempt is counted when it claims the reply, so after a
/// crash at any point the next attempt knows one may have happened, and the publisher makes sure it posts nothing twice.
/// </remarks>
internal sealed class ReplyDispatcher
{
    private const int ClaimBatchSize = 16;
    private readonly IReplyOutbox _outbox;
    private readonly IReadOnlyDictionary<string, IReplyPublisher> _publishers;
    private readonly ReplyOptions _options;
    private readonly DeliveryRetryPolicy _retryPolicy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MonitroMetrics? _metrics;
    private readonly Channel<bool> _wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ReplyDispatcher(
        IReplyOutbox outbox, IReadOnlyDictionary<string, IReplyPublisher> publishers, ReplyOptions options, TimeProvider time, ILogger logger, MonitroMetrics? metrics = null)
    {
        _metrics = metrics;
        _outbox = outbox;
        _publishers = publishers;
        _options = options;
        _time = time;
        _logger = logger;
        _retryPolicy = new DeliveryRetryPolicy(options.RetryInitialDelay, options.RetryMaxDelay, options.RetryWindow, options.MaxAttempts);
    }

    /// <summary>Tells the dispatcher that a reply became due.</summary>
    public void WakeUp() => _wakeUp.Writer.TryWrite(true);

    /// <summary>Publishes until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await PublishDueAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
                continue;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var woken = _wakeUp.Reader.WaitToReadAsync(wait.Token).AsTask();
            var idle = Task.Delay(_options.PollInterval, _time, wait.Token);
            await Task.WhenAny(woken, idle).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            _wakeUp.Reader.TryRead(out _);
        }
    }

    /// <summary>Claims the replies due now and makes one attempt at each.</summary>
    /// <returns>How many replies were attempted.</returns>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await _outbox.ClaimDueRepliesAsync(ClaimBatchSize, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        foreach (var reply in claimed)
        {
            await AttemptAsync(reply, cancellationToken).ConfigureAwait(false);
        }

        return claimed.Count;
    }

    private async Task AttemptAsync(Reply reply, CancellationToken cancellationToken)
    {
        if (!_publishers.TryGetValue(reply.Account, out var publisher))
        {
            await GiveUpAsync(reply, $"No reply publisher is registered for the account '{reply.Account}'.", cancellationToken).ConfigureAwait(false);
            return;
        }

        PublishedReply published;
        using (var activity = MonitroActivities.Source.StartActivity("monitro.reply.publish"))
        {
            activity?.SetTag(MonitroDiagnostics.ReplyPlatformTag, reply.Platform);
            activity?.SetTag("monitro.reply.attempt", reply.Attempts);
            using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                published = await publisher.PublishAsync(reply, attempt.Token).ConfigureAwait(false);
            }
            catch (ReplyPublishException exception) when (exception.IsPermanent)
            {
                await GiveUpAsync(reply, Describe(exception), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Failed, timed out, or the answer was lost: the post may exist, and the next attempt finds out.
                await RetryLaterAsync(reply, exception, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var now = _time.GetUtcNow();
        await SaveAsync(
            reply with
            {
                State = ReplyState.Published,
                PublishedPostId = published.PostId,
                PublishedUrl = published.Url,
                PublishedAt = now,
                LeaseUntil = null,
                LastError = null,
                Version = reply.Version + 1,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);
        _metrics?.ReplyPublished(reply.Platform);
        _logger.ReplyPublished(reply.Id, reply.Platform, published.PostId, reply.Attempts);
    }

    private async Task RetryLaterAsync(Reply reply, Exception exception, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var retryAfter = (exception as ReplyPublishException)?.RetryAfter;
        if (_retryPolicy.NextAttempt(reply.Attempts, now, reply.QueuedAt ?? reply.CreatedAt, retryAfter) is not { } next)
        {
            await GiveUpAsync(reply, Describe(exception), cancellationToken).ConfigureAwait(false);
            return;
        }

        _metrics?.ReplyFailed(reply.Platform);
        _logger.ReplyPublishFailed(exception, reply.Id, reply.Attempts, next);
        await SaveAsync(
            reply with { NextAttemptAt = next, LeaseUntil = null, LastError = Describe(exception), Version = reply.Version + 1, UpdatedAt = now },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task GiveUpAsync(Reply reply, string reason, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        _metrics?.ReplyDeadLettered(reply.Platform);
        _logger.ReplyDeadLettered(reply.Id, reply.Attempts, reason);
        await SaveAsync(
            reply with { State = ReplyState.Dead, LeaseUntil = null, LastError = reason, Version = reply.Version + 1, UpdatedAt = now },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(Reply reply, CancellationToken cancellationToken)
    {
        // The outcome is recorded even when the host is stopping: the attempt happened.
        if (!await _outbox.SaveReplyAsync(reply, CancellationToken.None).ConfigureAwait(false))
        {
            _logger.ReplyLeaseLost(reply.Id, reply.Attempts);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static string Describe(Exception exception) =>
        exception is OperationCanceledException ? "The attempt timed out; its outcome is unknown." : $"{exception.GetType().Name}: {exception.Message}";
}
