using Microsoft.Extensions.Logging;

namespace Monitro.Alerting;

/// <summary>The log messages of alert routing (event ids 60–69).</summary>
internal static partial class AlertingLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Alert rules changed: {RuleCount} rules now route alerts")]
    public static partial void RulesChanged(this ILogger logger, int ruleCount);

    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "Alert rules were changed to something not valid; the previous rules stay in force: {Failures}")]
    public static partial void RulesRejected(this ILogger logger, string failures);

    [LoggerMessage(EventId = 62, Level = LogLevel.Information, Message = "Raised {AlertKind} alert {AlertKey}")]
    public static partial void ScheduledAlertRaised(this ILogger logger, string alertKind, string alertKey);
}
