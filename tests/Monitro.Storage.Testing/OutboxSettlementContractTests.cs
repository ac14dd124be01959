using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>A delivered batch settled at once (<see cref="IAlertOutboxBatchSettlement"/>), as every store does it.</summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>Each test gets a fresh, empty database (or schema) from the derived class.</remarks>
public abstract class OutboxSettlementContractTests<TStore>
    where TStore : class, IMonitroStore, IAlertOutbox, IAlertOutboxStatistics, IAlertOutboxBatchSettlement
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task MarkAllDeliveredAsync_ClaimedBatch_RemovesThoseAlertsAndKeepsTheOthers()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("1", "jane"), M.Post("2", "omar"), M.Post("3", "li"), M.Post("4", "ana"));
        await store.CommitAsync(batch);
        var claimed = await store.ClaimDueAsync(10, Lease);
        Assert.Equal(4, claimed.Count);

        string[] delivered = [claimed[0].Alert.IdempotencyKey, claimed[2].Alert.IdempotencyKey, claimed[3].Alert.IdempotencyKey];
        await store.MarkAllDeliveredAsync(delivered);

        var keys = batch.Alerts.Select(alert => alert.IdempotencyKey).ToArray();
        Assert.Equal([claimed[1].Alert.IdempotencyKey], await store.GetPendingKeysAsync(keys));
        Assert.Equal(1, (await store.GetOutboxStatisticsAsync()).Waiting);
    }

    [ContractFact]
    public async Task MarkAllDeliveredAsync_ThenBatchReplayed_NeverEnqueuesThoseAlertsAgain()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("1", "jane"), M.Post("2", "omar"), M.Post("3", "li"));
        await store.CommitAsync(batch);
        var keys = (await store.ClaimDueAsync(10, Lease)).Select(entry => entry.Alert.IdempotencyKey).ToArray();

        // A key given twice, and one never committed, are only recorded as delivered.
        await store.MarkAllDeliveredAsync([.. keys, keys[0], "never-committed"]);
        await store.CommitAsync(batch);
        Time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await store.ClaimDueAsync(10, Lease));
        Assert.Empty(await store.GetPendingKeysAsync(keys));
        Assert.Equal(new AlertOutboxStatistics(0, null, 0, null), await store.GetOutboxStatisticsAsync());
    }

    [ContractFact]
    public async Task MarkAllDeliveredAsync_NoKeys_ChangesNothing()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane")));

        await store.MarkAllDeliveredAsync([]);

        Assert.Single(await store.ClaimDueAsync(10, Lease));
    }

    [ContractFact]
    public async Task MarkAllDeliveredAsync_AnEmptyKeyAmongThem_ThrowsAndSettlesNone()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("1", "jane"));
        await store.CommitAsync(batch);
        var key = batch.Alerts[0].IdempotencyKey;

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.MarkAllDeliveredAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.MarkAllDeliveredAsync([key, ""]).AsTask());

        Assert.Equal([key], await store.GetPendingKeysAsync([key]));
    }
}
