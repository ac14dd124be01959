using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IPersonInteractionHistory"/> side of the in-memory store: one person's interactions, in the order of the durable stores.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    public ValueTask<Page<RecordedInteraction>> GetInteractionsOfAsync(string personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        PageRequests.Check(page);
        var after = ContinuationToken.Decode(page.ContinuationToken, ContinuationToken.Interactions, nameof(page));
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadInteractions(interaction => string.Equals(interaction.PersonId, personId, StringComparison.Ordinal), after, page.PageSize));
    }
}
