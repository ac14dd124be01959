namespace Monitro.Sources.Shared;

/// <summary>Records successes, failures and delivered posts of one source; thread-safe.</summary>
internal sealed class SourceHealthTracker(string sourceName, TimeProvider time, TimeSpan silenceThreshold, int failureThreshold)
{
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _createdAt = time.GetUtcNow();
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _lastFailure;
    private DateTimeOffset? _lastPostAt;
    private string? _lastError;
    private int _consecutiveFailures;

    public string SourceName => sourceName;

    public int ConsecutiveFailures
    {
        get
        {
            lock (_gate)
            {
                return _consecutiveFailures;
            }
        }
    }

    public void RecordSuccess(int posts)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _lastSuccess = now;
            _consecutiveFailures = 0;
            if (posts > 0)
            {
                _lastPostAt = now;
            }
        }
    }

    public int RecordFailure(string error)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _lastFailure = now;
            _lastError = error;
            return ++_consecutiveFailures;
        }
    }

    public SourceHealthStatus Snapshot()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var quietSince = _lastPostAt ?? _createdAt;
            return new SourceHealthStatus(
                sourceName,
                _lastSuccess,
                _lastFailure,
                _lastError,
                _lastPostAt,
                _consecutiveFailures,
                _consecutiveFailures >= failureThreshold,
                now - quietSince > silenceThreshold);
        }
    }
}
