using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>Source epochs and the commits they guard (<see cref="IFencedCommits"/>), as every store keeps them.</summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>Each test gets a fresh, empty database (or schema) from the derived class.</remarks>
public abstract class FencedCommitContractTests<TStore>
    where TStore : class, IMonitroStore, IFencedCommits
{
    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task AcquireEpochAsync_EachCall_TakesTheNextEpochOfItsSourceOnly()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(1, await store.AcquireEpochAsync("replay"));
        Assert.Equal(2, await store.AcquireEpochAsync("replay"));
        Assert.Equal(1, await store.AcquireEpochAsync("other"));
    }

    [ContractFact]
    public async Task CommitFencedAsync_CurrentEpoch_CommitsTheBatchAndItsCheckpoint()
    {
        var store = await CreateStoreAsync();
        var epoch = await store.AcquireEpochAsync("replay");

        Assert.True(await store.CommitFencedAsync(M.Batch("1", M.Post("1", "jane")), epoch));

        Assert.Equal(new SourceCheckpoint("replay", "1"), await store.GetCheckpointAsync("replay"));
        Assert.Single(await store.GetKnownPostIdsAsync([M.Post("1", "jane").Id]));
    }

    [ContractFact]
    public async Task CommitFencedAsync_OlderEpochAfterANewerOneStarted_IsRefusedAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var older = await store.AcquireEpochAsync("replay");
        Assert.True(await store.CommitFencedAsync(M.Batch("1", M.Post("1", "jane")), older));

        var newer = await store.AcquireEpochAsync("replay");
        var stale = M.Batch("2", M.Post("2", "omar"));

        Assert.False(await store.CommitFencedAsync(stale, older));
        Assert.Empty(await store.GetKnownPostIdsAsync([M.Post("2", "omar").Id]));
        Assert.Equal(new SourceCheckpoint("replay", "1"), await store.GetCheckpointAsync("replay"));

        Assert.True(await store.CommitFencedAsync(M.Batch("2", M.Post("3", "li")), newer));
        Assert.Equal(new SourceCheckpoint("replay", "2"), await store.GetCheckpointAsync("replay"));
    }

    [ContractFact]
    public async Task CommitFencedAsync_HigherEpochThanAcquired_IsKeptAsTheHighest()
    {
        var store = await CreateStoreAsync();
        await store.AcquireEpochAsync("replay");

        Assert.True(await store.CommitFencedAsync(M.Batch("1", M.Post("1", "jane")), 5));

        Assert.False(await store.CommitFencedAsync(M.Batch("2", M.Post("2", "omar")), 4));
        Assert.Equal(6, await store.AcquireEpochAsync("replay"));
    }

    [ContractFact]
    public async Task CommitFencedAsync_TwoReadersCommitAtOnce_TheNewerAlwaysLandsAndARefusedBatchLeavesNoTrace()
    {
        var store = await CreateStoreAsync();
        var older = await store.AcquireEpochAsync("replay");
        var newer = await store.AcquireEpochAsync("replay");

        async Task<(Post Post, bool Landed)[]> ReadAsync(long epoch, string reader)
        {
            var results = new List<(Post, bool)>();
            for (var i = 0; i < 8; i++)
            {
                var post = M.Post($"{reader}-{i}", "jane", minute: i);
                results.Add((post, await store.CommitFencedAsync(M.Batch($"{reader}-{i}", post), epoch)));
            }

            return [.. results];
        }

        var both = await Task.WhenAll(Task.Run(() => ReadAsync(older, "old")), Task.Run(() => ReadAsync(newer, "new")));

        Assert.All(both[0], result => Assert.False(result.Landed));
        Assert.All(both[1], result => Assert.True(result.Landed));
        var known = await store.GetKnownPostIdsAsync([.. both.SelectMany(results => results).Select(result => result.Post.Id)]);
        Assert.Equal(both[1].Select(result => result.Post.Id).Order(), known.Order());
        Assert.Equal(new SourceCheckpoint("replay", "new-7"), await store.GetCheckpointAsync("replay"));
    }

    [ContractFact]
    public async Task CommitFencedAsync_NoEpochBelowOne_IsRejected()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.CommitFencedAsync(M.Batch("1", M.Post("1", "jane")), 0));
    }
}
