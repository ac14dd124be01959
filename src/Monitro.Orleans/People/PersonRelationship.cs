using Monitro.Alerting;
using Monitro.Orleans.Alerting;
using Monitro.Pipeline;
using Monitro.Relationships;
using Monitro.Storage.Shared;

namespace Monitro.Orleans.People;

/// <summary>
/// The relationship state of one person of one tenant, kept by the single-process scorer (one registry holding this
/// person alone, with every identity known to be them linked) and rebuilt from the tenant's store, which stays the truth.
/// The CRM facts of each identity come from the tenant's <see cref="IContactResolver"/> when the person is rebuilt and
/// before new interactions are recorded, cached as in one process.
/// </summary>
/// <remarks>A failed commit leaves memory ahead of the store: the owner then drops the instance, and the next one rebuilds from the store.</remarks>
internal sealed class PersonRelationship
{
    private readonly string _personId;
    private readonly HashSet<string> _identities;
    private readonly RelationshipRegistry _registry;
    private readonly TransitionRoute? _rules;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private bool _loaded;
    private DateTimeOffset? _wakeUp;

    /// <param name="personId">The person id: the smallest of the identities.</param>
    /// <param name="identities">Every identity key known to be the person.</param>
    /// <param name="options">The scoring parameters.</param>
    /// <param name="contacts">The tenant's CRM facts.</param>
    /// <param name="timeProvider">The clock the CRM facts are cached by.</param>
    /// <param name="rules">The tenant's alert rules for transitions, or <see langword="null"/> when it has none (every transition is one alert).</param>
    public PersonRelationship(string personId, IEnumerable<string> identities, RelationshipOptions options, IContactResolver contacts, TimeProvider timeProvider, TransitionRoute? rules = null)
    {
        _rules = rules;
        _personId = personId;
        _identities = new HashSet<string>(identities, StringComparer.Ordinal) { personId };
        _timeProvider = timeProvider;
        _registry = new RelationshipRegistry(options, contacts);
        foreach (var identity in _identities.Where(i => !string.Equals(i, personId, StringComparison.Ordinal)))
        {
            _registry.Link(personId, identity);
        }
    }

    /// <summary>Gets the identities this state holds.</summary>
    public IReadOnlyCollection<string> Identities => _identities;

    /// <summary>
    /// Gets the wake-up the last commit stored, when it is earlier than the one this state stored before (or none was):
    /// the cluster's clock must hear of it. <see langword="null"/> otherwise.
    /// </summary>
    public DateTimeOffset? WakeUpEarlier { get; private set; }

    /// <summary>Whether this state holds every one of the identities.</summary>
    public bool Holds(IEnumerable<string> identities) => identities.All(_identities.Contains);

    /// <summary>Records the new interactions, once each, and commits them with the alerts of the transitions they cause.</summary>
    /// <returns>The number of interactions that were new.</returns>
    public async Task<int> RecordAsync(IMonitroStore store, string sourceName, IReadOnlyList<Interaction> interactions, IReadOnlyList<Author> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var fresh = new List<Interaction>();
        var freshPeople = new List<Author>();
        for (var i = 0; i < interactions.Count; i++)
        {
            var interaction = interactions[i];
            if (!_identities.Contains(interaction.PersonId))
            {
                throw new ArgumentException($"An interaction with '{interaction.PersonId}' was sent to the grain of another person.", nameof(interactions));
            }

            if (_known.Add(interaction.Id))
            {
                fresh.Add(interaction);
                freshPeople.Add(people[i]);
            }
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        // CRM facts before recording, as one process resolves a batch's people before it records their interactions.
        await _registry.ResolvePeopleAsync(freshPeople, now, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < fresh.Count; i++)
        {
            _registry.Record(fresh[i], freshPeople[i]);
        }

        // The interactions, their transitions' alerts and the next wake-up in one transaction: a replay finds them known and raises nothing twice.
        var alerts = Raise(now);
        await store.CommitAsync(new BatchCommit { SourceName = sourceName, Interactions = fresh, Alerts = alerts, AlertState = WakeUpChanges() }, cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    /// <summary>
    /// Moves the person to a moment with no new interaction, as one process's relationship timer does: commits the
    /// alerts of the transitions that fell due (an answer overdue, a relationship turned dormant) with the next wake-up.
    /// </summary>
    /// <returns>The number of transitions raised.</returns>
    /// <remarks>
    /// A transition raised before this state was rebuilt is raised again with the same key, and the outbox does not
    /// enqueue a key already pending or settled: each is delivered once.
    /// </remarks>
    public async Task<int> AdvanceAsync(IMonitroStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var alerts = Raise(now);
        await store.CommitAsync(new BatchCommit { SourceName = AlertScheduler.RelationshipSourceName, Alerts = alerts, AlertState = WakeUpChanges() }, cancellationToken).ConfigureAwait(false);
        return alerts.Count;
    }

    /// <summary>Gets the relationship as of a moment, or <see langword="null"/> when the store holds no interaction with the person.</summary>
    public async Task<RelationshipSnapshot?> GetAsync(IMonitroStore store, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await LoadAsync(store, cancellationToken).ConfigureAwait(false);
        return _registry.GetRelationship(_personId, asOf);
    }

    // The transitions due by now as alerts; with the tenant's rules, those the rules take, routed as one process routes
    // them (only immediate rules take transitions), with the role of the person as this state scores them.
    private List<Alert> Raise(DateTimeOffset now)
    {
        var raised = _registry.Advance(now).Select(transition => Alert.ForTransition(transition, now)).ToList();
        return _rules is null
            ? raised
            : _rules(raised, now, alert => _registry.GetRelationship(AlertSubject.PersonOf(alert) ?? _personId, now)?.Role?.ToString());
    }

    // Remembers the wake-up being stored: a failed commit drops this state, so it is never ahead of the store for long.
    private AlertStateChanges WakeUpChanges()
    {
        var next = _registry.NextWakeUp;
        WakeUpEarlier = next is { } at && (_wakeUp is not { } before || at < before) ? at : null;
        _wakeUp = next;
        return PersonWakeUp.Changes(_personId, next, _identities);
    }

    // Every identity's stored interactions, merged oldest first (by moment, then id) as one process replays its whole history.
    private async Task LoadAsync(IMonitroStore store, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        var history = store as IPersonInteractionHistory
            ?? throw new InvalidOperationException($"The store {store.GetType().Name} does not implement IPersonInteractionHistory, which a person grain needs to rebuild its state.");
        var all = new List<RecordedInteraction>();
        foreach (var identity in _identities.Order(StringComparer.Ordinal))
        {
            var page = new PageRequest(PageRequest.MaxPageSize);
            while (true)
            {
                var read = await history.GetInteractionsOfAsync(identity, page, cancellationToken).ConfigureAwait(false);
                all.AddRange(read.Items);
                if (read.ContinuationToken is null)
                {
                    break;
                }

                page = page with { ContinuationToken = read.ContinuationToken };
            }
        }

        await _registry.ResolvePeopleAsync(all.Select(static recorded => recorded.Person), _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var replay = new InteractionReplay(_registry);
        replay.Add([.. all.OrderBy(static r => r.Interaction.OccurredAt).ThenBy(static r => r.Interaction.Id, StringComparer.Ordinal)]);
        replay.Finish();
        _known.UnionWith(all.Select(static recorded => recorded.Interaction.Id));
        _loaded = true;
    }
}
