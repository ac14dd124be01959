using Microsoft.Extensions.Options;

namespace Monitro.Orleans.People;

/// <summary>A person of a tenant as a grain: its state loads from the tenant's store on the first call after activation.</summary>
internal sealed class PersonGrain(IMonitroClusterStores stores, IOptions<MonitroOrleansOptions> options, TimeProvider timeProvider) : Grain, IPersonGrain
{
    private PersonRelationship? _relationship;

    public async Task<int> RecordAsync(string sourceName, Interaction[] interactions, Author person, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(person);
        var (tenantId, personId) = PersonKey.Parse(this.GetPrimaryKeyString());
        var relationship = _relationship ??= new PersonRelationship(personId, options.Value.Relationships);
        try
        {
            return await relationship.RecordAsync(stores.ForTenant(tenantId), sourceName, interactions, person, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(true);
        }
        catch
        {
            // Memory may be ahead of the store now: forget it, so the next call rebuilds from the store.
            _relationship = null;
            throw;
        }
    }
}
