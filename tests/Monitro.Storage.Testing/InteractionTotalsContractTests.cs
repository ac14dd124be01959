using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>
/// Every identity's count, fingerprint and latest moment (<see cref="IInteractionTotals"/>), as every store keeps
/// them: equal to what <see cref="IPersonInteractionHistory"/> reads, whatever changed the interactions.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>Each test gets a fresh, empty database (or schema) from the derived class.</remarks>
public abstract class InteractionTotalsContractTests<TStore>
    where TStore : class, IMonitroStore, IInteractionTotals, IPersonInteractionHistory, IInteractionHistory, IPersonDataEraser
{
    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    [ContractFact]
    public async Task GetInteractionTotalsAsync_TwoPeople_CountsSumsTheIdFingerprintsAndKeepsTheLatestMillisecond()
    {
        var store = await CreateStoreAsync();
        var early = M.Post("p0", "jane", minute: 1);
        var late = M.Post("p1", "jane", minute: 3) with { CreatedAt = M.Epoch.AddMinutes(3).AddTicks(12_345) }; // 1.2345 ms in
        var omar = M.Post("p2", "omar", minute: 2);
        await store.CommitAsync(M.Batch("1", early, late, omar));

        var totals = await ReadAllAsync(store, pageSize: 100);

        var jane = M.Inbound(early).PersonId;
        Assert.Equal([jane, M.Inbound(omar).PersonId], totals.Select(t => t.PersonId));
        Assert.Equal(
            new InteractionTotals(
                jane,
                2,
                unchecked(InteractionFingerprint.Of(M.Inbound(early).Id) + InteractionFingerprint.Of(M.Inbound(late).Id)),
                M.Epoch.AddMinutes(3).AddMilliseconds(1)),
            totals[0]);
        Assert.Equal(new InteractionTotals(M.Inbound(omar).PersonId, 1, InteractionFingerprint.Of(M.Inbound(omar).Id), omar.CreatedAt), totals[1]);
    }

    [ContractFact]
    public async Task GetInteractionTotalsAsync_EmptyStore_ReadsNothing()
    {
        var store = await CreateStoreAsync();

        var page = await store.GetInteractionTotalsAsync(PageRequest.First);

        Assert.Empty(page.Items);
        Assert.Null(page.ContinuationToken);
    }

    [ContractFact]
    public async Task GetInteractionTotalsAsync_SameBatchCommittedTwice_CountsEachInteractionOnce()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("p0", "jane", minute: 1), M.Post("p1", "jane", minute: 2));
        await store.CommitAsync(batch);
        var once = await ReadAllAsync(store, pageSize: 10);

        await store.CommitAsync(batch);
        await store.CommitAsync(batch with { Posts = [], Mentions = [], Alerts = [] }); // the interactions alone, again

        Assert.Equal(2, Assert.Single(once).Count);
        Assert.Equal(once, await ReadAllAsync(store, pageSize: 10));
    }

    [ContractFact]
    public async Task GetInteractionTotalsAsync_RetractedPostAndForgottenPerson_LeaveTheTotals()
    {
        var store = await CreateStoreAsync();
        var janes = new[] { M.Post("p0", "jane", minute: 1), M.Post("p1", "jane", minute: 5) };
        var omars = M.Post("p2", "omar", minute: 2);
        var reply = M.Post("r0", "acme", "Sorry to hear that", minute: 3, replyToId: omars.Id);
        var batch = M.Batch("1", [.. janes, omars]);
        await store.CommitAsync(batch with
        {
            Posts = [.. batch.Posts, reply],
            Interactions = [.. batch.Interactions, M.Outbound(reply, omars.Author.IdentityKey)],
        });
        var jane = janes[0].Author.IdentityKey;
        var before = await ReadAllAsync(store, pageSize: 10);

        await store.CommitAsync(new BatchCommit { SourceName = "replay", Retractions = [janes[1].Id] });
        var retracted = await ReadAllAsync(store, pageSize: 10);
        await store.ForgetPersonAsync(omars.Author.IdentityKey);
        var forgotten = await ReadAllAsync(store, pageSize: 10);

        Assert.Equal([(jane, 2L), (omars.Author.IdentityKey, 2L)], before.Select(t => (t.PersonId, t.Count)));
        Assert.Equal(new InteractionTotals(jane, 1, InteractionFingerprint.Of(M.Inbound(janes[0]).Id), janes[0].CreatedAt), retracted[0]);
        Assert.Equal(before[1], retracted[1]);
        Assert.Equal([retracted[0]], forgotten);
    }

    [ContractFact]
    public async Task GetInteractionTotalsAsync_PagedByTwo_ReadsEveryIdentityOnceInOrdinalOrder()
    {
        var store = await CreateStoreAsync();
        string[] handles = ["zoe", "bob", "amy", "b0b", "a", "a-b", "a_b", "a.b"];
        await store.CommitAsync(M.Batch("1", [.. handles.Select((handle, i) => M.Post($"p{i}", handle, minute: i))]));

        var pages = new List<Page<InteractionTotals>>();
        var page = new PageRequest(2);
        do
        {
            pages.Add(await store.GetInteractionTotalsAsync(page));
            page = page with { ContinuationToken = pages[^1].ContinuationToken };
        }
        while (page.ContinuationToken is not null);

        Assert.Equal(4, pages.Count);
        Assert.All(pages, p => Assert.Equal(2, p.Items.Count));
        Assert.Equal(
            handles.Select(handle => Author.CreateIdentityKey("mastodon", handle)).Order(StringComparer.Ordinal),
            pages.SelectMany(p => p.Items).Select(t => t.PersonId));
    }

    [ContractFact]
    public async Task GetInteractionTotalsAsync_TokenNotOfThisRead_IsRefused()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("p0", "jane", minute: 1), M.Post("p1", "omar", minute: 2)));
        var historyToken = (await store.GetInteractionsAsync(new PageRequest(1))).ContinuationToken;

        Assert.NotNull(historyToken);
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInteractionTotalsAsync(new PageRequest(1, historyToken)).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInteractionTotalsAsync(new PageRequest(1, "not-a-token")).AsTask());
    }

    [ContractFact]
    public async Task GetInteractionTotalsAsync_RandomCommitsRetractionsAndErasures_AgreeWithEachPersonsHistoryAfterEveryStep()
    {
        var store = await CreateStoreAsync();
        var random = new Random(1507);
        string[] handles = ["ana", "ben", "cy", "dee", "eli", "fay"];
        var posts = new List<Post>();
        var retracted = new HashSet<string>(StringComparer.Ordinal);
        var counted = 0L;
        for (var step = 0; step < 40; step++)
        {
            var roll = random.Next(10);
            if (roll < 6 || posts.Count == 0)
            {
                await store.CommitAsync(RandomBatch(random, handles, posts, step));
            }
            else if (roll < 9)
            {
                var post = posts[random.Next(posts.Count)];
                retracted.Add(post.Id);
                await store.CommitAsync(new BatchCommit { SourceName = "replay", Retractions = [post.Id] });
            }
            else
            {
                await store.ForgetPersonAsync(Author.CreateIdentityKey("mastodon", handles[random.Next(handles.Length)]));
            }

            var expected = await TotalsFromHistoryAsync(store, handles);
            Assert.Equal(expected, await ReadAllAsync(store, pageSize: 1 + random.Next(4)));
            counted += expected.Sum(t => t.Count);
        }

        // The steps did change what is stored: many interactions were counted, some retracted.
        Assert.True(counted > 200, $"{counted} interactions counted over all steps");
        Assert.NotEmpty(retracted);
    }

    /// <summary>Reads every page of the totals.</summary>
    protected static async Task<List<InteractionTotals>> ReadAllAsync(TStore store, int pageSize)
    {
        var totals = new List<InteractionTotals>();
        var page = new PageRequest(pageSize);
        while (true)
        {
            var read = await store.GetInteractionTotalsAsync(page);
            totals.AddRange(read.Items);
            if (read.ContinuationToken is null)
            {
                return totals;
            }

            page = page with { ContinuationToken = read.ContinuationToken };
        }
    }

    // Posts of random people (some seen before: a recommit of the same ids), and replies of the company to some of them.
    private static BatchCommit RandomBatch(Random random, string[] handles, List<Post> posts, int step)
    {
        var batch = new List<Post>();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            if (posts.Count > 0 && random.Next(4) == 0)
            {
                batch.Add(posts[random.Next(posts.Count)]);
                continue;
            }

            var handle = handles[random.Next(handles.Length)];
            var minute = random.Next(600);
            var post = M.Post($"s{step}-{i}", handle, minute: minute) with { CreatedAt = M.Epoch.AddMinutes(minute).AddMilliseconds(random.Next(1000)) };
            posts.Add(post);
            batch.Add(post);
        }

        batch = [.. batch.DistinctBy(p => p.Id)];
        var commit = M.Batch(step.ToString(CultureInfo.InvariantCulture), [.. batch]);
        var replies = batch.Where(_ => random.Next(3) == 0)
            .Select(post => M.Post($"r-{post.Id}", "acme", "Thanks!", replyToId: post.Id) with { CreatedAt = post.CreatedAt.AddMinutes(2) })
            .ToArray();
        return commit with
        {
            Posts = [.. commit.Posts, .. replies],
            Interactions = [.. commit.Interactions, .. replies.Select(reply => M.Outbound(reply, batch.First(p => p.Id == reply.ReplyToId).Author.IdentityKey))],
        };
    }

    // The totals as the contract defines them, from each person's history as the store reads it now.
    private static async Task<List<InteractionTotals>> TotalsFromHistoryAsync(TStore store, string[] handles)
    {
        var totals = new List<InteractionTotals>();
        foreach (var personId in handles.Select(handle => Author.CreateIdentityKey("mastodon", handle)).Order(StringComparer.Ordinal))
        {
            var history = new List<Interaction>();
            var page = new PageRequest(PageRequest.MaxPageSize);
            while (true)
            {
                var read = await store.GetInteractionsOfAsync(personId, page);
                history.AddRange(read.Items.Select(r => r.Interaction));
                if (read.ContinuationToken is null)
                {
                    break;
                }

                page = page with { ContinuationToken = read.ContinuationToken };
            }

            if (history.Count > 0)
            {
                totals.Add(new InteractionTotals(
                    personId,
                    history.Count,
                    history.Aggregate(0UL, (sum, interaction) => unchecked(sum + InteractionFingerprint.Of(interaction.Id))),
                    DateTimeOffset.FromUnixTimeMilliseconds(history.Max(i => i.OccurredAt.ToUnixTimeMilliseconds()))));
            }
        }

        return totals;
    }
}
