using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// Listens to the runtime's JIT events in this process and keeps, for each method compiled, when it was compiled
/// and at which tier, so a stream can show which methods are first compiled late (each of which postpones the
/// runtime's optimization of everything else) and when the hot path is recompiled optimized.
/// </summary>
internal sealed class JitLog : RuntimeEventLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ConcurrentQueue<(TimeSpan At, string Tier, string Method)> Compiled { get; } = new();

    public TimeSpan Now => _clock.Elapsed;

    // The JIT keyword, and its MethodLoadVerbose event.
    protected override EventKeywords Keywords => (EventKeywords)0x10;

    protected override int EventId => 143;

    protected override void OnRuntimeEvent(DateTime timeStamp, Func<string, object?> payload)
    {
        var flags = Convert.ToInt64(payload("MethodFlags"), System.Globalization.CultureInfo.InvariantCulture);
        var tier = ((flags >> 7) & 0x7) switch
        {
            1 => "minopts",
            2 => "optimized",
            3 => "tier0",
            4 => "tier1",
            5 => "tier1-osr",
            6 => "tier0-instrumented",
            7 => "tier1-instrumented",
            _ => "unknown",
        };
        Compiled.Enqueue((_clock.Elapsed, tier, $"{payload("MethodNamespace")}::{payload("MethodName")}"));
    }
}
