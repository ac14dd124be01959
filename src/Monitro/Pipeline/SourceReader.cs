using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Monitro.Diagnostics;

namespace Monitro.Pipeline;

/// <summary>Reads one source into the pipeline, resuming from its checkpoint and retrying with backoff when it fails.</summary>
internal sealed class SourceReader
{
    private readonly IListeningSource _source;
    private readonly PipelineServices _services;

    public SourceReader(IListeningSource source, PipelineServices services)
    {
        _source = source;
        _services = services;
    }

    public async Task RunAsync(ChannelWriter<SourceWork> writer, CancellationToken cancellationToken)
    {
        var logger = _services.Logger;
        var checkpoint = await _services.Store.GetCheckpointAsync(_source.Name, cancellationToken).ConfigureAwait(false);
        if (checkpoint is not null)
        {
            logger.SourceResuming(_source.Name, checkpoint.Value);
        }

        var activity = _services.Activity.Source(_source.Name, _services.TimeProvider.GetUtcNow());
        activity.Started(_services.TimeProvider.GetUtcNow());
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await foreach (var batch in _source.ReadAsync(checkpoint, cancellationToken).ConfigureAwait(false))
                {
                    failures = 0;
                    activity.BatchRead(batch, _services.TimeProvider.GetUtcNow());
                    await writer.WriteAsync(new SourceWork(_source.Name, batch), cancellationToken).ConfigureAwait(false);

                    // The next attempt resumes after what is already on its way to a commit.
                    checkpoint = batch.Checkpoint ?? checkpoint;
                }

                // Processing says the source reached its end once the batches before this mark are committed.
                await writer.WriteAsync(SourceWork.EndOf(_source.Name), cancellationToken).ConfigureAwait(false);
                activity.Ended();
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                failures++;
                var delay = Backoff.Delay(failures, _services.Options.SourceRetryInitialDelay, _services.Options.SourceRetryMaxDelay);
                _services.Metrics.SourceFailed(_source.Name);
                activity.Failed(exception.GetType().Name, _services.TimeProvider.GetUtcNow() + delay);
                // One Warning line per failure; the stack trace only at Debug.
                logger.SourceFailed(_source.Name, exception.GetType().Name, exception.Message, _services.TimeProvider.GetUtcNow() + delay, delay, failures);
                logger.SourceFailureDetails(exception, _source.Name);
                await Task.Delay(delay, _services.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
