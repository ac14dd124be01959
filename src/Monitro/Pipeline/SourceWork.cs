namespace Monitro.Pipeline;

/// <summary>A batch on its way from a source reader to processing, or the mark that the source has ended.</summary>
/// <param name="SourceName">The source.</param>
/// <param name="Batch">The batch; empty for the end mark.</param>
/// <param name="IsEnd">Whether this is the end mark, written after the source's last batch.</param>
internal sealed record SourceWork(string SourceName, SourceBatch Batch, bool IsEnd = false)
{
    /// <summary>Creates the end mark of a source.</summary>
    public static SourceWork EndOf(string sourceName) => new(sourceName, new SourceBatch(), IsEnd: true);
}
