using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// Listens to the runtime's JIT events in this process and keeps, for each method compiled, when it was compiled,
/// at which tier and how long the compilation took, so a stream can show which methods are first compiled late
/// (each of which postpones the runtime's optimization of everything else), when the hot path is recompiled
/// optimized, and which compilations cost the most.
/// </summary>
internal sealed class JitLog : RuntimeEventLog
{
    // MethodJittingStarted: its time stamp, by method, is the start of the compilation MethodLoadVerbose ends.
    private const int JittingStartedEventId = 145;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<long, DateTime> _started = new();

    public ConcurrentQueue<(TimeSpan At, string Tier, string Method, TimeSpan Took)> Compiled { get; } = new();

    public TimeSpan Now => _clock.Elapsed;

    // The JIT keyword, and its MethodLoadVerbose event.
    protected override EventKeywords Keywords => (EventKeywords)0x10;

    protected override int EventId => 143;

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId == JittingStartedEventId && eventData.Payload is { } values && eventData.PayloadNames is { } names)
        {
            _started[MethodId(values[names.IndexOf("MethodID")])] = eventData.TimeStamp.ToUniversalTime();
            return;
        }

        base.OnEventWritten(eventData);
    }

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
        var took = _started.TryRemove(MethodId(payload("MethodID")), out var started) ? timeStamp - started : TimeSpan.Zero;
        Compiled.Enqueue((_clock.Elapsed, tier, $"{payload("MethodNamespace")}::{payload("MethodName")}", took));
    }

    private static long MethodId(object? value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
