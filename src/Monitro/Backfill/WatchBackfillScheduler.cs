using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Backfill;

namespace Monitro;

/// <summary>
/// Runs <see cref="WatchBackfill"/> in the background for watches that were added or changed, one watch at a time,
/// and shows how far each has come.
/// </summary>
/// <remarks>
/// <para>Requests queue in order; a watch requested again while queued keeps its place with the newer definition,
/// and one requested again while it runs is stopped after its current batch and queued with the newer definition.
/// Each run resumes from the watch's stored cursor, so a restarted process (or a new scheduler) goes on where the
/// last committed batch ended, and mentions are written exactly once (see <see cref="WatchBackfill"/>).</para>
/// <para>A failed run is logged and leaves what it committed; the next request for the watch resumes from it.
/// <c>AddMonitro</c> registers one scheduler; <see cref="MonitroOptions.BackfillWatchesOnStart"/> makes it request
/// every configured watch when the host starts.</para>
/// </remarks>
public sealed class WatchBackfillScheduler : IAsyncDisposable
{
    private readonly WatchBackfill _backfill;
    private readonly BackfillOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<Watch> _pending = [];
    private readonly Dictionary<string, BackfillProgress> _progress = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private (string WatchName, CancellationTokenSource Stop)? _running;
    private Task _worker = Task.CompletedTask;
    private bool _working;

    /// <summary>Initializes a new instance of the <see cref="WatchBackfillScheduler"/> class.</summary>
    /// <param name="backfill">The backfill to run.</param>
    /// <param name="options">The batch size, range and own accounts of every run; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backfill"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is out of range.</exception>
    public WatchBackfillScheduler(WatchBackfill backfill, BackfillOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(backfill);
        _options = options ?? new BackfillOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.BatchSize, StoredPostQuery.MaxLimit, nameof(options));
        _backfill = backfill;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Queues a backfill of a watch that was added or changed; returns at once.</summary>
    /// <param name="watch">The watch as it is now.</param>
    /// <exception cref="ArgumentNullException"><paramref name="watch"/> is <see langword="null"/>.</exception>
    /// <exception cref="QuerySyntaxException">The watch's query is not valid.</exception>
    /// <exception cref="ObjectDisposedException">The scheduler was disposed.</exception>
    public void Request(Watch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        _ = new MentionMatcher([watch]); // a query that does not parse fails here, not later in the background
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            var queued = _pending.FindIndex(w => w.Name == watch.Name);
            if (queued >= 0)
            {
                _pending[queued] = watch;
            }
            else
            {
                _pending.Add(watch);
            }

            if (_running is { } running && running.WatchName == watch.Name)
            {
                running.Stop.Cancel();
            }

            // The flag, not the task's state: a worker that found the queue empty may not have completed yet.
            if (!_working)
            {
                _working = true;
                _worker = Task.Run(WorkAsync);
            }
        }
    }

    /// <summary>Gets how far each watch requested since this scheduler was created has come, by watch name.</summary>
    /// <returns>The progress of each watch; a queued watch not yet started has none.</returns>
    public IReadOnlyList<BackfillProgress> GetProgress()
    {
        lock (_gate)
        {
            return [.. _progress.Values.OrderBy(p => p.WatchName, StringComparer.Ordinal)];
        }
    }

    /// <summary>Gets whether backfills are queued or running.</summary>
    public bool IsBusy
    {
        get
        {
            lock (_gate)
            {
                return _working;
            }
        }
    }

    /// <summary>Waits until no backfill is queued or running.</summary>
    /// <param name="cancellationToken">A token that stops the waiting (not the backfills).</param>
    /// <returns>A task that completes when the queue is empty.</returns>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task worker;
            lock (_gate)
            {
                worker = _worker;
            }

            if (worker.IsCompleted)
            {
                return;
            }

            await worker.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the running backfill after its current batch and drops the queue; what was committed stays.</summary>
    /// <returns>A task that completes when the background work has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        Task worker;
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            _pending.Clear();
            worker = _worker;
        }

        await worker.ConfigureAwait(false);
        _disposed.Dispose();
    }

    private async Task WorkAsync()
    {
        while (true)
        {
            Watch watch;
            CancellationTokenSource stop;
            lock (_gate)
            {
                if (_pending.Count == 0 || _disposed.IsCancellationRequested)
                {
                    _running = null;
                    _working = false;
                    return;
                }

                watch = _pending[0];
                _pending.RemoveAt(0);
                stop = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
                _running = (watch.Name, stop);
            }

            using (stop)
            {
                await RunOneAsync(watch, stop.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task RunOneAsync(Watch watch, CancellationToken cancellationToken)
    {
        try
        {
            var final = await _backfill.RunAsync(watch, _options, new Reporter(this), cancellationToken).ConfigureAwait(false);
            _logger.BackfillFinished(watch.Name, final.Scanned, final.Matched);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped for a newer definition (queued again) or by disposal; the committed batches stay.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.BackfillFailed(watch.Name, exception);
        }
    }

    private void Report(BackfillProgress progress)
    {
        lock (_gate)
        {
            _progress[progress.WatchName] = progress;
        }
    }

    // Synchronous, unlike Progress<T>: the state is current when RunAsync returns.
    private sealed class Reporter(WatchBackfillScheduler scheduler) : IProgress<BackfillProgress>
    {
        public void Report(BackfillProgress value) => scheduler.Report(value);
    }
}
