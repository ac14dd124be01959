namespace Monitro.Diagnostics;

/// <summary>A copy of <see cref="SourceActivity"/> at one moment.</summary>
/// <param name="SourceName">The source.</param>
/// <param name="StartedAt">When its reader last started.</param>
/// <param name="LastBatchAt">When it last handed a batch to processing, or <see langword="null"/>.</param>
/// <param name="NewestPostAt">The creation time of the newest post it delivered, or <see langword="null"/>.</param>
/// <param name="ConsecutiveFailures">Failures in a row since its last batch.</param>
/// <param name="RetryAt">When the reader tries again after a failure, or <see langword="null"/> when it is not backing off.</param>
/// <param name="LastError">The type of the last failure, or <see langword="null"/>.</param>
/// <param name="Ended">Whether the source reached its end.</param>
internal sealed record SourceActivitySnapshot(
    string SourceName,
    DateTimeOffset StartedAt,
    DateTimeOffset? LastBatchAt,
    DateTimeOffset? NewestPostAt,
    int ConsecutiveFailures,
    DateTimeOffset? RetryAt,
    string? LastError,
    bool Ended)
{
    /// <summary>Gets the time since the source last delivered a batch, or since its reader started when it never did.</summary>
    public TimeSpan QuietFor(DateTimeOffset now) => now - (LastBatchAt ?? StartedAt);
}
