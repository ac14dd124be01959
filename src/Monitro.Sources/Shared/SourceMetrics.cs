using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Monitro.Sources.Shared;

/// <summary>The instruments the sources report on the <c>Monitro</c> meter.</summary>
internal sealed class SourceMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _postsRead;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _retractions;
    private readonly Counter<long> _failures;

    public SourceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MonitroDiagnostics.MeterName);
        _requests = meter.CreateCounter<long>("monitro.source.requests", "{request}", "Requests sent by sources, by HTTP status code.");
        _postsRead = meter.CreateCounter<long>("monitro.source.items.read", "{item}", "Posts read by sources.");
        _skipped = meter.CreateCounter<long>("monitro.source.items.skipped", "{item}", "Items sources could not read and skipped.");
        _retractions = meter.CreateCounter<long>("monitro.source.retractions", "{item}", "Deletions reported by platforms.");
        _failures = meter.CreateCounter<long>("monitro.source.poll_failures", "{failure}", "Polls or connections that failed inside a source (the pipeline counts sources that stopped in monitro.source.failures).");
    }

    public void Request(string source, int statusCode) =>
        _requests.Add(1, new TagList { { "monitro.source", source }, { "http.response.status_code", statusCode } });

    public void Batch(string source, SourceBatch batch)
    {
        var tag = new KeyValuePair<string, object?>("monitro.source", source);
        if (batch.Posts.Count > 0)
        {
            _postsRead.Add(batch.Posts.Count, tag);
        }

        if (batch.Skipped.Count > 0)
        {
            _skipped.Add(batch.Skipped.Count, tag);
        }

        if (batch.Retractions.Count > 0)
        {
            _retractions.Add(batch.Retractions.Count, tag);
        }
    }

    public void Failure(string source, string kind) =>
        _failures.Add(1, new TagList { { "monitro.source", source }, { "error.type", kind } });
}
