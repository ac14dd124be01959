using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>One person's interactions in a period, as every store reads them: theirs and ours, oldest first, bounded.</summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class PersonInteractionsContractTests<TStore>
    where TStore : class, IMonitroStore, IPersonInteractions
{
    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task GetPersonInteractionsAsync_OnlyThatPersonInThePeriod_InboundAndOutboundOldestFirst()
    {
        var store = await CreateStoreAsync();
        var jane = M.Author("jane").IdentityKey;
        var early = M.Post("1", "jane", "acme broke", minute: 5);
        var question = M.Post("2", "jane", "acme refund?", minute: 30);
        var answer = M.Post("3", "acme", "@jane sorted", minute: 40, replyToId: question.Id);
        var other = M.Post("4", "omar", "I love acme", minute: 35);
        var late = M.Post("5", "jane", "acme again", minute: 90);
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = [early, question, answer, other, late],
            Interactions =
            [
                M.Inbound(late),
                M.Inbound(question) with { Sentiment = -0.4, NeedsResponse = true },
                M.Outbound(answer, jane),
                M.Inbound(other),
                M.Inbound(early) with { Sentiment = -0.8 },
            ],
        });

        var all = await store.GetPersonInteractionsAsync(jane, new InsightPeriod(M.Epoch, M.Epoch.AddHours(2)));
        var window = await store.GetPersonInteractionsAsync(jane, new InsightPeriod(M.Epoch.AddMinutes(30), M.Epoch.AddMinutes(90)));
        var oldest = await store.GetPersonInteractionsAsync(jane, new InsightPeriod(M.Epoch, M.Epoch.AddHours(2)), limit: 2);

        Assert.Equal([early.Id, question.Id, answer.Id, late.Id], all.Select(i => i.PostId));
        Assert.Equal(
            [InteractionDirection.Inbound, InteractionDirection.Inbound, InteractionDirection.Outbound, InteractionDirection.Inbound],
            all.Select(i => i.Direction));
        Assert.Equal([-0.8, -0.4, null, 0.6], all.Select(i => i.Sentiment));
        Assert.Equal(question.CreatedAt, all[1].OccurredAt);
        Assert.True(all[1].NeedsResponse);
        Assert.Equal([question.Id, answer.Id], window.Select(i => i.PostId));
        Assert.Equal([early.Id, question.Id], oldest.Select(i => i.PostId));
    }

    [ContractFact]
    public async Task GetPersonInteractionsAsync_RetractedPostOrUnknownPerson_Nothing()
    {
        var store = await CreateStoreAsync();
        var post = M.Post("1", "jane", minute: 5);
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = [post], Interactions = [M.Inbound(post)] });
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Retractions = [post.Id] });
        var period = new InsightPeriod(M.Epoch, M.Epoch.AddHours(1));

        Assert.Empty(await store.GetPersonInteractionsAsync(post.Author.IdentityKey, period));
        Assert.Empty(await store.GetPersonInteractionsAsync(M.Author("nobody").IdentityKey, period));
    }

    [ContractFact]
    public async Task GetPersonInteractionsAsync_BadArguments_Refused()
    {
        var store = await CreateStoreAsync();
        var period = new InsightPeriod(M.Epoch, M.Epoch.AddHours(1));

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.GetPersonInteractionsAsync(string.Empty, period));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.GetPersonInteractionsAsync("mastodon:jane", new InsightPeriod(M.Epoch, M.Epoch)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.GetPersonInteractionsAsync("mastodon:jane", period, limit: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.GetPersonInteractionsAsync("mastodon:jane", period, limit: IPersonInteractions.MaxInteractions + 1));
    }
}
