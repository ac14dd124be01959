namespace Monitro.Pipeline;

/// <summary>
/// Replays stored interactions, oldest first, into a relationship scorer and drops the transitions this raises: they
/// were alerted when the interactions were new, and advancing marks them as reported, so the next live evaluation
/// raises only what is new since.
/// </summary>
/// <param name="scorer">The scorer to bring up to date.</param>
internal sealed class InteractionReplay(IRelationshipScorer scorer)
{
    private DateTimeOffset? _latest; // the latest moment recorded and not yet advanced to

    /// <summary>Gets the number of interactions replayed.</summary>
    public long Count { get; private set; }

    /// <summary>Replays one page of the history, whose people's CRM facts were resolved.</summary>
    public void Add(IReadOnlyList<RecordedInteraction> page)
    {
        foreach (var (interaction, person) in page)
        {
            // Interactions of one moment are evaluated together, as one batch would have been.
            if (_latest is { } moment && interaction.OccurredAt > moment)
            {
                _ = scorer.Advance(moment);
            }

            scorer.Record(interaction, person);
            _latest = _latest is { } seen && seen > interaction.OccurredAt ? seen : interaction.OccurredAt;
        }

        Count += page.Count;
    }

    /// <summary>Advances the scorer to the last moment replayed, dropping what that raises.</summary>
    public void Finish()
    {
        if (_latest is { } last)
        {
            _ = scorer.Advance(last);
            _latest = null;
        }
    }
}
