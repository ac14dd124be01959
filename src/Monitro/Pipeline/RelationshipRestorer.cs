using Monitro.Diagnostics;
using Monitro.Relationships;

namespace Monitro.Pipeline;

/// <summary>
/// Rebuilds the relationship scorer from the stored interactions when the pipeline starts, so scores, roles and
/// open questions survive a restart, before any source is read.
/// </summary>
/// <remarks>
/// <para>The scorer is advanced to each interaction's moment as it is replayed and the transitions this raises are
/// dropped: they were alerted when the interactions were new (or were old news then), and advancing marks them as
/// reported with the triggers they had, so the next live evaluation raises only what is new since. Transitions
/// that come due after the last stored interaction (an answer that became overdue while Monitro was down) are
/// left to the live pipeline, whose idempotency keys are those of any alert already delivered for them, and the
/// outbox does not enqueue a settled key again.</para>
/// <para>With the built-in registry and a store that keeps per-identity totals (<see cref="IInteractionTotals"/>) and
/// reads one person's history (<see cref="IPersonInteractionHistory"/>), a start reads the totals, restores each person
/// whose stored snapshot still fits from the snapshot alone, and reads and replays only everyone else; the people
/// restored from a snapshot have their interactions read on first touch and by a background load
/// (<see cref="RelationshipRegistry.PlanStart"/>). Without those, or when most people must be replayed anyway, it
/// makes one pass over the whole history, using the snapshots that fit to spare evaluations.</para>
/// <para>Runs once per monitor; a replay cancelled part way runs again at the next start (recording is idempotent).</para>
/// </remarks>
internal sealed class RelationshipRestorer
{
    private readonly IInteractionHistory _history;
    private int _restored;

    public RelationshipRestorer(IInteractionHistory history) => _history = history;

    /// <summary>Gets the number of interactions the last restore read.</summary>
    internal long InteractionsRead { get; private set; }

    /// <summary>Replays the history into the scorer, unless it was replayed before.</summary>
    /// <param name="services">What the run works with.</param>
    /// <param name="cancellationToken">Stops the replay between pages; what was recorded stays recorded. Also stops the background load of the people restored from snapshots (a later run starts it again).</param>
    public async Task RestoreAsync(PipelineServices services, CancellationToken cancellationToken)
    {
        var scorer = services.Scorer;
        if (Volatile.Read(ref _restored) != 0)
        {
            (scorer as RelationshipRegistry)?.StartLoading(cancellationToken);
            return;
        }

        var started = services.TimeProvider.GetTimestamp();
        long count;
        if (scorer is RelationshipRegistry registry && _history is IInteractionTotals totals && _history is IPersonInteractionHistory perPerson)
        {
            count = await RestoreLazilyAsync(registry, totals, perPerson, services, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            count = await ReplayAllAsync(services, cancellationToken).ConfigureAwait(false);
        }

        InteractionsRead = count;
        Volatile.Write(ref _restored, 1);
        var elapsed = services.TimeProvider.GetElapsedTime(started);
        services.Metrics.InteractionsRestored(count);
        services.Logger.RelationshipsRestored(count, (long)elapsed.TotalMilliseconds);
    }

    // Snapshots and totals first; only the people whose snapshot does not fit are read and replayed now.
    private async Task<long> RestoreLazilyAsync(RelationshipRegistry registry, IInteractionTotals totals, IPersonInteractionHistory perPerson, PipelineServices services, CancellationToken cancellationToken)
    {
        var rows = new List<InteractionTotals>();
        var page = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var read = await totals.GetInteractionTotalsAsync(page, cancellationToken).ConfigureAwait(false);
            rows.AddRange(read.Items);
            if (read.ContinuationToken is null)
            {
                break;
            }

            page = page with { ContinuationToken = read.ContinuationToken };
        }

        var plan = registry.PlanStart(rows);
        if (plan.PrefersOnePass)
        {
            return await ReplayAllAsync(services, cancellationToken).ConfigureAwait(false);
        }

        var history = new List<RecordedInteraction>((int)Math.Min(plan.ReplayedInteractions, int.MaxValue));
        foreach (var identity in plan.Replayed)
        {
            page = new PageRequest(PageRequest.MaxPageSize);
            while (true)
            {
                var read = await perPerson.GetInteractionsOfAsync(identity, page, cancellationToken).ConfigureAwait(false);
                history.AddRange(read.Items);
                if (read.ContinuationToken is null)
                {
                    break;
                }

                page = page with { ContinuationToken = read.ContinuationToken };
            }
        }

        // The order of the whole history (moment, then id), which the replay needs.
        history.Sort(HistoryOrder.Compare);
        await services.Scorer.ResolvePeopleAsync(history.Select(static recorded => recorded.Person), services.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _ = registry.Replay([.. history.Select(static recorded => (recorded.Interaction, recorded.Person))], until: plan.Latest);
        registry.BeginLazy(plan, perPerson, services.TimeProvider);
        registry.StartLoading(cancellationToken);
        return history.Count;
    }

    // One pass over the whole history, oldest first.
    private async Task<long> ReplayAllAsync(PipelineServices services, CancellationToken cancellationToken)
    {
        var scorer = services.Scorer;
        var history = new List<RecordedInteraction>();
        var page = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var read = await _history.GetInteractionsAsync(page, cancellationToken).ConfigureAwait(false);
            // CRM facts decide roles as they did when the interactions were recorded live.
            await scorer.ResolvePeopleAsync(read.Items.Select(static recorded => recorded.Person), services.TimeProvider.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            history.AddRange(read.Items);
            if (read.ContinuationToken is null)
            {
                break;
            }

            page = page with { ContinuationToken = read.ContinuationToken };
        }

        if (scorer is RelationshipRegistry registry)
        {
            _ = registry.Replay([.. history.Select(static recorded => (recorded.Interaction, recorded.Person))]); // stored snapshots spare evaluating their people again
        }
        else
        {
            // A scorer of its own keeps no snapshots: it is advanced to each moment of the history, dropping the transitions.
            var replay = new InteractionReplay(scorer);
            replay.Add(history);
            replay.Finish();
        }

        return history.Count;
    }
}
