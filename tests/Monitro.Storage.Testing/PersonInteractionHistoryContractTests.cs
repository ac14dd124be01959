using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>One person's interactions read back alone (<see cref="IPersonInteractionHistory"/>), as every store keeps them.</summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>Each test gets a fresh, empty database (or schema) from the derived class.</remarks>
public abstract class PersonInteractionHistoryContractTests<TStore>
    where TStore : class, IMonitroStore, IPersonInteractionHistory
{
    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task GetInteractionsOfAsync_PagedByTwo_ReturnsOnlyThatPersonsInteractionsOldestFirstOnce()
    {
        var store = await CreateStoreAsync();
        var posts = Enumerable.Range(0, 7).Select(i => M.Post($"p{i}", i % 2 == 0 ? "jane" : "omar", minute: 10 - (i % 3))).ToArray();
        var reply = M.Post("r1", "acme", "Thanks!", minute: 12, replyToId: posts[0].Id);
        var batch = M.Batch("1", posts);
        await store.CommitAsync(batch with
        {
            Posts = [.. posts, reply],
            Interactions = [.. batch.Interactions, M.Outbound(reply, posts[0].Author.IdentityKey)],
        });
        var jane = posts[0].Author.IdentityKey;

        var read = new List<RecordedInteraction>();
        var page = new PageRequest(2);
        while (true)
        {
            var result = await store.GetInteractionsOfAsync(jane, page);
            read.AddRange(result.Items);
            if (result.ContinuationToken is null)
            {
                break;
            }

            page = page with { ContinuationToken = result.ContinuationToken };
        }

        // Jane wrote p0, p2, p4, p6 and got the reply; Omar's interactions are not hers.
        var expected = new[] { posts[0], posts[2], posts[4], posts[6] }.Select(M.Inbound).Append(M.Outbound(reply, jane))
            .OrderBy(i => i.OccurredAt).ThenBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Id);
        Assert.Equal(expected, read.Select(r => r.Interaction.Id));
        Assert.All(read, r => Assert.Equal(jane, r.Person.IdentityKey));
        Assert.Empty((await store.GetInteractionsOfAsync("mastodon:nobody", PageRequest.First)).Items);
    }
}
