namespace Monitro.Diagnostics;

/// <summary>The event ids of Monitro's log messages, in one place so they stay unique.</summary>
internal static class MonitroEventIds
{
    public const int PipelineStarting = 1;
    public const int PipelineStopped = 2;
    public const int PipelineFailed = 3;
    public const int SourceResuming = 10;
    public const int SourceCompleted = 11;
    public const int SourceFailed = 12;
    public const int SourceFailureDetails = 14;
    public const int ItemSkipped = 13;
    public const int BatchCommitted = 20;
    public const int MentionMatched = 21;
    public const int PostStageFailed = 22;
    public const int PostText = 23;
    public const int AlertDelivered = 30;
    public const int AlertDeliveryFailed = 31;
    public const int AlertDeadLettered = 32;
    public const int ShutdownGraceExpired = 33;
    public const int AlertsCommitted = 34;
    public const int TimedAlertsFailed = 35;
    public const int SinkCircuitOpened = 36;
    public const int RelationshipsRestored = 40;
    public const int ReplyPublished = 60;
    public const int ReplyPublishFailed = 61;
    public const int ReplyDeadLettered = 62;
    public const int ReplyLeaseLost = 63;
}
