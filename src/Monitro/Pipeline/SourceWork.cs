namespace Monitro.Pipeline;

/// <summary>A batch on its way from a source reader to processing.</summary>
internal sealed record SourceWork(string SourceName, SourceBatch Batch);
