using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// Listens to the runtime's allocation ticks in this process (one event about every 100 KB allocated, naming the type
/// of the object that crossed the mark) and adds up the bytes per type: an estimate of what a stream allocates, by type.
/// </summary>
internal sealed class AllocationLog : RuntimeEventLog
{
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly Func<DateTime, bool>? _counts;

    /// <summary>Counts every allocation tick.</summary>
    public AllocationLog()
    {
    }

    /// <summary>Counts the ticks of the moments <paramref name="counts"/> accepts (UTC).</summary>
    /// <param name="counts">Tells whether a tick at a moment counts: ticks arrive late and on another thread, so only their time stamp says which part of a run allocated.</param>
    public AllocationLog(Func<DateTime, bool> counts) => _counts = counts;

    /// <summary>Gets the sampled bytes per type name, largest first.</summary>
    public IEnumerable<(string Type, long Bytes)> ByType =>
        _bytesByType.Select(pair => (pair.Key, pair.Value)).OrderByDescending(pair => pair.Value);

    // The garbage collector's keyword, and its AllocationTick event.
    protected override EventKeywords Keywords => (EventKeywords)0x1;

    protected override int EventId => 10;

    protected override void OnRuntimeEvent(DateTime timeStamp, Func<string, object?> payload)
    {
        if (_counts is not null && !_counts(timeStamp))
        {
            return;
        }

        var type = payload("TypeName") as string ?? "?";
        var amount = Convert.ToInt64(payload("AllocationAmount64"), CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
