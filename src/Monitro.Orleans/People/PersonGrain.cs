using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Orleans.Alerting;
using Monitro.Orleans.Clock;
using Monitro.Relationships;

namespace Monitro.Orleans.People;

/// <summary>
/// A person of a tenant as a grain: its state loads from the tenant's store on the first call after activation, and
/// again when the person gains an identity. CRM facts come from the tenant's <see cref="IContactResolver"/>: the one
/// registered with the tenant id as its key, or else the one registered without a key, or none.
/// </summary>
internal sealed class PersonGrain(IMonitroClusterStores stores, IOptions<MonitroOrleansOptions> options, IServiceProvider services, TenantAlertRules rules, ClusterClock clock, ILogger<PersonGrain> logger) : Grain, IPersonGrain
{
    private PersonRelationship? _relationship;
    private IContactResolver? _contacts;

    public async Task<int> RecordAsync(string sourceName, Interaction[] interactions, Author[] people, string[] identities, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(people);
        if (people.Length != interactions.Length)
        {
            throw new ArgumentException("Each interaction needs its person at the same index.", nameof(people));
        }

        var (tenantId, relationship) = RelationshipOf(identities);
        try
        {
            var recorded = await relationship.RecordAsync(stores.ForTenant(tenantId), sourceName, interactions, people, clock.Time.GetUtcNow(), cancellationToken).ConfigureAwait(true);
            if (relationship.WakeUpEarlier is { } wakeUp)
            {
                await DueTimes.TellAsync(GrainFactory, tenantId, wakeUp, logger, cancellationToken).ConfigureAwait(true);
            }

            return recorded;
        }
        catch
        {
            // Memory may be ahead of the store now: forget it, so the next call rebuilds from the store.
            _relationship = null;
            throw;
        }
    }

    public async Task<int> AdvanceAsync(DateTimeOffset now, string[] identities, CancellationToken cancellationToken = default)
    {
        var (tenantId, relationship) = RelationshipOf(identities);
        try
        {
            return await relationship.AdvanceAsync(stores.ForTenant(tenantId), now, cancellationToken).ConfigureAwait(true);
        }
        catch
        {
            _relationship = null;
            throw;
        }
    }

    public async Task<RelationshipSnapshot?> GetRelationshipAsync(DateTimeOffset asOf, string[] identities, CancellationToken cancellationToken = default)
    {
        var (tenantId, relationship) = RelationshipOf(identities);
        return await relationship.GetAsync(stores.ForTenant(tenantId), asOf, cancellationToken).ConfigureAwait(true);
    }

    // The relationship for these identities: a person who gained an identity is rebuilt with it from the store, as one process merges the two.
    private (string TenantId, PersonRelationship Relationship) RelationshipOf(string[] identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        var (tenantId, personId) = PersonKey.Parse(this.GetPrimaryKeyString());
        if (_relationship is null || !_relationship.Holds(identities))
        {
            _contacts ??= services.GetKeyedService<IContactResolver>(tenantId) ?? services.GetService<IContactResolver>() ?? new NullContactResolver();
            _relationship = new PersonRelationship(personId, [.. (_relationship?.Identities ?? []).Union(identities, StringComparer.Ordinal)], options.Value.Relationships, _contacts, clock.Time, rules.TransitionsOf(tenantId));
        }

        return (tenantId, _relationship);
    }
}
