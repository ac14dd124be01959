using Microsoft.Extensions.Logging;

namespace Monitro.Delivery;

/// <summary>The log messages of the built-in sinks. Post text and titles (which name the author) only at Trace; secrets never.</summary>
internal static partial class DeliveryLog
{
    // Event ids 50-59 belong to the built-in sinks.
    [LoggerMessage(EventId = 50, Level = LogLevel.Debug, Message = "Webhook accepted alert {IdempotencyKey} with status {StatusCode}")]
    public static partial void WebhookAccepted(this ILogger logger, string idempotencyKey, int statusCode);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "Webhook refused alert {IdempotencyKey} with status {StatusCode}")]
    public static partial void WebhookRefused(this ILogger logger, string idempotencyKey, int statusCode);

    [LoggerMessage(EventId = 52, Level = LogLevel.Information, Message = "Alert {Kind} {IdempotencyKey} for watch {WatchName} from {Source}")]
    public static partial void AlertRaised(this ILogger logger, string kind, string idempotencyKey, string? watchName, string? source);

    [LoggerMessage(EventId = 53, Level = LogLevel.Trace, Message = "Alert {IdempotencyKey}: {Title}: {Text}")]
    public static partial void AlertText(this ILogger logger, string idempotencyKey, string title, string? text);
}
