using System.Diagnostics.Tracing;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// Listens to one event of the runtime's own event source in this process and hands its payload, by field name, to
/// <see cref="OnRuntimeEvent"/>.
/// </summary>
internal abstract class RuntimeEventLog : EventListener
{
    /// <summary>Gets the keywords that turn the event on. A constant: the base constructor reads it before any field is set.</summary>
    protected abstract EventKeywords Keywords { get; }

    /// <summary>Gets the event's id in the runtime's event source.</summary>
    protected abstract int EventId { get; }

    /// <summary>Handles one occurrence of the event.</summary>
    /// <param name="timeStamp">When the runtime raised it (UTC): events arrive late and on another thread.</param>
    /// <param name="payload">Reads a payload field by its name.</param>
    protected abstract void OnRuntimeEvent(DateTime timeStamp, Func<string, object?> payload);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, Keywords);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != EventId || eventData.Payload is not { } values || eventData.PayloadNames is not { } names)
        {
            return;
        }

        OnRuntimeEvent(eventData.TimeStamp.ToUniversalTime(), name => values[names.IndexOf(name)]);
    }
}
