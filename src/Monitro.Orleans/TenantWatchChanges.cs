namespace Monitro.Orleans;

/// <summary>
/// A page of the registry's change feed: the edits after a reader's version, oldest first, or word that the feed no
/// longer reaches back to it (older edits were compacted away), in which case the reader loads every watch instead.
/// </summary>
/// <param name="Version">The registry's version when the page was read.</param>
/// <param name="ReachesBack">
/// Whether the feed still holds every edit after the reader's version; <see langword="false"/> also when the reader's
/// version is newer than the registry's (a registry that started over).
/// </param>
/// <param name="Changes">The edits after the reader's version, at most the limit asked for; empty when <paramref name="ReachesBack"/> is <see langword="false"/>.</param>
public sealed record TenantWatchChanges(long Version, bool ReachesBack, IReadOnlyList<TenantWatchChange> Changes)
{
    /// <summary>The number of recent edits a registry's change feed keeps unless told otherwise.</summary>
    public const int DefaultRetention = 10_000;
}
