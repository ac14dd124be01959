using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Monitro.Sources.Shared;

/// <summary>
/// The loop shared by the polling sources: restore the state from the checkpoint, poll one step at a time, yield a
/// batch with the checkpoint after each step that produced something, wait, and keep going through failures. A failed
/// step is retried after its own short backoff (<see cref="PollingSourceOptions.RetryInitialDelay"/>), not after the
/// poll interval.
/// </summary>
/// <typeparam name="TState">The source's cursor state; <see cref="PollAsync"/> changes it only once a step succeeded.</typeparam>
internal abstract class PollingSource<TState> : IListeningSource
    where TState : class
{
    // The longest wait a server may ask for: a Retry-After or a rate-limit reset further away (years, in a broken or
    // hostile answer; past what a timer can wait) is waited for a day, and then the server is asked again.
    private static readonly TimeSpan MaxServerWait = TimeSpan.FromDays(1);

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
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // A poll that fails while the read is being stopped ends the read as stopped, not with that
                // poll's error (a 401 answered just after the caller cancelled is not the caller's failure).
                cancellationToken.ThrowIfCancellationRequested();
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
                    delay = wait < MaxServerWait ? wait : MaxServerWait;
                    var resumeAt = wait < MaxServerWait ? notBefore : notBefore - wait + delay;
                    Context.Logger.RateLimited(Name, resumeAt);
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

    /// <summary>
    /// The request every poll starts with: a GET of <paramref name="url"/> with the source's User-Agent (and what
    /// <paramref name="prepare"/> adds, such as credentials), through the rate limiter, the body read up to
    /// <see cref="PollingSourceOptions.MaxResponseBytes"/>.
    /// </summary>
    protected async Task<HttpFetch> GetAsync(Uri url, Action<HttpRequestMessage>? prepare, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        prepare?.Invoke(request);
        return await Context.FetchAsync(request, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The parse every JSON poll shares: invalid UTF-8 is repaired and logged; a body over the size cap, one that is
    /// not JSON, or one whose root fails <paramref name="hasShape"/> gives <see langword="null"/> and the skip to report.
    /// </summary>
    /// <param name="fetch">The response.</param>
    /// <param name="position">Where the body was, for the skip.</param>
    /// <param name="hasShape">Whether the root is what the source expects.</param>
    /// <param name="expected">What the source expects, in words (for example "a JSON array of statuses").</param>
    /// <param name="unreadable">The skip, when the result is <see langword="null"/>.</param>
    protected JsonDocument? ReadJson(HttpFetch fetch, string position, Func<JsonElement, bool> hasShape, string expected, out SkippedItem? unreadable)
    {
        if (fetch.BodyTooLarge)
        {
            unreadable = SkipTooLarge(position);
            return null;
        }

        var document = JsonPayload.Parse(fetch.Body, out var error, out var repaired);
        if (repaired)
        {
            Context.Logger.InvalidEncoding(Name, "utf-8");
        }

        if (document is not null && hasShape(document.RootElement))
        {
            unreadable = null;
            return document;
        }

        document?.Dispose();
        unreadable = Skip(position, error ?? $"the body is not {expected}", Excerpts.From(fetch.Body));
        return null;
    }

    /// <summary>Reports a response body over <see cref="PollingSourceOptions.MaxResponseBytes"/> as a skip.</summary>
    protected SkippedItem SkipTooLarge(string position) => Skip(position, $"the response body is larger than {_options.MaxResponseBytes} bytes");

    /// <summary>Reports an item that could not be read: logs it and returns the dead letter for the batch.</summary>
    protected SkippedItem Skip(string position, string reason, string? excerpt = null) => Context.Skip(position, reason, excerpt);

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
            HttpRequestException or IOException => "transport", // IOException: a connection cut while the body was read
            OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "timeout",
            Polly.CircuitBreaker.BrokenCircuitException => "circuit_open",
            _ => ex.GetType().Name,
        };
        Context.Metrics.Failure(Name, kind);

        // The retry has its own short backoff, so a blip costs seconds, not a poll interval; a Retry-After asks for longer.
        var delay = Backoff.Delay(failures, _options.RetryInitialDelay, _options.RetryMaxDelay, Backoff.RecommendedJitter);
        if (ex is SourceHttpException { RetryAfter: { } retryAfter } && retryAfter > delay)
        {
            delay = retryAfter < MaxServerWait ? retryAfter : MaxServerWait;
        }

        // One Warning line per failure; the exception with its stack trace only at Debug.
        Context.Logger.PollFailed(Name, kind, ex.Message, Context.Time.GetUtcNow() + delay, delay, failures);
        Context.Logger.PollFailureDetails(ex, Name);
        return delay;
    }
}
