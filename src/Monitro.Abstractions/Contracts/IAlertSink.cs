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

    /// <summary>Tells whether the sink takes an alert; an alert no sink takes counts as delivered.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>
    /// By default every alert but the inbox item changes (the <c>item.*</c> kinds, one per change of every item), which only
    /// sinks that ask for them get, such as <c>CrmEventSink</c>.
    /// </returns>
    bool Accepts(Alert alert) => alert is null || !alert.Kind.StartsWith(AlertKinds.ItemPrefix, StringComparison.Ordinal);
}
