using Monitro.Alerting;

namespace Monitro.Pipeline;

/// <summary>A batch on its way from a source reader to processing, the mark that the source has ended, or a timed check to run between batches.</summary>
/// <param name="SourceName">The source.</param>
/// <param name="Batch">The batch; empty for the end mark and for a check.</param>
/// <param name="IsEnd">Whether this is the end mark, written after the source's last batch.</param>
internal sealed record SourceWork(string SourceName, SourceBatch Batch, bool IsEnd = false)
{
    /// <summary>Gets the timed check to run on the processing task, or <see langword="null"/> for a batch or an end mark.</summary>
    public AlertScheduler? Check { get; init; }

    /// <summary>Creates the end mark of a source.</summary>
    public static SourceWork EndOf(string sourceName) => new(sourceName, new SourceBatch(), IsEnd: true);

    /// <summary>Creates the request to run one check of <paramref name="scheduler"/> between two batches.</summary>
    public static SourceWork CheckOf(AlertScheduler scheduler) => new(scheduler.SourceName, new SourceBatch()) { Check = scheduler };
}
