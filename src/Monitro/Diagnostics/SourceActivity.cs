namespace Monitro.Diagnostics;

/// <summary>What the pipeline saw of one source: its batches, its newest post and its failures; thread-safe.</summary>
internal sealed class SourceActivity(string sourceName, DateTimeOffset startedAt)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _startedAt = startedAt;
    private DateTimeOffset? _lastBatchAt;
    private DateTimeOffset? _newestPostAt;
    private DateTimeOffset? _retryAt;
    private string? _lastError;
    private int _consecutiveFailures;
    private bool _ended;

    public string SourceName => sourceName;

    /// <summary>Records that a reader (re)started on the source.</summary>
    public void Started(DateTimeOffset now)
    {
        lock (_gate)
        {
            _startedAt = now;
            _ended = false;
        }
    }

    /// <summary>Records a batch handed to processing, and the newest post time it carries.</summary>
    public void BatchRead(SourceBatch batch, DateTimeOffset now)
    {
        var newest = NewestPost(batch);
        lock (_gate)
        {
            _lastBatchAt = now;
            _consecutiveFailures = 0;
            _retryAt = null;
            if (newest is { } time && (_newestPostAt is not { } known || time > known))
            {
                _newestPostAt = time;
            }
        }
    }

    /// <summary>Records a failure of the source and when it will be tried again.</summary>
    public void Failed(string error, DateTimeOffset retryAt)
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            _retryAt = retryAt;
            _lastError = error;
        }
    }

    /// <summary>Records that the source reached its end (a replay read to its last line).</summary>
    public void Ended()
    {
        lock (_gate)
        {
            _ended = true;
            _consecutiveFailures = 0;
            _retryAt = null;
        }
    }

    public SourceActivitySnapshot Snapshot()
    {
        lock (_gate)
        {
            return new SourceActivitySnapshot(sourceName, _startedAt, _lastBatchAt, _newestPostAt, _consecutiveFailures, _retryAt, _lastError, _ended);
        }
    }

    private static DateTimeOffset? NewestPost(SourceBatch batch)
    {
        DateTimeOffset? newest = null;
        foreach (var post in batch.Posts)
        {
            if (post is not null && (newest is not { } known || post.CreatedAt > known))
            {
                newest = post.CreatedAt;
            }
        }

        return newest;
    }
}
