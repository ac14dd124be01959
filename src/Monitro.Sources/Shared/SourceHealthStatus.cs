namespace Monitro.Sources;

/// <summary>A snapshot of how one source is doing.</summary>
/// <param name="SourceName">The name of the source.</param>
/// <param name="LastSuccess">When the source last reached its platform successfully, or <see langword="null"/>.</param>
/// <param name="LastFailure">When the source last failed, or <see langword="null"/>.</param>
/// <param name="LastError">What the last failure was, in words, or <see langword="null"/>.</param>
/// <param name="LastPostAt">When the source last delivered a post, or <see langword="null"/>.</param>
/// <param name="ConsecutiveFailures">How many attempts failed in a row since the last success.</param>
/// <param name="IsFailing">Whether <paramref name="ConsecutiveFailures"/> reached the source's failure threshold.</param>
/// <param name="IsSilent">Whether the source delivered no post for longer than its silence threshold.</param>
public sealed record SourceHealthStatus(
    string SourceName,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastError,
    DateTimeOffset? LastPostAt,
    int ConsecutiveFailures,
    bool IsFailing,
    bool IsSilent)
{
    /// <summary>Gets a value indicating whether the source is neither failing nor silent.</summary>
    public bool IsHealthy => !IsFailing && !IsSilent;
}
