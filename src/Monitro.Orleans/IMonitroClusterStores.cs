namespace Monitro.Orleans;

/// <summary>The stores a scaled-out Monitro writes to: one for the source leases, and one per tenant.</summary>
/// <remarks>
/// <para>Tenants are kept apart by store: each tenant's posts, mentions and alerts go to its own store (its own SQLite
/// file, or its own PostgreSQL schema), so no query of one tenant can read another's rows. The lease store keeps the
/// checkpoints and epochs of the sources, which are read once for all tenants.</para>
/// <para>Every store returned must implement <see cref="IFencedCommits"/> (the built-in stores do). Implementations are
/// thread-safe and return the same instance for a tenant on every call.</para>
/// </remarks>
public interface IMonitroClusterStores
{
    /// <summary>Gets the store of the source leases: their checkpoints, epochs and the items they skipped.</summary>
    IMonitroStore Leases { get; }

    /// <summary>Gets the store of a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns>The tenant's store.</returns>
    IMonitroStore ForTenant(string tenantId);
}
