using Microsoft.Extensions.Logging;
using Monitro.Storage.Shared;

namespace Monitro.Alerting.Delivery;

/// <summary>
/// The log messages of the built-in sinks. Post text, titles (which name the author) and idempotency keys (which can
/// hold a handle) only at Trace; above it, an alert is named by its fingerprint. Secrets never.
/// </summary>
internal static partial class DeliveryLog
{
    // Event ids 50-59 belong to the built-in sinks.
    public static void WebhookAccepted(this ILogger logger, string idempotencyKey, int statusCode)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var fingerprint = AlertKeyFingerprint.Of(idempotencyKey);
            WebhookAcceptedCore(logger, fingerprint, statusCode);
        }
    }

    public static void WebhookRefused(this ILogger logger, string idempotencyKey, int statusCode)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var fingerprint = AlertKeyFingerprint.Of(idempotencyKey);
            WebhookRefusedCore(logger, fingerprint, statusCode);
        }
    }

    public static void AlertRaised(this ILogger logger, string kind, string idempotencyKey, string? watchName, string? source)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var fingerprint = AlertKeyFingerprint.Of(idempotencyKey);
            AlertRaisedCore(logger, kind, fingerprint, watchName, source);
        }
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Debug, Message = "Webhook accepted alert {AlertFingerprint} with status {StatusCode}")]
    private static partial void WebhookAcceptedCore(ILogger logger, string alertFingerprint, int statusCode);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "Webhook refused alert {AlertFingerprint} with status {StatusCode}")]
    private static partial void WebhookRefusedCore(ILogger logger, string alertFingerprint, int statusCode);

    [LoggerMessage(EventId = 52, Level = LogLevel.Information, Message = "Alert {Kind} {AlertFingerprint} for watch {WatchName} from {Source}")]
    private static partial void AlertRaisedCore(ILogger logger, string kind, string alertFingerprint, string? watchName, string? source);

    [LoggerMessage(EventId = 53, Level = LogLevel.Trace, Message = "Alert {IdempotencyKey}: {Title}: {Text}")]
    public static partial void AlertText(this ILogger logger, string idempotencyKey, string title, string? text);
}
