namespace Monitro.Alerting.Delivery;

/// <summary>
/// The circuit of one sink: after <see cref="MonitroOptions.SinkCircuitFailureThreshold"/> failures in a row it opens,
/// and the dispatcher stops calling that sink until the break (<see cref="MonitroOptions.SinkCircuitBreakDuration"/>) is
/// over, so a dead receiver that answers only with time-outs does not hold up delivery to the other sinks. Then one
/// alert goes through as a probe: success closes it, failure opens it again.
/// </summary>
/// <remarks>
/// Changed by the one dispatcher loop of a run; read at any time by <see cref="MentionMonitor.GetSinkStates"/>, so
/// its fields are guarded by a lock. The circuit lives as long as the monitor, across runs. While the sink has not
/// failed since it last took an alert (<see cref="IsClosed"/>), a delivery takes no lock and reads no clock: that
/// is every delivery of a healthy sink, and the code before the circuits did neither.
/// </remarks>
internal sealed class SinkCircuit
{
    private readonly Lock _gate = new();
    private readonly string _sinkName;
    private readonly TimeSpan _breakDuration;
    private int _failuresInARow;
    private long _delivered;
    private long _failed;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private string? _lastError;

    /// <param name="sinkName">The sink's name, as reasons and logs show it (its type name).</param>
    /// <param name="options">The circuit settings.</param>
    public SinkCircuit(string sinkName, MonitroOptions options)
    {
        _sinkName = sinkName;
        FailureThreshold = options.SinkCircuitFailureThreshold;
        _breakDuration = options.SinkCircuitBreakDuration;
    }

    /// <summary>Creates a closed circuit for each sink, in their order.</summary>
    public static SinkCircuit[] ForEach(IReadOnlyList<IAlertSink> sinks, MonitroOptions options) =>
        [.. sinks.Select(sink => new SinkCircuit(sink.GetType().Name, options))];

    /// <summary>Gets the sink's name, as reasons and logs show it.</summary>
    public string SinkName => _sinkName;

    /// <summary>Gets a value indicating whether the sink has not failed since it last took an alert: it may be called, whatever the time.</summary>
    public bool IsClosed => Volatile.Read(ref _failuresInARow) == 0;

    /// <summary>Gets the failures in a row that open the circuit.</summary>
    public int FailureThreshold { get; }

    /// <summary>Gets when the circuit lets the next attempt through; in the past when it is closed.</summary>
    public DateTimeOffset OpenUntil
    {
        get
        {
            lock (_gate)
            {
                return _openUntil;
            }
        }
    }

    /// <summary>Gets the type and message of the sink's latest failure, for the reason of alerts it was not called for.</summary>
    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>Tells whether the sink may be called now.</summary>
    public bool AllowsAttempt(DateTimeOffset now) => now >= OpenUntil;

    /// <summary>Records a delivery that worked: the circuit closes.</summary>
    public void Succeeded()
    {
        if (IsClosed)
        {
            Interlocked.Increment(ref _delivered);
            return;
        }

        lock (_gate)
        {
            Interlocked.Increment(ref _delivered);
            _failuresInARow = 0;
            _openUntil = DateTimeOffset.MinValue;
        }
    }

    /// <summary>Records a failed delivery; opens the circuit at the threshold, and again after each failed probe.</summary>
    /// <param name="now">The time of the failure.</param>
    /// <param name="exception">What the sink threw.</param>
    /// <returns><see langword="true"/> when this failure opened the circuit.</returns>
    public bool Failed(DateTimeOffset now, Exception exception)
    {
        lock (_gate)
        {
            _failed++;
            _lastError = $"{exception.GetType().Name}: {exception.Message}";
            _failuresInARow++;
            if (_failuresInARow < FailureThreshold)
            {
                return false;
            }

            _openUntil = now + _breakDuration;
            return true;
        }
    }

    /// <summary>Reads the circuit's state as of <paramref name="now"/>.</summary>
    public SinkDeliveryState Read(DateTimeOffset now)
    {
        lock (_gate)
        {
            return new SinkDeliveryState
            {
                SinkName = _sinkName,
                IsOpen = now < _openUntil,
                OpenUntil = now < _openUntil ? _openUntil : null,
                FailuresInARow = _failuresInARow,
                Delivered = Interlocked.Read(ref _delivered),
                Failed = _failed,
                LastError = _lastError,
            };
        }
    }
}
