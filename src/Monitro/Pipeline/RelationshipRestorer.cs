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
        var replay = new InteractionReplay(scorer);
        var page = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var read = await _history.GetInteractionsAsync(page, cancellationToken).ConfigureAwait(false);
            // CRM facts decide roles as they did when the interactions were recorded live.
            await scorer.ResolvePeopleAsync(read.Items.Select(static recorded => recorded.Person), services.TimeProvider.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            replay.Add(read.Items);
            if (read.ContinuationToken is null)
            {
                break;
            }

            page = page with { ContinuationToken = read.ContinuationToken };
        }

        replay.Finish();
        var count = replay.Count;
        Volatile.Write(ref _restored, 1);
        var elapsed = services.TimeProvider.GetElapsedTime(started);
        services.Metrics.InteractionsRestored(count);
        services.Logger.RelationshipsRestored(count, (long)elapsed.TotalMilliseconds);
    }
}
