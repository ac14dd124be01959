namespace Monitro.Relationships;

/// <summary>
/// The lazy side of a start: people restored from a fitting snapshot alone have their stored interactions read on
/// first touch (a batch that records them, a wake-up that falls due, a link), and by a background load of everyone
/// left, which <see cref="GetRelationship"/> and <see cref="GetTop"/> wait for.
/// </summary>
internal sealed partial class RelationshipRegistry
{
    // People read per background page: small enough that a batch waiting for the lock is not held up for long.
    private const int LoadPageSize = 256;

    private readonly Dictionary<string, UnloadedPerson> _unloaded = new(StringComparer.Ordinal);

    // The wake-ups of people not loaded, so a batch or a timer tick loads those due before advancing.
    private readonly PriorityQueue<string, DateTimeOffset> _unloadedWakeUps = new();
    private int _unloadedCount;
    private IPersonInteractionHistory? _loadFrom;
    private TimeProvider _loadClock = TimeProvider.System;
    private Task? _loading;
    private long _peopleLoaded;
    private long _interactionsLoaded;

    /// <summary>Gets the number of people restored from their snapshot whose interactions are not read yet.</summary>
    internal int UnloadedCount => Volatile.Read(ref _unloadedCount);

    /// <summary>Gets the number of people whose interactions were read after the start, and how many interactions that read.</summary>
    internal (long People, long Interactions) LoadedAfterStart
    {
        get
        {
            lock (_gate)
            {
                return (_peopleLoaded, _interactionsLoaded);
            }
        }
    }

    /// <summary>
    /// Decides from the stored snapshots (<see cref="Restore"/>) and the per-identity totals who comes back from their
    /// snapshot alone and who is read and replayed; changes nothing.
    /// </summary>
    /// <param name="totals">The totals of every identity with stored interactions (<see cref="IInteractionTotals"/>).</param>
    /// <remarks>
    /// A snapshot fits when the totals over the person's identities (merged through the stored links) equal its count and
    /// fingerprint, the latest of them is not after its moment, and none of its wake-ups falls due within the stored
    /// history (a replay would have looked at the person then).
    /// </remarks>
    internal LazyStartPlan PlanStart(IReadOnlyList<InteractionTotals> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        lock (_gate)
        {
            var people = new Dictionary<string, (List<string> Identities, long Count, ulong Fingerprint, DateTimeOffset Latest)>(StringComparer.Ordinal);
            DateTimeOffset? latest = null;
            var stored = 0L;
            foreach (var row in totals)
            {
                var root = _graph.Find(row.PersonId);
                var seen = people.GetValueOrDefault(root, ([], 0, 0UL, DateTimeOffset.MinValue));
                seen.Identities.Add(row.PersonId);
                people[root] = (seen.Identities, seen.Count + row.Count, unchecked(seen.Fingerprint + row.Fingerprint), row.LatestAt > seen.Latest ? row.LatestAt : seen.Latest);
                stored += row.Count;
                latest = latest is { } before && before >= row.LatestAt ? before : row.LatestAt;
            }

            var fitting = new Dictionary<string, UnloadedPerson>(StringComparer.Ordinal);
            var replayed = new List<string>();
            var replayedCount = 0L;
            foreach (var (root, seen) in people)
            {
                if (_stored.TryGetValue(root, out var snapshot)
                    && seen.Count == snapshot.Count
                    && seen.Fingerprint == snapshot.Fingerprint
                    && seen.Latest <= snapshot.AsOf
                    && !snapshot.WakeUps.Any(at => at <= latest))
                {
                    fitting[root] = new UnloadedPerson(snapshot, [.. seen.Identities]);
                }
                else
                {
                    replayed.AddRange(seen.Identities);
                    replayedCount += seen.Count;
                }
            }

            return new LazyStartPlan(fitting, replayed, replayedCount, stored, latest);
        }
    }

    /// <summary>Takes in the people a plan restores from their snapshot alone, after the others were replayed up to the plan's latest moment.</summary>
    /// <param name="plan">The plan the start followed.</param>
    /// <param name="history">Where their interactions are read when they are first touched.</param>
    /// <param name="timeProvider">The clock of the CRM look-ups made when a person is loaded.</param>
    internal void BeginLazy(LazyStartPlan plan, IPersonInteractionHistory history, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(timeProvider);
        lock (_gate)
        {
            _loadFrom = history;
            _loadClock = timeProvider;
            foreach (var (personId, person) in plan.Fitting)
            {
                if (_people.ContainsKey(personId) || !_unloaded.TryAdd(personId, person))
                {
                    continue;
                }

                foreach (var at in person.Snapshot.WakeUps)
                {
                    _wakeUps.Enqueue(personId, at);
                    _unloadedWakeUps.Enqueue(personId, at);
                }
            }

            if (plan.Latest is { } latest && latest > _advancedTo)
            {
                _advancedTo = latest;
            }

            Volatile.Write(ref _unloadedCount, _unloaded.Count);
        }
    }

    /// <summary>Starts reading the interactions of everyone not loaded, page by page, in the background (again, if a load was stopped).</summary>
    /// <param name="cancellationToken">Stops the background load between two people; whoever needs the rest then reads it.</param>
    internal void StartLoading(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_unloaded.Count == 0 || _loading is { IsCompleted: false })
            {
                return;
            }

            _loading = Task.Run(() => LoadRestAsync(cancellationToken), CancellationToken.None);
        }
    }

    /// <summary>
    /// Reads the interactions of the people not loaded yet that something is about to need: the people of a batch (and
    /// those their verified domains merge them with), and everyone with a wake-up due by <paramref name="dueBy"/>.
    /// </summary>
    internal async ValueTask LoadAsync(IEnumerable<Author> people, DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _unloadedCount) == 0)
        {
            return;
        }

        var roots = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var person in people)
            {
                AddIfUnloaded(person.IdentityKey, roots);
                if (_parameters.Options.MergeByVerifiedDomain)
                {
                    foreach (var domain in VerifiedDomains.Of(person))
                    {
                        if (_identityByDomain.TryGetValue(domain, out var identity))
                        {
                            AddIfUnloaded(identity, roots);
                        }
                    }
                }
            }

            while (_unloadedWakeUps.TryPeek(out var personId, out var at) && at <= dueBy)
            {
                _unloadedWakeUps.Dequeue();
                AddIfUnloaded(personId, roots);
            }
        }

        await LoadPeopleAsync(roots, cancellationToken).ConfigureAwait(false);
    }

    // Loads the people of some identities, for a caller that cannot wait asynchronously (a link made through the public API).
    private void LoadIdentities(params string[] identities)
    {
        if (Volatile.Read(ref _unloadedCount) == 0)
        {
            return;
        }

        var roots = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var identity in identities)
            {
                AddIfUnloaded(identity, roots);
            }
        }

        LoadPeopleAsync(roots, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    // Scores need everyone (the followers percentile ranks a person among all): waits for the background load, or reads what it left.
    private void WaitUntilLoaded()
    {
        if (Volatile.Read(ref _unloadedCount) == 0)
        {
            return;
        }

        Task? loading;
        lock (_gate)
        {
            loading = _loading;
        }

        try
        {
            loading?.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The load stopped with its run: the rest is read here.
        }

        if (Volatile.Read(ref _unloadedCount) > 0)
        {
            LoadRestAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    private async ValueTask LoadRestAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<string> page;
            lock (_gate)
            {
                if (_unloaded.Count == 0)
                {
                    return;
                }

                page = [.. _unloaded.Keys.Take(LoadPageSize)];
            }

            await LoadPeopleAsync(page, cancellationToken).ConfigureAwait(false);
        }
    }

    // One read per identity of each person, outside the lock; then the person is put together under it.
    private async ValueTask LoadPeopleAsync(IEnumerable<string> personIds, CancellationToken cancellationToken)
    {
        foreach (var personId in personIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] identities;
            IPersonInteractionHistory history;
            lock (_gate)
            {
                if (!_unloaded.TryGetValue(personId, out var person) || _loadFrom is null)
                {
                    continue;
                }

                identities = person.Identities;
                history = _loadFrom;
            }

            var stored = new List<RecordedInteraction>();
            foreach (var identity in identities)
            {
                var page = new PageRequest(PageRequest.MaxPageSize);
                while (true)
                {
                    var read = await history.GetInteractionsOfAsync(identity, page, cancellationToken).ConfigureAwait(false);
                    stored.AddRange(read.Items);
                    if (read.ContinuationToken is null)
                    {
                        break;
                    }

                    page = page with { ContinuationToken = read.ContinuationToken };
                }
            }

            if (identities.Length > 1)
            {
                // Merged identities are recorded in the order of the whole history, as a replay records them.
                stored.Sort(HistoryOrder.Compare);
            }

            // CRM facts decide roles, as at a start; looking them up marks nobody changed, since nothing about the person did.
            await ResolveContactsAsync(stored.Select(static recorded => recorded.Person), _loadClock.GetUtcNow(), markChanged: false, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                Install(personId, stored);
            }
        }
    }

    // Records a person's stored interactions as covered by their snapshot, puts the snapshot's state back, then records what came since.
    private void Install(string personId, List<RecordedInteraction> stored)
    {
        if (!_unloaded.Remove(personId, out var person))
        {
            return; // loaded meanwhile
        }

        Volatile.Write(ref _unloadedCount, _unloaded.Count);
        var recordedSince = person.RecordedSince.Select(static pair => pair.Interaction.Id).ToHashSet(StringComparer.Ordinal);
        var overdue = new List<string>();
        foreach (var (interaction, author) in stored)
        {
            if (recordedSince.Contains(interaction.Id))
            {
                continue;
            }

            if (Array.BinarySearch(person.Snapshot.ReportedOverdue, PersonState.FingerprintOf(interaction.Id)) >= 0)
            {
                overdue.Add(interaction.Id);
            }

            RecordLocked(interaction, author, covered: true);
        }

        if (_people.TryGetValue(personId, out var state))
        {
            person.Snapshot.ApplyTo(state, overdue);
            state.WakeUps.UnionWith(person.Snapshot.WakeUps); // already queued when the start took the person in
        }

        _peopleLoaded++;
        _interactionsLoaded += stored.Count;
        foreach (var (interaction, author) in person.RecordedSince)
        {
            RecordOrDefer(interaction, author);
        }
    }

    private void AddIfUnloaded(string identity, HashSet<string> roots)
    {
        var root = _graph.Find(identity);
        if (_unloaded.ContainsKey(root))
        {
            roots.Add(root);
        }
    }

    // Records an interaction, or keeps it until its person (or the person a verified domain merges them with) is loaded.
    private void RecordOrDefer(Interaction interaction, Author person)
    {
        if (_unloaded.Count > 0 && UnloadedOf(interaction.PersonId, person) is { } waiting)
        {
            waiting.RecordedSince.Add((interaction, person));
            return;
        }

        RecordLocked(interaction, person, covered: false);
    }

    private UnloadedPerson? UnloadedOf(string identity, Author person)
    {
        if (_unloaded.TryGetValue(_graph.Find(identity), out var unloaded))
        {
            return unloaded;
        }

        if (_parameters.Options.MergeByVerifiedDomain)
        {
            foreach (var domain in VerifiedDomains.Of(person))
            {
                if (_identityByDomain.TryGetValue(domain, out var other) && _unloaded.TryGetValue(_graph.Find(other), out unloaded))
                {
                    return unloaded;
                }
            }
        }

        return null;
    }
}
