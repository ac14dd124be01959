namespace Monitro;

/// <summary>
/// Reads back the durable alerting state (open digest windows, spike series and cool-downs, identity links), so a
/// restarted pipeline sends the digest that was due, keeps its spike baselines and its merged people.
/// </summary>
/// <remarks>
/// <para>The state is written by <see cref="IMonitroStore.CommitAsync"/> from <see cref="BatchCommit.AlertState"/>, in
/// the transaction of the batch that changed it, so it never runs ahead of or behind the alerts and mentions.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IAlertStateStore
{
    /// <summary>Gets every stored row, ordered by scope then item; rows that refer to a mention come with it, and not at all once it is gone.</summary>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The rows.</returns>
    ValueTask<IReadOnlyList<AlertStateRow>> GetAlertStateAsync(CancellationToken cancellationToken = default);
}
