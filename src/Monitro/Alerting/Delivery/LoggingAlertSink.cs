using Microsoft.Extensions.Logging;
using Monitro.Alerting.Delivery;

namespace Monitro;

/// <summary>
/// Writes every alert to the log: its kind, key fingerprint, watch and source at Information; its key, title and post
/// text only at Trace (a key can hold a handle).
/// </summary>
/// <remarks>Handy during development and as a record of what was raised. The sink is thread-safe and never fails.</remarks>
public sealed class LoggingAlertSink : IAlertSink
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="LoggingAlertSink"/> class.</summary>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is <see langword="null"/>.</exception>
    public LoggingAlertSink(ILogger<LoggingAlertSink> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc/>
    public ValueTask DeliverAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _logger.AlertRaised(alert.Kind, alert.IdempotencyKey, alert.Mention?.Watch.Name, alert.Mention?.Post.Source);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            _logger.AlertText(alert.IdempotencyKey, alert.Title, alert.Mention?.Post.Text);
        }

        return ValueTask.CompletedTask;
    }
}
