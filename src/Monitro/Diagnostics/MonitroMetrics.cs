using System.Diagnostics.Metrics;

namespace Monitro.Diagnostics;

/// <summary>The pipeline's instruments on the <c>Monitro</c> meter.</summary>
internal sealed class MonitroMetrics
{
    private readonly Counter<long> _postsRead;
    private readonly Counter<long> _postsDuplicate;
    private readonly Counter<long> _mentionsMatched;
    private readonly Counter<long> _itemsSkipped;
    private readonly Counter<long> _sourceFailures;
    private readonly Counter<long> _alertsCommitted;
    private readonly Counter<long> _alertsDelivered;
    private readonly Counter<long> _alertDeliveryFailures;
    private readonly Counter<long> _alertsDeadLettered;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _interactionsRestored;
    private readonly Counter<long> _repliesPublished;
    private readonly Counter<long> _replyFailures;
    private readonly Counter<long> _repliesDeadLettered;

    public MonitroMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MonitroDiagnostics.MeterName);
        _postsRead = meter.CreateCounter<long>("monitro.posts.read", "{post}", "Posts read from sources.");
        _postsDuplicate = meter.CreateCounter<long>("monitro.posts.duplicates", "{post}", "Posts dropped because they were already processed.");
        _mentionsMatched = meter.CreateCounter<long>("monitro.mentions.matched", "{mention}", "Mentions found: posts that matched a watch.");
        _itemsSkipped = meter.CreateCounter<long>("monitro.items.skipped", "{item}", "Items skipped as malformed or invalid.");
        _sourceFailures = meter.CreateCounter<long>("monitro.source.failures", "{failure}", "Times a source failed and was retried.");
        _alertsCommitted = meter.CreateCounter<long>("monitro.alerts.committed", "{alert}", "Alerts committed to the outbox, with a source batch or on their own.");
        _alertsDelivered = meter.CreateCounter<long>("monitro.alerts.delivered", "{alert}", "Alerts delivered to a sink.");
        _alertDeliveryFailures = meter.CreateCounter<long>("monitro.alerts.failures", "{attempt}", "Failed attempts to deliver an alert to a sink.");
        _alertsDeadLettered = meter.CreateCounter<long>("monitro.alerts.dead_lettered", "{alert}", "Alerts given up after their last attempt.");
        _batchDuration = meter.CreateHistogram<double>("monitro.batch.duration", "s", "Time to process and commit one source batch.");
        _interactionsRestored = meter.CreateCounter<long>("monitro.relationships.restored", "{interaction}", "Stored interactions read into the relationship scorer at start (a lazy start reads those of people restored from a snapshot later).");
        _repliesPublished = meter.CreateCounter<long>("monitro.replies.published", "{reply}", "Replies published on their platform.");
        _replyFailures = meter.CreateCounter<long>("monitro.replies.failures", "{attempt}", "Failed attempts to publish a reply, tried again later.");
        _repliesDeadLettered = meter.CreateCounter<long>("monitro.replies.dead_lettered", "{reply}", "Replies given up: refused for good, or out of attempts.");
    }

    public void PostsRead(string source, int count) => _postsRead.Add(count, SourceTag(source));

    public void PostsDuplicate(string source, int count) => _postsDuplicate.Add(count, SourceTag(source));

    public void MentionMatched(string source, WatchCategory category) =>
        _mentionsMatched.Add(1, SourceTag(source), new KeyValuePair<string, object?>(MonitroDiagnostics.CategoryTag, CategoryName(category)));

    public void ItemsSkipped(string source, int count) => _itemsSkipped.Add(count, SourceTag(source));

    public void SourceFailed(string source) => _sourceFailures.Add(1, SourceTag(source));

    /// <summary>Counts alerts committed; <paramref name="source"/> is the source of their batch, or the pipeline's name for alerts committed alone.</summary>
    public void AlertsCommitted(string source, int count) => _alertsCommitted.Add(count, SourceTag(source));

    public void AlertDelivered(string sink) => _alertsDelivered.Add(1, SinkTag(sink));

    public void AlertDeliveryFailed(string sink) => _alertDeliveryFailures.Add(1, SinkTag(sink));

    public void AlertDeadLettered() => _alertsDeadLettered.Add(1);

    public void BatchProcessed(string source, TimeSpan elapsed) => _batchDuration.Record(elapsed.TotalSeconds, SourceTag(source));

    public void InteractionsRestored(long count) => _interactionsRestored.Add(count);

    public void ReplyPublished(string platform) => _repliesPublished.Add(1, PlatformTag(platform));

    public void ReplyFailed(string platform) => _replyFailures.Add(1, PlatformTag(platform));

    public void ReplyDeadLettered(string platform) => _repliesDeadLettered.Add(1, PlatformTag(platform));

    private static KeyValuePair<string, object?> PlatformTag(string platform) => new(MonitroDiagnostics.ReplyPlatformTag, platform);

    private static KeyValuePair<string, object?> SourceTag(string source) => new(MonitroDiagnostics.SourceTag, source);

    private static KeyValuePair<string, object?> SinkTag(string sink) => new(MonitroDiagnostics.SinkTag, sink);

    // Enum.ToString allocates and is reflection-based; the categories are few and fixed.
    private static string CategoryName(WatchCategory category) => category switch
    {
        WatchCategory.Brand => "brand",
        WatchCategory.Person => "person",
        WatchCategory.Product => "product",
        WatchCategory.Competitor => "competitor",
        WatchCategory.Industry => "industry",
        WatchCategory.Campaign => "campaign",
        _ => "custom",
    };
}
