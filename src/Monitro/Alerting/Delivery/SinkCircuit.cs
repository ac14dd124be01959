namespace Monitro.Alerting.Delivery;

/// <summary>
/// The circuit of one sink: after <see cref="FailureThreshold"/> failures in a row it opens, and the dispatcher stops
/// calling that sink until the break is over, so a dead receiver that answers only with time-outs does not hold up
/// delivery to the other sinks. Then one alert goes through as a probe: success closes it, failure opens it again.
/// </summary>
/// <remarks>Used by the one dispatcher loop of a run, so it needs no lock.</remarks>
internal sealed class SinkCircuit
{
    /// <summary>Failures in a row that open the circuit.</summary>
    public const int FailureThreshold = 5;

    /// <summary>How long an open circuit keeps the sink out of delivery.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private int _failuresInARow;

    /// <summary>Gets when the circuit lets the next attempt through; in the past when it is closed.</summary>
    public DateTimeOffset OpenUntil { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Gets the type and message of the sink's latest failure, for the reason of alerts it was not called for.</summary>
    public string? LastError { get; private set; }

    /// <summary>Tells whether the sink may be called now.</summary>
    public bool AllowsAttempt(DateTimeOffset now) => now >= OpenUntil;

    /// <summary>Records a delivery that worked: the circuit closes.</summary>
    public void Succeeded()
    {
        _failuresInARow = 0;
        OpenUntil = DateTimeOffset.MinValue;
    }

    /// <summary>Records a failed delivery; opens the circuit at the threshold, and again after each failed probe.</summary>
    /// <param name="now">The time of the failure.</param>
    /// <param name="exception">What the sink threw.</param>
    /// <returns><see langword="true"/> when this failure opened the circuit.</returns>
    public bool Failed(DateTimeOffset now, Exception exception)
    {
        LastError = $"{exception.GetType().Name}: {exception.Message}";
        _failuresInARow++;
        if (_failuresInARow < FailureThreshold)
        {
            return false;
        }

        OpenUntil = now + BreakDuration;
        return true;
    }
}
