using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IInteractionHistory"/> side of the in-memory store: the same order and paging as the durable stores.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    /// <remarks>Times are compared in milliseconds, as the durable stores keep them; ties are broken by id (ordinal).</remarks>
    public ValueTask<Page<RecordedInteraction>> GetInteractionsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page));
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadInteractions(static _ => true, after, page.PageSize));
    }

    // The interactions that pass the filter, oldest first from after the continuation token, one page of them.
    private Page<RecordedInteraction> ReadInteractions(Func<Interaction, bool> filter, ContinuationToken? after, int pageSize)
    {
        lock (_gate)
        {
            var rows = _interactions.Values
                .Where(filter)
                .Select(interaction => (Interaction: interaction, Time: Milliseconds(interaction.OccurredAt)))
                .Where(row => after is not { } token || After(row.Time, row.Interaction.Id, token))
                .OrderBy(row => row.Time)
                .ThenBy(row => row.Interaction.Id, StringComparer.Ordinal);
            return ReadPage(rows, pageSize, row =>
                (new RecordedInteraction(row.Interaction, PersonOf(row.Interaction.PersonId)), new ContinuationToken(ContinuationToken.Interactions, row.Time, row.Interaction.Id)));
        }
    }

    // The person as last seen in a post, or only their identity key when no post of theirs was kept. Called under the gate.
    private Author PersonOf(string personId) =>
        _identities.TryGetValue(personId, out var identity) ? identity.Author : StoredPerson.FromIdentityKey(personId);

    // Keyset paging in ascending (time, id) order: the rows strictly after the last one read.
    private static bool After(long time, string id, ContinuationToken after) =>
        time > after.Number || (time == after.Number && string.CompareOrdinal(id, after.Key) > 0);
}
