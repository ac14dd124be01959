using System.ComponentModel.DataAnnotations;

namespace Monitro;

/// <summary>Options of the Monitro listening pipeline.</summary>
/// <remarks>Validated when the host starts (or on first use without a host); a failure names the option and the reason.</remarks>
public sealed class MonitroOptions
{
    /// <summary>Gets the watches to listen for.</summary>
    /// <value>The default is empty. Names must be unique and every query must parse.</value>
    public IList<WatchDefinition> Watches { get; } = [];

    /// <summary>Gets the identity keys (<c>platform:handle</c>) of the company's own accounts.</summary>
    /// <value>The default is empty. Posts by these accounts are recorded as outbound interactions (answers), not as mentions.</value>
    public IList<string> OwnAccounts { get; } = [];

    /// <summary>Gets or sets how many source batches may wait between the sources and processing.</summary>
    /// <value>The default is 8. Must be between 1 and 10,000. Sources wait (backpressure) when it is full.</value>
    [Range(1, 10_000)]
    public int BatchQueueCapacity { get; set; } = 8;

    /// <summary>Gets or sets how many committed mentions may wait for delivery to the sinks.</summary>
    /// <value>The default is 256. Must be between 1 and 1,000,000. Processing waits (backpressure) when it is full.</value>
    [Range(1, 1_000_000)]
    public int DeliveryQueueCapacity { get; set; } = 256;

    /// <summary>Gets or sets how many recently processed post ids are remembered to drop duplicates without asking the store.</summary>
    /// <value>The default is 100,000. Must be between 0 and 100,000,000.</value>
    [Range(0, 100_000_000)]
    public int DeduplicationCacheSize { get; set; } = 100_000;

    /// <summary>Gets or sets the longest post text kept, in characters; longer text is cut.</summary>
    /// <value>The default is 100,000. Must be between 280 and 10,000,000.</value>
    [Range(280, 10_000_000)]
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>Gets or sets the first wait after a source fails; each further failure doubles it, up to <see cref="SourceRetryMaxDelay"/>.</summary>
    /// <value>The default is one second. Must be between one millisecond and one hour.</value>
    public TimeSpan SourceRetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between attempts to read a failing source.</summary>
    /// <value>The default is five minutes. Must be at least <see cref="SourceRetryInitialDelay"/> and at most one day.</value>
    public TimeSpan SourceRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the most delivery attempts of one alert before it becomes a dead letter, whatever the retry window.</summary>
    /// <value>The default is 1,000, so that <see cref="SinkRetryWindow"/> decides. Must be between 1 and 100,000.</value>
    [Range(1, 100_000)]
    public int SinkMaxAttempts { get; set; } = 1_000;

    /// <summary>Gets or sets the first wait after a delivery fails; each further failure doubles it, up to <see cref="SinkRetryMaxDelay"/>.</summary>
    /// <value>The default is one second. Must be between one millisecond and ten minutes.</value>
    /// <remarks>Every wait is jittered: a random value between half of it and all of it, so dispatchers do not retry in step.</remarks>
    public TimeSpan SinkRetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two delivery attempts (a receiver's <c>Retry-After</c> may ask for more).</summary>
    /// <value>The default is five minutes. Must be between <see cref="SinkRetryInitialDelay"/> and one day.</value>
    public TimeSpan SinkRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how long after an alert entered the outbox delivery keeps trying; an attempt that would fall later is not made, and the alert becomes a dead letter.</summary>
    /// <value>The default is six hours, so a receiver down for an hour loses nothing. Must be between one second and 30 days.</value>
    public TimeSpan SinkRetryWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Gets or sets the failed deliveries in a row to one sink that open its circuit: the dispatcher then stops calling it for <see cref="SinkCircuitBreakDuration"/>.</summary>
    /// <value>The default is 5. Must be between 1 and 1,000.</value>
    [Range(1, 1_000)]
    public int SinkCircuitFailureThreshold { get; set; } = 5;

    /// <summary>Gets or sets how long an open circuit keeps its sink out of delivery before one alert goes through as a probe.</summary>
    /// <value>The default is 30 seconds. Must be between one second and one hour.</value>
    public TimeSpan SinkCircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the dispatcher holds the alerts it claims; alerts claimed by a dispatcher that crashed are delivered again once it expires.</summary>
    /// <value>The default is five minutes. Must be between one second and one day, and longer than the slowest sink takes for one alert.</value>
    public TimeSpan DeliveryLeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how long delivery of already committed alerts may go on after the pipeline is asked to stop.</summary>
    /// <value>The default is ten seconds. Must be between zero and ten minutes.</value>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets a value indicating whether posts by the company's own accounts can also be mentions.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool IncludeOwnPostsAsMentions { get; set; }

    /// <summary>Gets or sets a value indicating whether a Generic Host runs the pipeline in the background.</summary>
    /// <value>The default is <see langword="true"/>. Set it to <see langword="false"/> when the application calls <see cref="MentionMonitor.ListenAsync"/> itself.</value>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the host re-matches stored posts for every configured watch when it starts, in the background (<see cref="WatchBackfillScheduler"/>).</summary>
    /// <value>The default is <see langword="false"/>. A new or changed watch is re-matched over the stored posts; an unchanged one resumes after its stored cursor.</value>
    public bool BackfillWatchesOnStart { get; set; }

    /// <summary>Gets or sets how many stored posts a background backfill reads, matches and commits at a time.</summary>
    /// <value>The default is 500. Must be between 1 and 10,000.</value>
    [Range(1, 10_000)]
    public int BackfillBatchSize { get; set; } = 500;
}
