namespace Monitro.Storage.Shared;

/// <summary>Checks of the page a query asks for, the same in every store.</summary>
internal static class PageRequests
{
    /// <summary>Returns <paramref name="page"/> when its size is within 1 and <see cref="PageRequest.MaxPageSize"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="page"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page size is out of range.</exception>
    public static PageRequest Check(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.PageSize is < 1 or > PageRequest.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(page), page.PageSize, $"The page size must be between 1 and {PageRequest.MaxPageSize}.");
        }

        return page;
    }
}
