namespace Monitro.Orleans.Matching;

/// <summary>
/// Brings a follower of the registry up to date: page by page through the change feed of its slice, or by loading the
/// slice's watches when it never loaded or the feed no longer reaches back to its version. A shard thus reads only its
/// own watches and edits; a follower of every watch reads them all.
/// </summary>
internal static class WatchFeed
{
    /// <summary>The number of edits read per page.</summary>
    public const int PageSize = 1_000;

    /// <summary>Brings the follower to the registry's current version (at least <paramref name="version"/> when it is behind it).</summary>
    /// <returns>The number of edits read from the feed, and whether the follower's watches were loaded whole instead.</returns>
    public static async Task<(int ChangesRead, bool LoadedWhole)> CatchUpAsync(IWatchFollower follower, ITenantWatchRegistry registry, long version, CancellationToken cancellationToken)
    {
        if (follower.Version >= 0 && follower.Version >= version)
        {
            return (0, false);
        }

        var read = 0;
        while (follower.Version >= 0)
        {
            var page = await registry.GetSliceChangesSinceAsync(follower.Version, PageSize, follower.Slice, cancellationToken).ConfigureAwait(false);
            if (!page.ReachesBack)
            {
                break;
            }

            foreach (var change in page.Changes)
            {
                follower.Apply(change);
            }

            read += page.Changes.Count;

            // A page short of the limit holds every edit of the slice up to the page's version.
            if (page.Changes.Count < PageSize)
            {
                follower.Reach(page.Version);
                return (read, false);
            }
        }

        follower.Load(await registry.GetSliceAsync(follower.Slice, cancellationToken).ConfigureAwait(false));
        return (read, true);
    }
}
