namespace Monitro.Orleans;

/// <summary>Lists every tenant with watches through the registry's paged listing, without reading any watch.</summary>
internal static class TenantListing
{
    /// <summary>The number of tenants read per page.</summary>
    public const int PageSize = 1_000;

    /// <summary>Reads every tenant with watches, in ordinal order.</summary>
    public static async Task<List<string>> ReadAllAsync(ITenantWatchRegistry registry, CancellationToken cancellationToken)
    {
        var tenants = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await registry.GetTenantsAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            tenants.AddRange(page);
            if (page.Count < PageSize)
            {
                return tenants;
            }

            after = page[^1];
        }
    }
}
