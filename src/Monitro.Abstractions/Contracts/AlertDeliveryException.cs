namespace Monitro;

/// <summary>
/// Thrown by a sink whose receiver refused an alert for now and said when to try again (an HTTP <c>Retry-After</c>,
/// a chat API's rate limit): the dispatcher then waits at least <see cref="RetryAfter"/> before the next attempt.
/// </summary>
/// <remarks>Any other exception from a sink is a failure too; this one only adds the wait the receiver asked for.</remarks>
public class AlertDeliveryException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="AlertDeliveryException"/> class.</summary>
    public AlertDeliveryException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlertDeliveryException"/> class.</summary>
    /// <param name="message">What went wrong (no secrets, no post text).</param>
    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlertDeliveryException"/> class.</summary>
    /// <param name="message">What went wrong (no secrets, no post text).</param>
    /// <param name="innerException">The failure underneath, for example an <see cref="System.Net.Http.HttpRequestException"/> with the status.</param>
    public AlertDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlertDeliveryException"/> class.</summary>
    /// <param name="message">What went wrong (no secrets, no post text).</param>
    /// <param name="retryAfter">How long the receiver asked to wait; negative values count as zero.</param>
    /// <param name="innerException">The failure underneath, or <see langword="null"/>.</param>
    public AlertDeliveryException(string message, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter is { } wait && wait < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
    }

    /// <summary>Gets how long the receiver asked to wait before the next attempt, or <see langword="null"/> when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
