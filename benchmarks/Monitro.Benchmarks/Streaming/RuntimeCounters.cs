using System.Runtime;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// What the runtime itself did in this process, as exact counters: where the CPU time a profile books to the runtime
/// goes (collections and their pauses, the compiler, thread-pool hops between stages, contended locks).
/// </summary>
internal readonly record struct RuntimeCounters(TimeSpan GcPause, int Gen0, int Gen1, int Gen2, TimeSpan Jit, long JitMethods, long WorkItems, long LockContentions)
{
    public static RuntimeCounters Now => new(
        GC.GetTotalPauseDuration(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        JitInfo.GetCompilationTime(),
        JitInfo.GetCompiledMethodCount(),
        ThreadPool.CompletedWorkItemCount,
        Monitor.LockContentionCount);

    public static RuntimeCounters operator -(RuntimeCounters end, RuntimeCounters start) => new(
        end.GcPause - start.GcPause,
        end.Gen0 - start.Gen0,
        end.Gen1 - start.Gen1,
        end.Gen2 - start.Gen2,
        end.Jit - start.Jit,
        end.JitMethods - start.JitMethods,
        end.WorkItems - start.WorkItems,
        end.LockContentions - start.LockContentions);
}
