namespace Monitro;

/// <summary>Where a source resumes: an opaque cursor that the source wrote and alone understands.</summary>
/// <param name="SourceName">The name of the source instance.</param>
/// <param name="Value">The cursor, in a form of the source's choosing (often a small JSON document).</param>
public sealed record SourceCheckpoint(string SourceName, string Value);
