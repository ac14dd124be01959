namespace Monitro;

/// <summary>Delivers alerts somewhere: a webhook, a chat, a CRM, the console.</summary>
/// <remarks>
/// Delivery is at least once: a sink may see an alert again after a crash or a retry, with the same
/// <see cref="Alert.IdempotencyKey"/>. A sink that throws is retried by the pipeline.
/// </remarks>
public interface IAlertSink
{
    /// <summary>Delivers one alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="cancellationToken">A token that cancels the delivery.</param>
    /// <returns>A task that completes when the alert was delivered.</returns>
    ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default);
}
