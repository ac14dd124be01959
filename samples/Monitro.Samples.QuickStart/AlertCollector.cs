namespace Monitro.Samples.QuickStart;

/// <summary>Keeps every delivered alert, so they can be shown in time order once the run ends (delivery order depends on timing).</summary>
internal sealed class AlertCollector : IAlertSink
{
    private readonly List<Alert> _alerts = [];

    public IReadOnlyList<Alert> Alerts
    {
        get
        {
            lock (_alerts)
            {
                return [.. _alerts];
            }
        }
    }

    public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        lock (_alerts)
        {
            _alerts.Add(alert);
        }

        return ValueTask.CompletedTask;
    }
}
