using Monitro.Diagnostics;

namespace Monitro.Pipeline;

/// <summary>
/// Rebuilds the relationship scorer from the stored interactions when the pipeline starts, so scores, roles and
/// open questions survive a restart: one pass over the history, oldest first, before any source is read.
/// </summary>
/// <remarks>
/// <para>The scorer is advanced to each interaction's moment as it is replayed and the transitions this raises are
/// dropped: they were alerted when the interactions were new (or were old news then), and advancing marks them as
/// reported with the triggers they had, so the next live evaluation raises only what is new since. Transitions
/// that come due after the last stored interaction (an answer that became overdue while Monitro was down) are
/// left to the live pipeline, whose idempotency keys are those of any alert already delivered for them, and the
/// outbox does not enqueue a settled key again.</para>
/// <para>The built-in registry restores each person from their stored snapshot where it covers their history exactly
/// (<see cref="Relationships.RelationshipRegistry.Replay"/>), so only people without one are evaluated at every moment.</para>
/// <para>Runs once per monitor; a replay cancelled part way runs again at the next start (recording is idempotent).</para>
/// </remarks>
internal sealed class RelationshipRestorer
{
    private readonly IInteractionHistory _history;
    private int _restored;

    public RelationshipRestorer(IInteractionHistory history) => _history = history;

    /// <summary>Replays the history into the scorer, unless it was replayed before.</summary>
    /// <param name="services">What the run works with.</param>
    /// <param name="cancellationToken">Stops the replay between pages; what was recorded stays recorded.</param>
    public async Task RestoreAsync(PipelineServices services, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _restored) != 0)
        {
            return;
        }

        var started = services.TimeProvider.GetTimestamp();
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

        if (scorer is Relationships.RelationshipRegistry registry)
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

        var count = (long)history.Count;
        Volatile.Write(ref _restored, 1);
        var elapsed = services.TimeProvider.GetElapsedTime(started);
        services.Metrics.InteractionsRestored(count);
        services.Logger.RelationshipsRestored(count, (long)elapsed.TotalMilliseconds);
    }
}
