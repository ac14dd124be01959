namespace Monitro;

/// <summary>How far a backfill of one watch has come, counted since it started (across resumes).</summary>
/// <param name="WatchName">The watch.</param>
/// <param name="Scanned">The stored posts read and matched so far.</param>
/// <param name="Matched">The mentions written so far.</param>
/// <param name="Cursor">The last post committed, or <see langword="null"/> before the first batch.</param>
/// <param name="Completed">Whether every stored post in the range has been read.</param>
public sealed record BackfillProgress(string WatchName, long Scanned, long Matched, PostCursor? Cursor, bool Completed);
