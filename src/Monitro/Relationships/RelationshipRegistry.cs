using System.Runtime.CompilerServices;
using Monitro.Alerting.State;

namespace Monitro.Relationships;

/// <summary>
/// The built-in relationship scorer and person directory: keeps one <see cref="PersonState"/> per person,
/// merges identities (user links, verified domains), caches CRM facts, scores with <see cref="PersonScorer"/>,
/// and raises transitions when people change or when time passes (response targets, dormancy).
/// </summary>
/// <remarks>Thread-safe through one lock; CRM look-ups run outside it.</remarks>
internal sealed partial class RelationshipRegistry : IRelationshipScorer, IPersonDirectory
{
    private readonly Lock _gate = new();
    private readonly RelationshipParameters _parameters;
    private readonly IContactResolver _resolver;
    private readonly IdentityGraph _graph = new();
    private readonly Dictionary<string, PersonState> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _identityByDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ContactFacts? Facts, DateTimeOffset ExpiresAt)> _contacts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    // The people an advance evaluates, kept between advances so each batch does not allocate them again.
    private readonly HashSet<string> _due = new(StringComparer.Ordinal);
    private readonly List<string> _dueInOrder = [];

    // Identities to look at again at a moment: when an answer falls due, when a strong relationship would turn dormant.
    private readonly PriorityQueue<string, DateTimeOffset> _wakeUps = new();
    private long[]? _followersSorted;

    // Links and verified domains learnt since the last commit took them: they are saved with it (see TakeUnsaved).
    private readonly List<AlertStateRow> _unsaved = [];

    // People evaluated since the last commit took their snapshots, and the latest moment advanced to.
    private readonly HashSet<string> _evaluated = new(StringComparer.Ordinal);
    private DateTimeOffset _advancedTo = DateTimeOffset.MinValue;
    private long _evaluations;
    private long _explanations;

    // Snapshots read at start, by person id, until the replay has used them.
    private Dictionary<string, PersonSnapshot> _stored = new(StringComparer.Ordinal);

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
        lock (_gate)
        {
            RecordOrDefer(interaction, person);
        }
    }

    public ValueTask ResolveContactsAsync(IReadOnlyCollection<Author> people, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        return ResolveContactsAsync(people, now, markChanged: true, cancellationToken);
    }

    // Looks up the CRM facts not cached or expired; new facts mark their person changed unless the person is only being loaded.
    private async ValueTask ResolveContactsAsync(IEnumerable<Author> people, DateTimeOffset now, bool markChanged, CancellationToken cancellationToken)
    {
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
                _contacts[key] = (facts, SaturatingTime.After(now, _parameters.Options.ContactCacheDuration));
                if (markChanged)
                {
                    _changed.Add(key);
                }
            }
        }
    }

    public IReadOnlyList<RelationshipTransition> Advance(DateTimeOffset now)
    {
        var transitions = new List<RelationshipTransition>();
        lock (_gate)
        {
            AdvanceLocked(now, transitions);
        }

        return transitions;
    }

    // Once per batch: compiled optimized at once, since on a one-core host the runtime leaves it unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AdvanceLocked(DateTimeOffset now, List<RelationshipTransition> transitions)
    {
        var options = _parameters.Options;
        var due = _due;
        due.Clear();
        foreach (var identity in _changed)
        {
            due.Add(_graph.Find(identity));
        }

        _changed.Clear();
        List<(string Identity, DateTimeOffset At)>? notLoaded = null;
        while (_wakeUps.TryPeek(out var identity, out var at) && at <= now)
        {
            _wakeUps.Dequeue();
            var woken = _graph.Find(identity);
            if (_people.TryGetValue(woken, out var wokenState))
            {
                wokenState.WakeUps.Remove(at);
            }
            else if (_unloaded.ContainsKey(woken))
            {
                (notLoaded ??= []).Add((identity, at));
            }

            due.Add(woken);
        }

        // In the order of their ids, so the transitions of one advance come in the same order whatever the batch's order.
        var people = _dueInOrder;
        people.Clear();
        people.AddRange(due);
        people.Sort(StringComparer.Ordinal);
        if (_unloaded.Count > 0)
        {
            // People not loaded yet are looked at once they are (the pipeline loads them before it advances): they stay due.
            foreach (var personId in people)
            {
                if (_unloaded.ContainsKey(personId))
                {
                    _changed.Add(personId);
                }
            }

            foreach (var (identity, at) in notLoaded ?? [])
            {
                _wakeUps.Enqueue(identity, at);
            }
        }

        foreach (var personId in people)
        {
            if (!_people.TryGetValue(personId, out var state))
            {
                continue;
            }

            var evaluation = Evaluate(state, now, withReach: false);
            TransitionDetector.Detect(state, evaluation, options, now, transitions);
            _evaluations++;
            _explanations += evaluation.IsExplained ? 1 : 0;
            _evaluated.Add(personId);
            if (evaluation.Band == BondScore.Strong)
            {
                var lastExchange = state.Inbound > 0 && state.Outbound > 0
                    ? (state.LastInboundAt <= state.LastOutboundAt ? state.LastInboundAt : state.LastOutboundAt)
                    : state.LastContactAt;
                WakeUp(personId, state, SaturatingTime.After(lastExchange, (options.BondHalfLife * options.DormantHalfLives) + TimeSpan.FromTicks(1)));
            }
        }

        if (now > _advancedTo)
        {
            _advancedTo = now;
        }
    }

    /// <summary>
    /// Gets how many people were evaluated for transitions, and how many of those evaluations had to be explained in
    /// full (a change being raised needs its reasons and evidence).
    /// </summary>
    internal (long Evaluated, long Explained) Evaluations
    {
        get
        {
            lock (_gate)
            {
                return (_evaluations, _explanations);
            }
        }
    }

    /// <summary>Gets the earliest moment someone is to be looked at again (an answer falling due, a relationship turning dormant), or <see langword="null"/>.</summary>
    internal DateTimeOffset? NextWakeUp
    {
        get
        {
            lock (_gate)
            {
                return _wakeUps.TryPeek(out _, out var at) ? at : null;
            }
        }
    }

    public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        WaitUntilLoaded();
        lock (_gate)
        {
            return _people.TryGetValue(_graph.Find(personId), out var state) ? Evaluate(state, asOf, withReach: true).Snapshot : null;
        }
    }

    public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WaitUntilLoaded();
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
        var (first, second) = (Normalize(identityKey), Normalize(otherIdentityKey));
        LoadIdentities(first, second); // merging needs both people's interactions; loading never unloads, so they stay loaded
        lock (_gate)
        {
            LinkAndSave(first, second);
        }
    }

    /// <summary>
    /// Hands the links and verified domains learnt since the last call to the commit that saves them, with the
    /// snapshots of the people evaluated since (see <see cref="PersonSnapshot"/>).
    /// </summary>
    internal void TakeUnsaved(AlertStateWriter state)
    {
        lock (_gate)
        {
            foreach (var row in _unsaved)
            {
                state.Save(row);
            }

            _unsaved.Clear();
            foreach (var personId in _evaluated)
            {
                if (_people.TryGetValue(personId, out var person))
                {
                    state.Save(PersonSnapshot.Of(person, _parameters.Hash, _advancedTo).ToRow(personId));
                }
            }

            _evaluated.Clear();
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
                else if (PersonSnapshot.Read(row) is { } snapshot && snapshot.IsCurrent(_parameters.Hash))
                {
                    _stored[row.Item] = snapshot;
                }
            }
        }
    }

    /// <summary>
    /// Rebuilds the people from the stored history, oldest first: a person with a usable stored snapshot gets its
    /// reported state back and their covered interactions recorded without evaluating them; everyone else, and what
    /// came after a snapshot, is replayed as it happened, advancing to each moment and dropping the transitions raised.
    /// </summary>
    /// <param name="history">Every stored interaction with its person, ordered by moment (then id).</param>
    /// <returns>The number of people restored from a snapshot.</returns>
    /// <remarks>
    /// The result equals a replay of the whole history: a snapshot is used only if it covers exactly the person's
    /// stored interactions dated up to its moment (same count and fingerprint) and was written with this scorer's
    /// version and parameters; the person is not evaluated again up to that moment (nothing marks them changed and
    /// their wake-ups all come after it), and what comes after is replayed like the rest.
    /// </remarks>
    internal int Replay(IReadOnlyList<(Interaction Interaction, Author Person)> history) => Replay(history, until: null);

    /// <summary>Replays a history as <see cref="Replay(IReadOnlyList{ValueTuple{Interaction, Author}})"/> does, then advances to <paramref name="until"/>.</summary>
    /// <param name="history">The stored interactions of some people, with their people, ordered by moment (then id).</param>
    /// <param name="until">The latest moment of the whole stored history, when <paramref name="history"/> holds only part of it; the replay ends advanced to it.</param>
    /// <remarks>
    /// Each due wake-up is advanced to at its own moment, before the interactions of any later moment are recorded,
    /// so what a replay rebuilds for a person depends on their history alone: replaying some people apart rebuilds
    /// them exactly as replaying everyone together does (a lazy start relies on it).
    /// </remarks>
    internal int Replay(IReadOnlyList<(Interaction Interaction, Author Person)> history, DateTimeOffset? until)
    {
        lock (_gate)
        {
            // Contacts and links marked people changed before any of them existed; a replay evaluates each at their moments.
            _changed.Clear();
            var usable = UsableSnapshots(history);
            var restored = usable.Count;
            DateTimeOffset? latest = null; // the latest moment recorded and not yet advanced to
            foreach (var (interaction, person) in history)
            {
                // Interactions of one moment are evaluated together, as one batch would have been.
                if (latest is { } moment && interaction.OccurredAt > moment)
                {
                    AdvanceLocked(moment, []);
                    latest = null;
                }

                if (latest is null)
                {
                    AdvanceWakeUpsBefore(interaction.OccurredAt);
                }

                var personId = _graph.Find(interaction.PersonId);
                var covered = false;
                if (usable.TryGetValue(personId, out var snapshot))
                {
                    covered = interaction.OccurredAt <= snapshot.Snapshot.AsOf;
                    if (!_people.ContainsKey(personId))
                    {
                        var state = _people[personId] = new PersonState(personId, person);
                        snapshot.Snapshot.ApplyTo(state, snapshot.Overdue);
                        foreach (var at in snapshot.Snapshot.WakeUps)
                        {
                            WakeUp(personId, state, at);
                        }
                    }
                }

                RecordLocked(interaction, person, covered);
                latest = latest is { } seen && seen > interaction.OccurredAt ? seen : interaction.OccurredAt;
            }

            if (latest is { } last)
            {
                AdvanceLocked(last, []);
            }

            if (until is { } end && end > _advancedTo)
            {
                AdvanceWakeUpsBefore(end);
                AdvanceLocked(end, []);
            }

            _stored = new(StringComparer.Ordinal);
            return restored;
        }
    }

    // During a replay: advances to each wake-up due before a moment, at the wake-up's own moment (not at the next moment
    // anyone interacted), so that a person's replay does not depend on other people's history.
    private void AdvanceWakeUpsBefore(DateTimeOffset moment)
    {
        var caughtUp = false;
        while (_wakeUps.TryPeek(out _, out var at) && at < moment)
        {
            if (at > _advancedTo)
            {
                AdvanceLocked(at, []);
            }
            else if (!caughtUp)
            {
                // Queued by the last evaluation for a moment already passed: taken now, once, as the next advance would.
                caughtUp = true;
                AdvanceLocked(_advancedTo, []);
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>Takes the snapshot of a person as a commit would store it now, or <see langword="null"/> for a person not known.</summary>
    internal PersonSnapshot? SnapshotOf(string personId)
    {
        lock (_gate)
        {
            return _people.TryGetValue(_graph.Find(personId), out var state) ? PersonSnapshot.Of(state, _parameters.Hash, _advancedTo) : null;
        }
    }

    // The stored snapshots that cover exactly their person's stored interactions up to their moment, with the ids of their reported overdue items.
    private Dictionary<string, (PersonSnapshot Snapshot, List<string> Overdue)> UsableSnapshots(IReadOnlyList<(Interaction Interaction, Author Person)> history)
    {
        var found = new Dictionary<string, (PersonSnapshot Snapshot, int Count, ulong Fingerprint, List<string> Overdue)>(StringComparer.Ordinal);
        if (_stored.Count == 0)
        {
            return [];
        }

        foreach (var (interaction, _) in history)
        {
            var personId = _graph.Find(interaction.PersonId);
            if (!_stored.TryGetValue(personId, out var snapshot) || interaction.OccurredAt > snapshot.AsOf)
            {
                continue;
            }

            if (!found.TryGetValue(personId, out var seen))
            {
                seen = (snapshot, 0, 0UL, []);
            }

            var fingerprint = PersonState.FingerprintOf(interaction.Id);
            if (snapshot.ReportedOverdue.Contains(fingerprint))
            {
                seen.Overdue.Add(interaction.Id);
            }

            found[personId] = (snapshot, seen.Count + 1, seen.Fingerprint + fingerprint, seen.Overdue);
        }

        var usable = new Dictionary<string, (PersonSnapshot Snapshot, List<string> Overdue)>(StringComparer.Ordinal);
        foreach (var (personId, (snapshot, count, fingerprint, overdue)) in found)
        {
            if (count == snapshot.Count && fingerprint == snapshot.Fingerprint && overdue.Count == snapshot.ReportedOverdue.Length)
            {
                usable[personId] = (snapshot, overdue);
            }
        }

        return usable;
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
            var root = _graph.Find(key);
            return _people.TryGetValue(root, out var state) ? [.. state.Identities]
                : _unloaded.TryGetValue(root, out var unloaded) ? [.. unloaded.Identities.Append(root).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
                : [key];
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

    // Records an interaction; one a restored snapshot covers was evaluated when it was new, so it marks no change and wakes nobody.
    // Per interaction recorded: compiled optimized at once, as AdvanceLocked is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RecordLocked(Interaction interaction, Author person, bool covered)
    {
        var options = _parameters.Options;
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

        _followersSorted = null;
        if (!covered)
        {
            _changed.Add(identity);
            if (interaction.Direction == InteractionDirection.Inbound && (interaction.NeedsResponse || ResponseLedger.IsComplaint(interaction)))
            {
                WakeUp(identity, state, SaturatingTime.After(interaction.OccurredAt, ResponseLedger.TargetFor(interaction, options) + TimeSpan.FromTicks(1)));
            }
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

    // Schedules a look at a person; the person keeps their pending moments, so a snapshot can carry them and a moment is queued once.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WakeUp(string identity, PersonState state, DateTimeOffset at)
    {
        if (state.WakeUps.Add(at))
        {
            _wakeUps.Enqueue(identity, at);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LinkAndSave(string identityKey, string otherIdentityKey)
    {
        LinkLocked(identityKey, otherIdentityKey);
        _unsaved.Add(new AlertStateRow { Scope = AlertStateScopes.LinkOf(identityKey), Item = otherIdentityKey, PersonId = identityKey });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PersonEvaluation Evaluate(PersonState state, DateTimeOffset asOf, bool withReach)
    {
        state.Contact = ContactOf(state);
        return PersonScorer.Evaluate(state, _parameters, asOf, withReach ? FollowersPercentile(state.Person.Followers) : null);
    }

    // The facts of every identity of the person, merged: the first contact id, every relation once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ContactFacts? ContactOf(PersonState state)
    {
        if (state.Identities.Count == 1)
        {
            // One identity, the person's own id: no merge, and no walk of the sorted set (its enumerator allocates).
            return _contacts.TryGetValue(state.PersonId, out var own) ? own.Facts : null;
        }

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
