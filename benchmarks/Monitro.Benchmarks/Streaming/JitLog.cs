using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// Listens to the runtime's JIT events in this process and keeps, for each method compiled, when it was compiled
/// and at which tier, so a stream can show which methods are first compiled late (each of which postpones the
/// runtime's optimization of everything else) and when the hot path is recompiled optimized.
/// </summary>
internal sealed class JitLog : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int MethodLoadVerbose = 143;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ConcurrentQueue<(TimeSpan At, string Tier, string Method)> Compiled { get; } = new();

    public TimeSpan Now => _clock.Elapsed;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != MethodLoadVerbose || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var flags = Convert.ToInt64(payload[names.IndexOf("MethodFlags")], System.Globalization.CultureInfo.InvariantCulture);
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
        Compiled.Enqueue((_clock.Elapsed, tier, $"{payload[names.IndexOf("MethodNamespace")]}::{payload[names.IndexOf("MethodName")]}"));
    }
}
