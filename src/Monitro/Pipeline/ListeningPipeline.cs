using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Monitro.Alerting;
using Monitro.Alerting.Delivery;
using Monitro.Alerting.Outbox;
using Monitro.Diagnostics;

namespace Monitro.Pipeline;

/// <summary>
/// One run of the pipeline: a reader per source feeding a bounded channel, one processor committing batches,
/// and the dispatcher delivering committed alerts. Every hand-off is bounded, so a slow stage slows the
/// stages before it instead of filling memory.
/// </summary>
internal sealed class ListeningPipeline
{
    private readonly PipelineServices _services;

    public ListeningPipeline(PipelineServices services) => _services = services;

    /// <summary>Runs until every source is exhausted and its alerts are settled, or until cancelled.</summary>
    /// <param name="output">Where committed mentions go, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; work already committed stays committed.</param>
    public async Task RunAsync(ChannelWriter<Mention>? output, CancellationToken cancellationToken)
    {
        var options = _services.Options;
        var logger = _services.Logger;
        logger.PipelineStarting(_services.Sources.Count, _services.Matcher.Watches.Count);
        if (_services.Restorer is not null || _services.StateRestorer is not null)
        {
            // Before any source is read or timer runs: alerting and relationships first catch up with what the store kept.
            try
            {
                if (_services.StateRestorer is { } state)
                {
                    await state.RestoreAsync(_services, cancellationToken).ConfigureAwait(false);
                }

                if (_services.Restorer is { } restorer)
                {
                    await restorer.RestoreAsync(_services, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                output?.TryComplete();
                throw;
            }
            catch (Exception exception)
            {
                logger.PipelineFailed(exception);
                var failed = new InvalidOperationException("The Monitro pipeline failed: " + exception.Message, exception);
                output?.TryComplete(failed);
                throw failed;
            }
        }

        var inFlight = new InFlightAlerts(options.DeliveryQueueCapacity);
        var dispatcher = new AlertDispatcher(_services, inFlight);
        // A store that waits for a disk commits on a thread of its own; the in-memory store, which never waits, inline.
        using var storeThread = _services.Store is InMemoryMonitroStore ? null : new CommitThread();
        var committer = new AlertCommitter(_services, inFlight, dispatcher.WakeUp, storeThread);
        var processor = new BatchProcessor(_services, committer);
        var batches = Channel.CreateBounded<SourceWork>(new BoundedChannelOptions(options.BatchQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _services.Activity.RunStarted(batches.Reader, options.BatchQueueCapacity);

        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var delivery = new CancellationTokenSource();
        var processingDone = false;
        var dispatching = Task.Run(() => dispatcher.RunAsync(() => Volatile.Read(ref processingDone), delivery.Token), CancellationToken.None);
        var reading = ReadAllSourcesAsync(batches.Writer, run.Token);
        var digests = Task.Run(() => AlertScheduler.ForDigests(_services, committer).RunAsync(run.Token), CancellationToken.None);
        var relationshipTimer = Task.Run(() => AlertScheduler.ForRelationships(_services, committer, batches.Writer).RunAsync(run.Token), CancellationToken.None);
        Exception? failure = null;
        InvalidOperationException? error;
        try
        {
            await processor.RunAsync(batches.Reader, output, run.Token).ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: what was committed stays committed; delivery gets its grace period below.
        }
        catch (Exception exception)
        {
            failure = exception;
            logger.PipelineFailed(exception);
        }
        finally
        {
            await run.CancelAsync().ConfigureAwait(false);
            await WhenSettled(reading).ConfigureAwait(false);
            await WhenSettled(digests).ConfigureAwait(false);
            await WhenSettled(relationshipTimer).ConfigureAwait(false);
            Volatile.Write(ref processingDone, true);
            dispatcher.WakeUp();
            failure ??= await FinishDeliveryAsync(dispatching, delivery, inFlight, stopping: cancellationToken.IsCancellationRequested || failure is not null).ConfigureAwait(false);
            error = failure is null ? null : new InvalidOperationException("The Monitro pipeline failed: " + failure.Message, failure);
            output?.TryComplete(error);
            _services.Activity.RunStopped(failure);
            logger.PipelineStopped();
        }

        if (error is not null)
        {
            throw error;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ReadAllSourcesAsync(ChannelWriter<SourceWork> writer, CancellationToken cancellationToken)
    {
        var readers = new Task[_services.Sources.Count];
        for (var i = 0; i < readers.Length; i++)
        {
            var reader = new SourceReader(_services.Sources[i], _services);
            readers[i] = Task.Run(
                async () =>
                {
                    try
                    {
                        await reader.RunAsync(writer, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // Sources retry their own failures; what reaches here (the store failing) stops the run.
                        writer.TryComplete(exception);
                        throw;
                    }
                },
                CancellationToken.None);
        }

        await Task.WhenAll(readers).ConfigureAwait(false);
        writer.TryComplete();
    }

    private async Task<Exception?> FinishDeliveryAsync(Task dispatching, CancellationTokenSource delivery, InFlightAlerts inFlight, bool stopping)
    {
        if (stopping && !dispatching.IsCompleted)
        {
            // Give committed alerts a bounded time to go out; a durable outbox keeps the rest for the next start.
            using var graceCancellation = new CancellationTokenSource();
            var grace = Task.Delay(_services.Options.ShutdownGracePeriod, _services.TimeProvider, graceCancellation.Token);
            await Task.WhenAny(dispatching, grace).ConfigureAwait(false);
            await graceCancellation.CancelAsync().ConfigureAwait(false);
            if (!dispatching.IsCompleted)
            {
                _services.Logger.ShutdownGraceExpired(inFlight.Count);
                await delivery.CancelAsync().ConfigureAwait(false);
            }
        }

        try
        {
            await dispatching.ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (delivery.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception)
        {
            _services.Logger.PipelineFailed(exception);
            return exception;
        }
    }

    private static async Task WhenSettled(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The outcome of the readers was already handled where it mattered; here we only wait for them to stop.
        }
    }
}
