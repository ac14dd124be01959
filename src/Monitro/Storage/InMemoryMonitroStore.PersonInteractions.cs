using Monitro.Storage.Shared;

namespace Monitro;

/// <summary>The <see cref="IPersonInteractions"/> side of the in-memory store: the same order and limit as the durable stores.</summary>
public sealed partial class InMemoryMonitroStore : IPersonInteractions
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Interaction>> GetPersonInteractionsAsync(string personId, InsightPeriod period, int limit = 1_000, CancellationToken cancellationToken = default)
    {
        PersonInteractionReads.Check(personId, period, limit);
        cancellationToken.ThrowIfCancellationRequested();
        var from = Milliseconds(period.From);
        var until = Milliseconds(period.Until);
        lock (_gate)
        {
            var rows = _interactions.Values
                .Where(interaction => string.Equals(interaction.PersonId, personId, StringComparison.Ordinal))
                .Select(interaction => (Interaction: interaction, Time: Milliseconds(interaction.OccurredAt)))
                .Where(row => row.Time >= from && row.Time < until)
                .OrderBy(row => row.Time)
                .ThenBy(row => row.Interaction.Id, StringComparer.Ordinal)
                .Take(limit)
                .Select(row => row.Interaction);
            return ValueTask.FromResult<IReadOnlyList<Interaction>>([.. rows]);
        }
    }
}
