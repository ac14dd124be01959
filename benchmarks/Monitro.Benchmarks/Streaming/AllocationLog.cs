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

    /// <summary>Gets the sampled bytes per type name, largest first.</summary>
    public IEnumerable<(string Type, long Bytes)> ByType =>
        _bytesByType.Select(pair => (pair.Key, pair.Value)).OrderByDescending(pair => pair.Value);

    // The garbage collector's keyword, and its AllocationTick event.
    protected override EventKeywords Keywords => (EventKeywords)0x1;

    protected override int EventId => 10;

    protected override void OnRuntimeEvent(Func<string, object?> payload)
    {
        var type = payload("TypeName") as string ?? "?";
        var amount = Convert.ToInt64(payload("AllocationAmount64"), CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
