using System.Collections.Concurrent;
using System.Threading.Channels;
using Monitro.Pipeline;

namespace Monitro.Diagnostics;

/// <summary>
/// What the running pipeline reports about itself for health checks and gauges: each source's activity, the batch
/// queue, and whether the last run failed. Thread-safe; one per <see cref="MentionMonitor"/>.
/// </summary>
internal sealed class PipelineActivity
{
    private readonly ConcurrentDictionary<string, SourceActivity> _sources = new(StringComparer.Ordinal);
    private ChannelReader<SourceWork>? _batchQueue;
    private int _batchQueueCapacity;
    private Exception? _failure;

    /// <summary>Gets the capacity of the batch queue of the current run, or 0 when no run is active.</summary>
    public int BatchQueueCapacity => Volatile.Read(ref _batchQueueCapacity);

    /// <summary>Gets how many batches wait in the queue of the current run; 0 when no run is active.</summary>
    public int BatchQueueCount => Volatile.Read(ref _batchQueue) is { CanCount: true } queue ? queue.Count : 0;

    /// <summary>Gets the error that stopped the last run, or <see langword="null"/> when it did not fail.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Gets the activity of a source, creating it (started now) the first time.</summary>
    public SourceActivity Source(string sourceName, DateTimeOffset now) =>
        _sources.GetOrAdd(sourceName, static (name, start) => new SourceActivity(name, start), now);

    /// <summary>Finds the activity of a source, or <see langword="null"/> when the pipeline never started it.</summary>
    public SourceActivity? Find(string sourceName) => _sources.GetValueOrDefault(sourceName);

    /// <summary>Gets every source seen so far.</summary>
    public IEnumerable<SourceActivity> Sources => _sources.Values;

    public void RunStarted(ChannelReader<SourceWork> batchQueue, int capacity)
    {
        Volatile.Write(ref _failure, null);
        Volatile.Write(ref _batchQueueCapacity, capacity);
        Volatile.Write(ref _batchQueue, batchQueue);
    }

    public void RunStopped(Exception? failure)
    {
        Volatile.Write(ref _batchQueue, null);
        Volatile.Write(ref _batchQueueCapacity, 0);
        Volatile.Write(ref _failure, failure);
    }
}
