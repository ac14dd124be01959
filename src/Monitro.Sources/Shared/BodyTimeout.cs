using Microsoft.Extensions.Http.Resilience;

namespace Monitro.Sources.Shared;

/// <summary>
/// How long a response body may take to arrive once its headers did. The resilience handler's timeouts end with the
/// headers, so its total request timeout, as the same configure action sets it, is given again to the body.
/// </summary>
internal static class BodyTimeout
{
    // The longest timeout the resilience handler itself accepts.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>
    /// Reads the total request timeout that <paramref name="configure"/> sets. A value the handler would refuse cannot
    /// leave a body unbounded: an infinite or non-positive one gives the standard timeout, a longer one a day.
    /// </summary>
    public static TimeSpan Of(Action<HttpStandardResilienceOptions>? configure)
    {
        var options = new HttpStandardResilienceOptions();
        var standard = options.TotalRequestTimeout.Timeout;
        configure?.Invoke(options);
        var configured = options.TotalRequestTimeout.Timeout;
        return configured <= TimeSpan.Zero ? standard : configured > Longest ? Longest : configured;
    }
}
