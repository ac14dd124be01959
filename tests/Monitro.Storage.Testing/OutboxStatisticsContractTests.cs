using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>The outbox figures every store reports for health checks and gauges (<see cref="IAlertOutboxStatistics"/>).</summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>Each test gets a fresh, empty database (or schema) from the derived class.</remarks>
public abstract class OutboxStatisticsContractTests<TStore>
    where TStore : class, IMonitroStore, IAlertOutbox, IAlertOutboxStatistics
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task GetOutboxStatisticsAsync_EmptyStore_ReportsNothingWaitingAndNoDeadAlerts()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(new AlertOutboxStatistics(0, null, 0, null), await store.GetOutboxStatisticsAsync());
    }

    [ContractFact]
    public async Task GetOutboxStatisticsAsync_AlertsWaitFailAndDie_FollowsTheOldestDueAndTheNewestDeadAlert()
    {
        var store = await CreateStoreAsync();
        var committedAt = Time.GetUtcNow();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane"), M.Post("2", "omar")) with
        {
            // A skipped source item is a dead letter too, but not a dead alert.
            Skipped = [new SkippedItem("replay", "line 3", "not JSON")],
        });

        Assert.Equal(new AlertOutboxStatistics(2, committedAt, 0, null), await store.GetOutboxStatisticsAsync());

        var claimed = await store.ClaimDueAsync(10, Lease);
        Assert.Equal(2, claimed.Count);
        Time.Advance(TimeSpan.FromMinutes(1));
        var retryAt = Time.GetUtcNow().AddMinutes(5);
        await store.MarkFailedAsync(claimed[0].Alert.IdempotencyKey, "HTTP 503 from the receiver", retryAt);

        // The other alert is still leased and has been due since the commit: the oldest due stays the commit time.
        Assert.Equal(new AlertOutboxStatistics(2, committedAt, 0, null), await store.GetOutboxStatisticsAsync());

        await store.MarkDeliveredAsync(claimed[1].Alert.IdempotencyKey);
        Assert.Equal(new AlertOutboxStatistics(1, retryAt, 0, null), await store.GetOutboxStatisticsAsync());

        Time.Advance(TimeSpan.FromMinutes(10));
        var diedAt = Time.GetUtcNow();
        await store.MoveToDeadLetterAsync(claimed[0].Alert.IdempotencyKey, "the receiver answered 410 Gone");

        Assert.Equal(new AlertOutboxStatistics(0, null, 1, diedAt), await store.GetOutboxStatisticsAsync());
    }
}
