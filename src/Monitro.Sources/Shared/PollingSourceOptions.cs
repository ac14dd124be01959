using System.ComponentModel.DataAnnotations;

namespace Monitro.Sources;

/// <summary>Options of the sources that poll an HTTP endpoint.</summary>
public abstract class PollingSourceOptions : ListeningSourceOptions
{
    /// <summary>Gets or sets the wait between two polls once the source has caught up.</summary>
    /// <value>The default is five minutes. Must be between one second and one day.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the wait before the first retry after a failed poll. Retries do not wait for <see cref="PollInterval"/>:
    /// each further failure in a row doubles the wait, up to <see cref="RetryMaxDelay"/>, shortened by up to a fifth at
    /// random so that sources failing together do not retry together.
    /// </summary>
    /// <value>The default is five seconds. Must be between one millisecond and one hour.</value>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest wait between two attempts while the endpoint keeps failing.</summary>
    /// <value>The default is five minutes. Must be at least <see cref="RetryInitialDelay"/> and at most one day.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many requests per minute this source may send (a token bucket, so short bursts are allowed).</summary>
    /// <value>The default is 30. Must be between 1 and 10,000.</value>
    [Range(1, 10_000)]
    public int RequestsPerMinute { get; set; } = 30;

    /// <summary>Gets or sets the largest response body read, in bytes; a larger body is rejected and logged.</summary>
    /// <value>The default is 4 MiB. Must be between 1 KiB and 256 MiB.</value>
    [Range(1024L, 256L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Gets or sets the User-Agent sent with every request.</summary>
    /// <value>The default is <c>Monitro/0.1 (+https://github.com/monitro/monitro)</c>. Must not be empty.</value>
    [Required]
    public string UserAgent { get; set; } = "Monitro/0.1 (+https://github.com/monitro/monitro)";
}
