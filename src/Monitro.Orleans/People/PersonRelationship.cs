using Monitro.Pipeline;
using Monitro.Relationships;

namespace Monitro.Orleans.People;

/// <summary>
/// The relationship state of one person of one tenant, kept by the single-process scorer (one registry holding this
/// person alone) and rebuilt from the tenant's store, which stays the truth.
/// </summary>
/// <remarks>
/// A failed commit leaves memory ahead of the store: the owner then drops the instance, and the next one rebuilds
/// from the store. Identities linked across people are not merged here: each person id is its own grain.
/// </remarks>
/// <param name="personId">The identity key of the person.</param>
/// <param name="options">The scoring parameters.</param>
internal sealed class PersonRelationship(string personId, RelationshipOptions options)
{
    private readonly RelationshipRegistry _registry = new(options, new NullContactResolver());
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private bool _loaded;

    /// <summary>Records the new interactions, once each, and commits them with the alerts of the transitions they cause.</summary>
    /// <returns>The number of interactions that were new.</returns>
    public async Task<int> RecordAsync(IMonitroStore store, string sourceName, IReadOnlyList<Interaction> interactions, Author person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var fresh = new List<Interaction>();
        foreach (var interaction in interactions)
        {
            if (!string.Equals(interaction.PersonId, personId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"An interaction with '{interaction.PersonId}' was sent to the grain of another person.", nameof(interactions));
            }

            if (_known.Add(interaction.Id))
            {
                fresh.Add(interaction);
                _registry.Record(interaction, person);
            }
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        // The interactions and their transitions' alerts in one transaction: a replay finds them known and raises nothing twice.
        var alerts = _registry.Advance(now).Select(transition => Alert.ForTransition(transition, now)).ToList();
        await store.CommitAsync(new BatchCommit { SourceName = sourceName, Interactions = fresh, Alerts = alerts }, cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    private async Task LoadAsync(IMonitroStore store, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        var history = store as IPersonInteractionHistory
            ?? throw new InvalidOperationException($"The store {store.GetType().Name} does not implement IPersonInteractionHistory, which a person grain needs to rebuild its state.");
        var replay = new InteractionReplay(_registry);
        var page = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var read = await history.GetInteractionsOfAsync(personId, page, cancellationToken).ConfigureAwait(false);
            replay.Add(read.Items);
            _known.UnionWith(read.Items.Select(static recorded => recorded.Interaction.Id));
            if (read.ContinuationToken is null)
            {
                break;
            }

            page = page with { ContinuationToken = read.ContinuationToken };
        }

        replay.Finish();
        _loaded = true;
    }
}
