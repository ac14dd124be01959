using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>The interactions from a moment on read back alone (<see cref="IRecentInteractionHistory"/>), as every store keeps them.</summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>Each test gets a fresh, empty database (or schema) from the derived class.</remarks>
public abstract class RecentInteractionHistoryContractTests<TStore>
    where TStore : class, IMonitroStore, IInteractionHistory, IRecentInteractionHistory
{
    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task GetInteractionsSinceAsync_PagedByTwo_ReturnsTheHistoryFromThatMillisecondOnInTheSameOrderOnce()
    {
        var store = await CreateStoreAsync();
        var since = M.Epoch.AddMinutes(5).AddTicks(4_000); // 0.4 ms into a millisecond
        var posts = new[]
        {
            M.Post("p0", "jane", minute: 1),
            M.Post("p1", "omar", minute: 4),
            M.Post("p2", "jane", minute: 9),
            M.Post("p3", "omar", minute: 7),
            M.Post("p4", "jane", minute: 5) with { CreatedAt = since.AddTicks(-4_000) }, // the same millisecond, earlier within it
            M.Post("p5", "omar", minute: 5) with { CreatedAt = since.AddTicks(-4_001) }, // the millisecond before
            M.Post("p6", "jane", minute: 6),
        };
        await store.CommitAsync(M.Batch("1", posts));

        var all = await ReadAllAsync(page => store.GetInteractionsAsync(page));
        var read = await ReadAllAsync(page => store.GetInteractionsSinceAsync(since, page));

        var expected = all.Where(r => r.Interaction.OccurredAt.ToUnixTimeMilliseconds() >= since.ToUnixTimeMilliseconds()).Select(r => r.Interaction.Id).ToList();
        Assert.Equal(4, expected.Count); // p4, p6, p3, p2: the whole millisecond of `since` and after, nothing before
        Assert.Equal(expected, read.Select(r => r.Interaction.Id));
        Assert.All(read, r => Assert.Equal(r.Interaction.PersonId, r.Person.IdentityKey));
        Assert.Empty((await store.GetInteractionsSinceAsync(M.Epoch.AddMinutes(10), PageRequest.First)).Items);
        Assert.Equal(all.Select(r => r.Interaction.Id), (await ReadAllAsync(page => store.GetInteractionsSinceAsync(DateTimeOffset.MinValue, page))).Select(r => r.Interaction.Id));
    }

    [ContractFact]
    public async Task GetInteractionsSinceAsync_TokenNotOfThisRead_IsRefused()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("p0", "jane", minute: 1), M.Post("p1", "jane", minute: 2)));

        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInteractionsSinceAsync(M.Epoch, new PageRequest(1, "not-a-token")).AsTask());
    }

    private static async Task<List<RecordedInteraction>> ReadAllAsync(Func<PageRequest, ValueTask<Page<RecordedInteraction>>> read)
    {
        var items = new List<RecordedInteraction>();
        var page = new PageRequest(2);
        while (true)
        {
            var result = await read(page);
            items.AddRange(result.Items);
            if (result.ContinuationToken is null)
            {
                return items;
            }

            page = page with { ContinuationToken = result.ContinuationToken };
        }
    }
}
