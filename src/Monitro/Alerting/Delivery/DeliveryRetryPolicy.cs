namespace Monitro.Alerting.Delivery;

/// <summary>
/// When to try a failed alert again, and when to give it up: capped exponential backoff with jitter, a receiver's
/// <c>Retry-After</c> honoured, within a retry window counted from when the alert entered the outbox.
/// </summary>
/// <remarks>
/// The wait after the n-th failed attempt is d = min(<see cref="MonitroOptions.SinkRetryMaxDelay"/>,
/// <see cref="MonitroOptions.SinkRetryInitialDelay"/> · 2^(n−1)), jittered to a random value in [d/2, d], and at
/// least the receiver's <c>Retry-After</c>. An attempt that would fall after the window's end, or past
/// <see cref="MonitroOptions.SinkMaxAttempts"/>, is not made: the alert becomes a dead letter.
/// </remarks>
internal sealed class DeliveryRetryPolicy
{
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _window;
    private readonly int _maxAttempts;
    private readonly Func<double> _random;

    /// <param name="options">The delivery options.</param>
    /// <param name="random">A uniform random number in [0, 1); <see cref="Random.Shared"/> when <see langword="null"/>.</param>
    public DeliveryRetryPolicy(MonitroOptions options, Func<double>? random = null)
        : this(options.SinkRetryInitialDelay, options.SinkRetryMaxDelay, options.SinkRetryWindow, options.SinkMaxAttempts, random)
    {
    }

    /// <param name="initialDelay">The first wait.</param>
    /// <param name="maxDelay">The longest wait before jitter.</param>
    /// <param name="window">How long after the window's start attempts are still made.</param>
    /// <param name="maxAttempts">The most attempts.</param>
    /// <param name="random">A uniform random number in [0, 1); <see cref="Random.Shared"/> when <see langword="null"/>.</param>
    public DeliveryRetryPolicy(TimeSpan initialDelay, TimeSpan maxDelay, TimeSpan window, int maxAttempts, Func<double>? random = null)
    {
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
        _window = window;
        _maxAttempts = maxAttempts;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The longest wait after the given failed attempt, before jitter: min(cap, initial · 2^(attempt−1)).</summary>
    public TimeSpan Backoff(int attempt) => Monitro.Backoff.Delay(Math.Max(attempt, 1), _initialDelay, _maxDelay);

    /// <summary>Decides the time of the next attempt, or <see langword="null"/> to give the alert up.</summary>
    /// <param name="attempt">How many attempts have failed, this one included.</param>
    /// <param name="now">The time of the failure.</param>
    /// <param name="windowStart">When the alert entered the outbox.</param>
    /// <param name="retryAfter">The wait the receiver asked for, if any.</param>
    public DateTimeOffset? NextAttempt(int attempt, DateTimeOffset now, DateTimeOffset windowStart, TimeSpan? retryAfter)
    {
        if (attempt >= _maxAttempts)
        {
            return null;
        }

        var backoff = Backoff(attempt);
        var wait = TimeSpan.FromTicks((long)(backoff.Ticks * (0.5 + (0.5 * _random()))));
        if (retryAfter is { } asked && asked > wait)
        {
            wait = asked;
        }

        var next = now + wait;
        return next <= windowStart + _window ? next : null;
    }
}
