using System.Collections.Concurrent;

namespace Monitro.Testing;

/// <summary>A sink that records every alert it receives, optionally failing first or waiting before each delivery.</summary>
public sealed class RecordingSink : IAlertSink
{
    private readonly ConcurrentQueue<Alert> _alerts = new();
    private readonly bool _failForever;
    private int _failuresLeft;

    /// <summary>Initializes a new instance of the <see cref="RecordingSink"/> class.</summary>
    /// <param name="failFirst">How many deliveries fail before deliveries succeed; -1 fails forever.</param>
    public RecordingSink(int failFirst = 0)
    {
        _failForever = failFirst < 0;
        _failuresLeft = Math.Max(0, failFirst);
    }

    /// <summary>Gets or sets a task each delivery waits for (a slow receiver), or <see langword="null"/>.</summary>
    public Func<CancellationToken, Task>? Delay { get; set; }

    /// <summary>Gets the alerts received, in order.</summary>
    public IReadOnlyList<Alert> Alerts => [.. _alerts];

    /// <summary>Gets how many deliveries were attempted.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    private int _attempts;

    /// <inheritdoc />
    public async ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        if (Delay is { } delay)
        {
            await delay(cancellationToken);
        }

        if (_failForever || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("The receiver answered 503 Service Unavailable.");
        }

        _alerts.Enqueue(alert);
    }
}
