using System.Collections.Concurrent;

namespace Monitro.Sources.Shared;

/// <summary>Holds the health tracker of every source built by the Monitro source extensions.</summary>
internal sealed class SourceHealthRegistry : ISourceHealthMonitor
{
    private readonly ConcurrentDictionary<string, SourceHealthTracker> _trackers = new(StringComparer.Ordinal);

    public SourceHealthTracker Register(SourceHealthTracker tracker) => _trackers.GetOrAdd(tracker.SourceName, tracker);

    public IReadOnlyList<SourceHealthStatus> GetAll() =>
        [.. _trackers.Values.Select(t => t.Snapshot()).OrderBy(s => s.SourceName, StringComparer.Ordinal)];

    public SourceHealthStatus? Find(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        return _trackers.TryGetValue(sourceName, out var tracker) ? tracker.Snapshot() : null;
    }
}
