using System.Runtime.CompilerServices;

namespace Monitro.Sources;

/// <summary>
/// The loop shared by the polling sources: restore the state from the checkpoint, poll one step at a time, yield a
/// batch with the checkpoint after each step that produced something, wait, and keep going through failures.
/// </summary>
/// <typeparam name="TState">The source's cursor state; <see cref="PollAsync"/> changes it only once a step succeeded.</typeparam>
internal abstract class PollingSource<TState> : IListeningSource
    where TState : class
{
    private readonly PollingSourceOptions _options;

    protected PollingSource(SourceContext context, PollingSourceOptions options)
    {
        Context = context;
        _options = options;
    }

    public string Name => Context.Name;

    protected SourceContext Context { get; }

    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var state = RestoreOrStart(checkpoint?.Value);
        var lastSaved = checkpoint?.Value;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PollResult? result = null;
            TimeSpan delay;
            try
            {
                result = await PollAsync(state, cancellationToken).ConfigureAwait(false);
                Context.Health.RecordSuccess(result.Posts.Count);
                delay = result.MoreAvailable ? TimeSpan.Zero : _options.PollInterval;
            }
#pragma warning disable CA1031 // A source keeps polling through any failure; the failure is logged, counted and reported in health.
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                delay = OnFailure(ex);
            }

            if (result is not null)
            {
                var saved = Save(state);
                if (result.Posts.Count > 0 || result.Skipped.Count > 0 || result.Retractions.Count > 0 || saved != lastSaved)
                {
                    lastSaved = saved;
                    var batch = new SourceBatch
                    {
                        Posts = result.Posts,
                        Retractions = result.Retractions,
                        Skipped = result.Skipped,
                        Checkpoint = new SourceCheckpoint(Name, saved),
                    };
                    Context.Metrics.Batch(Name, batch);
                    yield return batch;
                }

                if (result.NotBefore is { } notBefore && notBefore - Context.Time.GetUtcNow() is var wait && wait > delay)
                {
                    Context.Logger.RateLimited(Name, notBefore);
                    delay = wait;
                }
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, Context.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates the state of a first run (no checkpoint), following <see cref="ListeningSourceOptions.FirstRun"/>.</summary>
    protected abstract TState Start();

    /// <summary>Reads the state from a checkpoint value this source wrote; throws when it cannot.</summary>
    protected abstract TState Restore(string checkpointValue);

    /// <summary>Writes the state as a checkpoint value.</summary>
    protected abstract string Save(TState state);

    /// <summary>Runs one step (usually one request) and advances <paramref name="state"/> once it succeeded.</summary>
    protected abstract Task<PollResult> PollAsync(TState state, CancellationToken cancellationToken);

    /// <summary>Reports an item that could not be read: logs it and returns the dead letter for the batch.</summary>
    protected SkippedItem Skip(string position, string reason, string? excerpt = null)
    {
        Context.Logger.ItemSkipped(Name, position, reason);
        return new SkippedItem(Name, position, reason, excerpt);
    }

    /// <summary>Computes the first-run start time for sources that filter by date, or <see langword="null"/> for everything.</summary>
    protected DateTimeOffset? FirstRunStartTime() => _options.FirstRun switch
    {
        FirstRunMode.StartNow => Context.Time.GetUtcNow(),
        FirstRunMode.Since => _options.FirstRunSince,
        _ => null,
    };

    protected FirstRunMode FirstRun => _options.FirstRun;

    private TState RestoreOrStart(string? value)
    {
        if (value is null)
        {
            return Start();
        }

        try
        {
            return Restore(value);
        }
#pragma warning disable CA1031 // An unreadable checkpoint must not stop the source; it starts over as configured and says so.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Context.Logger.CheckpointUnreadable(Name, ex.Message);
            return Start();
        }
    }

    private TimeSpan OnFailure(Exception ex)
    {
        var failures = Context.Health.RecordFailure(ex.Message);
        var kind = ex switch
        {
            SourceHttpException http when http.StatusCode != 0 => $"http_{(int)http.StatusCode}",
            SourceHttpException => "source",
            HttpRequestException => "transport",
            OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "timeout",
            Polly.CircuitBreaker.BrokenCircuitException => "circuit_open",
            _ => ex.GetType().Name,
        };
        Context.Metrics.Failure(Name, kind);

        var factor = Math.Pow(2, Math.Min(failures - 1, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.PollInterval.Ticks * factor, _options.MaxFailureBackoff.Ticks));
        if (ex is SourceHttpException { RetryAfter: { } retryAfter } && retryAfter > delay)
        {
            delay = retryAfter;
        }

        Context.Logger.PollFailed(Name, kind, ex.Message, failures, delay);
        return delay;
    }
}
