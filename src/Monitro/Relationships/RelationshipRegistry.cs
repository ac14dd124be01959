using Monitro.Alerting.State;

namespace Monitro.Relationships;

/// <summary>
/// The built-in relationship scorer and person directory: keeps one <see cref="PersonState"/> per person,
/// merges identities (user links, verified domains), caches CRM facts, scores with <see cref="PersonScorer"/>,
/// and raises transitions when people change or when time passes (response targets, dormancy).
/// </summary>
/// <remarks>Thread-safe through one lock; CRM look-ups run outside it.</remarks>
internal sealed class RelationshipRegistry : IRelationshipScorer, IPersonDirectory
{
    private readonly Lock _gate = new();
    private readonly RelationshipParameters _parameters;
    private readonly IContactResolver _resolver;
    private readonly IdentityGraph _graph = new();
    private readonly Dictionary<string, PersonState> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _identityByDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ContactFacts? Facts, DateTimeOffset ExpiresAt)> _contacts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    // Identities to look at again at a moment: when an answer falls due, when a strong relationship would turn dormant.
    private readonly PriorityQueue<string, DateTimeOffset> _wakeUps = new();
    private long[]? _followersSorted;

    // Links and verified domains learnt since the last commit took them: they are saved with it (see TakeUnsaved).
    private readonly List<AlertStateRow> _unsaved = [];

    public RelationshipRegistry(RelationshipOptions options, IContactResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resolver);
        _parameters = new RelationshipParameters(options);
        _resolver = resolver;
        // Configured links are configuration: they apply at every start and are not stored.
        foreach (var link in options.LinkedIdentities)
        {
            ArgumentException.ThrowIfNullOrEmpty(link.First);
            ArgumentException.ThrowIfNullOrEmpty(link.Second);
            LinkLocked(Normalize(link.First), Normalize(link.Second));
        }
    }

    public TimeSpan AdvanceInterval => _parameters.Options.AdvanceInterval;

    public void Record(Interaction interaction, Author person)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(person);
        var options = _parameters.Options;
        lock (_gate)
        {
            var identity = interaction.PersonId;
            var personId = _graph.Find(identity);
            if (!_people.TryGetValue(personId, out var state))
            {
                _people[personId] = state = new PersonState(personId, person);
            }

            state.Identities.Add(identity);
            if (!state.Add(interaction, person))
            {
                return;
            }

            _changed.Add(identity);
            _followersSorted = null;
            if (interaction.Direction == InteractionDirection.Inbound && (interaction.NeedsResponse || ResponseLedger.IsComplaint(interaction)))
            {
                _wakeUps.Enqueue(identity, interaction.OccurredAt + ResponseLedger.TargetFor(interaction, options) + TimeSpan.FromTicks(1));
            }

            if (options.MergeByVerifiedDomain)
            {
                foreach (var domain in VerifiedDomains.Of(person))
                {
                    if (_identityByDomain.TryAdd(domain, identity))
                    {
                        _unsaved.Add(new AlertStateRow { Scope = AlertStateScopes.VerifiedDomain, Item = domain, PersonId = identity });
                    }
                    else
                    {
                        LinkAndSave(identity, _identityByDomain[domain]);
                    }
                }
            }
        }
    }

    public async ValueTask ResolveContactsAsync(IReadOnlyCollection<Author> people, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        var pending = new List<string>();
        lock (_gate)
        {
            foreach (var person in people)
            {
                var key = person.IdentityKey;
                if ((!_contacts.TryGetValue(key, out var cached) || cached.ExpiresAt <= now) && !pending.Contains(key))
                {
                    pending.Add(key);
                }
            }
        }

        foreach (var key in pending)
        {
            var facts = await _resolver.ResolveAsync(key, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _contacts[key] = (facts, now + _parameters.Options.ContactCacheDuration);
                _changed.Add(key);
            }
        }
    }

    public IReadOnlyList<RelationshipTransition> Advance(DateTimeOffset now)
    {
        var options = _parameters.Options;
        var transitions = new List<RelationshipTransition>();
        lock (_gate)
        {
            var people = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var identity in _changed)
            {
                people.Add(_graph.Find(identity));
            }

            _changed.Clear();
            while (_wakeUps.TryPeek(out var identity, out var at) && at <= now)
            {
                _wakeUps.Dequeue();
                people.Add(_graph.Find(identity));
            }

            foreach (var personId in people)
            {
                if (!_people.TryGetValue(personId, out var state))
                {
                    continue;
                }

                var evaluation = Evaluate(state, now, withReach: false);
                TransitionDetector.Detect(state, evaluation, options, now, transitions);
                if (evaluation.Snapshot.Band == BondScore.Strong)
                {
                    var lastExchange = state.Inbound > 0 && state.Outbound > 0
                        ? (state.LastInboundAt <= state.LastOutboundAt ? state.LastInboundAt : state.LastOutboundAt)
                        : state.LastContactAt;
                    _wakeUps.Enqueue(personId, lastExchange + (options.BondHalfLife * options.DormantHalfLives) + TimeSpan.FromTicks(1));
                }
            }
        }

        return transitions;
    }

    public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        lock (_gate)
        {
            return _people.TryGetValue(_graph.Find(personId), out var state) ? Evaluate(state, asOf, withReach: true).Snapshot : null;
        }
    }

    public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            return _people.Values
                .Select(state => Evaluate(state, asOf, withReach: true).Snapshot)
                .OrderByDescending(snapshot => snapshot.Bond)
                .ThenByDescending(snapshot => snapshot.LastContactAt)
                .ThenBy(snapshot => snapshot.PersonId, StringComparer.Ordinal)
                .Take(count)
                .ToList();
        }
    }

    public void Link(string identityKey, string otherIdentityKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityKey);
        ArgumentException.ThrowIfNullOrEmpty(otherIdentityKey);
        lock (_gate)
        {
            LinkAndSave(Normalize(identityKey), Normalize(otherIdentityKey));
        }
    }

    /// <summary>Hands the links and verified domains learnt since the last call to the commit that saves them.</summary>
    internal void TakeUnsaved(AlertStateWriter state)
    {
        lock (_gate)
        {
            foreach (var row in _unsaved)
            {
                state.Save(row);
            }

            _unsaved.Clear();
        }
    }

    /// <summary>Brings back the stored links and verified domains (rows of other scopes are left alone), before the interactions are replayed.</summary>
    internal void Restore(IReadOnlyList<AlertStateRow> rows)
    {
        lock (_gate)
        {
            foreach (var row in rows)
            {
                if (row.Scope.StartsWith(AlertStateScopes.Link, StringComparison.Ordinal))
                {
                    LinkLocked(row.Scope[AlertStateScopes.Link.Length..], row.Item);
                }
                else if (row.Scope == AlertStateScopes.VerifiedDomain && row.PersonId is { } identity)
                {
                    _identityByDomain.TryAdd(row.Item, identity);
                }
            }
        }
    }

    public string GetPersonId(string identityKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityKey);
        lock (_gate)
        {
            return _graph.Find(Normalize(identityKey));
        }
    }

    public IReadOnlyList<string> GetIdentities(string personId)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        lock (_gate)
        {
            var key = Normalize(personId);
            return _people.TryGetValue(_graph.Find(key), out var state) ? [.. state.Identities] : [key];
        }
    }

    private static string Normalize(string identityKey)
    {
        var separator = identityKey.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == identityKey.Length - 1)
        {
            throw new ArgumentException($"'{identityKey}' is not an identity key of the form 'platform:handle'.", nameof(identityKey));
        }

        return Author.CreateIdentityKey(identityKey[..separator], identityKey[(separator + 1)..]);
    }

    private void LinkAndSave(string identityKey, string otherIdentityKey)
    {
        LinkLocked(identityKey, otherIdentityKey);
        _unsaved.Add(new AlertStateRow { Scope = AlertStateScopes.LinkOf(identityKey), Item = otherIdentityKey, PersonId = identityKey });
    }

    private void LinkLocked(string identityKey, string otherIdentityKey)
    {
        if (_graph.Union(identityKey, otherIdentityKey) is not var (survivor, absorbed))
        {
            return;
        }

        if (_people.Remove(absorbed, out var absorbedState))
        {
            if (_people.TryGetValue(survivor, out var survivorState))
            {
                survivorState.Absorb(absorbedState);
            }
            else
            {
                absorbedState.PersonId = survivor;
                absorbedState.Identities.Add(survivor);
                _people[survivor] = absorbedState;
            }

            _followersSorted = null;
        }

        if (_people.TryGetValue(survivor, out var merged))
        {
            merged.Identities.Add(identityKey);
            merged.Identities.Add(otherIdentityKey);
        }

        _changed.Add(survivor);
    }

    private PersonEvaluation Evaluate(PersonState state, DateTimeOffset asOf, bool withReach)
    {
        state.Contact = ContactOf(state);
        return PersonScorer.Score(state, _parameters, asOf, withReach ? FollowersPercentile(state.Person.Followers) : null);
    }

    // The facts of every identity of the person, merged: the first contact id, every relation once.
    private ContactFacts? ContactOf(PersonState state)
    {
        ContactFacts? merged = null;
        foreach (var identity in state.Identities)
        {
            if (!_contacts.TryGetValue(identity, out var cached) || cached.Facts is not { } facts)
            {
                continue;
            }

            merged = merged is null ? facts : merged with { Relations = [.. merged.Relations.Union(facts.Relations)] };
        }

        return merged;
    }

    private double? FollowersPercentile(long? followers)
    {
        if (followers is not { } count)
        {
            return null;
        }

        _followersSorted ??= [.. _people.Values.Select(p => p.Person.Followers).OfType<long>().Order()];
        if (_followersSorted.Length == 0)
        {
            return null;
        }

        // Share of known people with fewer followers (lower bound of the count).
        int low = 0, high = _followersSorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_followersSorted[middle] < count)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return (double)low / _followersSorted.Length;
    }
}
