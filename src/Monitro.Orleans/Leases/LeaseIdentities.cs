using Monitro.Orleans.People;

namespace Monitro.Orleans.Leases;

/// <summary>
/// The identities of each tenant as one lease knows them, kept current with the other leases through each tenant's
/// link version (<see cref="ITenantLinksGrain"/>): read before every batch, with the tenant's links read again from its
/// store when the version moved; moved by this lease after a commit with links it learnt.
/// </summary>
/// <remarks>
/// The version is read (or moved) before the store, and a lease commits its links before it moves the version: a link
/// committed after this lease's read of the store moves the version past what this lease saw, so it is read at the
/// next batch. Owned by one lease runner: not thread-safe.
/// </remarks>
internal sealed class LeaseIdentities(IMonitroClusterStores stores, LinkVersionCall versions, MonitroOrleansOptions settings)
{
    private readonly Dictionary<string, (TenantIdentities Identities, long Version)> _tenants = new(StringComparer.Ordinal);

    /// <summary>Gets a tenant's identities: its configured links and what its store kept, read again when another lease committed links since.</summary>
    public async Task<TenantIdentities> OfAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!_tenants.TryGetValue(tenantId, out var known))
        {
            // The first read moves the version: links that an earlier activation committed and died before announcing reach the others.
            var version = await versions(tenantId, true, cancellationToken).ConfigureAwait(false);
            var configured = settings.Tenants.TryGetValue(tenantId, out var tenant) ? tenant.LinkedIdentities : [];
            var identities = new TenantIdentities(configured, await StoredAsync(tenantId, cancellationToken).ConfigureAwait(false), settings.Relationships.MergeByVerifiedDomain);
            _tenants[tenantId] = (identities, version);
            return identities;
        }

        var current = await versions(tenantId, false, cancellationToken).ConfigureAwait(false);
        if (current != known.Version)
        {
            known.Identities.Refresh(await StoredAsync(tenantId, cancellationToken).ConfigureAwait(false));
            _tenants[tenantId] = (known.Identities, current);
        }

        return known.Identities;
    }

    /// <summary>After the tenant's commit, moves its version when this lease learnt links, so that the other leases read them.</summary>
    public async Task AnnounceAsync(string tenantId, bool learnt, CancellationToken cancellationToken)
    {
        if (!learnt)
        {
            return;
        }

        var (identities, seen) = _tenants[tenantId];
        var moved = await versions(tenantId, true, cancellationToken).ConfigureAwait(false);

        // One past what this lease saw: nobody else committed links meanwhile. Otherwise the next batch reads them.
        if (moved == seen + 1)
        {
            _tenants[tenantId] = (identities, moved);
        }
    }

    private async Task<IReadOnlyList<AlertStateRow>> StoredAsync(string tenantId, CancellationToken cancellationToken) =>
        stores.ForTenant(tenantId) is IAlertStateStore state ? await state.GetAlertStateAsync(cancellationToken).ConfigureAwait(false) : [];
}
