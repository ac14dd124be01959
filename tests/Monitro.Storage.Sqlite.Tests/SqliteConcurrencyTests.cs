namespace Monitro.Storage.Sqlite.Tests;

public sealed class SqliteConcurrencyTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Queries_WhileAnotherConnectionHoldsTheWriteLock_ReadTheCommittedData()
    {
        var store = _database.CreateStore();
        await store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));
        using var writer = _database.OpenConnection();
        using var transaction = writer.BeginTransaction(deferred: false);
        using (var insert = writer.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO checkpoints (source_name, value, updated_at) VALUES ('other', 'uncommitted', 0);";
            insert.ExecuteNonQuery();
        }

        // In WAL mode readers never wait for the writer, and do not see what it has not committed.
        var mentions = await store.GetMentionsAsync(new MentionQuery());
        var known = await store.GetKnownPostIdsAsync(["mastodon:1"]);
        var other = await store.GetCheckpointAsync("other");

        Assert.Single(mentions.Items);
        Assert.Single(known);
        Assert.Null(other);
        transaction.Rollback();
    }

    [Fact]
    public async Task Readers_DuringManyCommits_NeverFailAndSeeTheCountGrow()
    {
        var store = _database.CreateStore();
        await store.MigrateAsync();
        const int Batches = 30;
        const int PerBatch = 20;
        var allIds = Enumerable.Range(0, Batches * PerBatch).Select(i => $"mastodon:{i}").ToArray();

        var writer = Task.Run(async () =>
        {
            for (var b = 0; b < Batches; b++)
            {
                var posts = Enumerable.Range(b * PerBatch, PerBatch).Select(i => Model.Post($"{i}", $"user{i % 7}", minute: i)).ToArray();
                await store.CommitAsync(Model.Batch($"batch-{b}", posts));
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var lastSeen = 0;
            var reads = 0;
            while (!writer.IsCompleted || reads == 0)
            {
                var known = await store.GetKnownPostIdsAsync(allIds);
                Assert.True(known.Count >= lastSeen, "a reader saw fewer posts than before");
                Assert.Equal(0, known.Count % PerBatch); // never half a batch
                lastSeen = known.Count;
                await store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(50) });
                reads++;
            }

            return reads;
        })).ToArray();

        await writer;
        var readCounts = await Task.WhenAll(readers);

        Assert.All(readCounts, count => Assert.True(count > 0));
        Assert.Equal(Batches * PerBatch, (await store.GetKnownPostIdsAsync(allIds)).Count);
        Assert.Equal($"batch-{Batches - 1}", (await store.GetCheckpointAsync("replay"))?.Value);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_WritingAtOnce_BothCommitEverything()
    {
        // Two store instances stand for two processes: they share no in-process lock, only SQLite's.
        var first = _database.CreateStore();
        var second = _database.CreateStore();
        await first.MigrateAsync();

        async Task WriteAll(SqliteMonitroStore store, string prefix)
        {
            for (var b = 0; b < 20; b++)
            {
                var posts = Enumerable.Range(0, 10).Select(i => Model.Post($"{prefix}-{b}-{i}", $"{prefix}{i}")).ToArray();
                await store.CommitAsync(Model.Batch($"{prefix}-{b}", posts) with { SourceName = prefix, Checkpoint = new SourceCheckpoint(prefix, $"{b}") });
            }
        }

        await Task.WhenAll(Task.Run(() => WriteAll(first, "a")), Task.Run(() => WriteAll(second, "b")));

        Assert.Equal(400, _database.Scalar("SELECT count(*) FROM posts;"));
        Assert.Equal("19", (await first.GetCheckpointAsync("b"))?.Value);
        Assert.Equal("19", (await second.GetCheckpointAsync("a"))?.Value);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_CommittingAndRetractingForTheSamePeople_BothReadTheTotalsOfWhatIsStored()
    {
        // Two store instances stand for two processes: each commits the shared posts (the same interaction ids), posts of
        // its own, and retracts a shared post now and then, for the same five people.
        var first = _database.CreateStore();
        var second = _database.CreateStore();
        await first.MigrateAsync();
        var retracted = new[] { "4-0", "9-0", "14-0" };

        async Task WriteAll(SqliteMonitroStore store, string prefix)
        {
            for (var b = 0; b < 20; b++)
            {
                var posts = Enumerable.Range(0, 10).Select(i => Model.Post($"{b}-{i}", $"user{i % 5}", minute: b))
                    .Concat(Enumerable.Range(0, 10).Select(i => Model.Post($"{prefix}-{b}-{i}", $"user{i % 5}", minute: b)))
                    .ToArray();
                var commit = Model.Batch($"{b}", posts) with { SourceName = prefix, Checkpoint = new SourceCheckpoint(prefix, $"{b}") };
                await store.CommitAsync(b % 5 == 0 && b > 0 ? commit with { Retractions = [Post.CreateId("mastodon", $"{b - 1}-0")] } : commit);
            }
        }

        await Task.WhenAll(Task.Run(() => WriteAll(first, "a")), Task.Run(() => WriteAll(second, "b")));

        // A retracted post stays a tombstone, so whichever store committed it last, its interaction is not stored.
        var expected = Enumerable.Range(0, 20).SelectMany(b => Enumerable.Range(0, 10).SelectMany(i => new[] { ($"{b}-{i}", i), ($"a-{b}-{i}", i), ($"b-{b}-{i}", i) }))
            .Where(post => !retracted.Contains(post.Item1))
            .Select(post => Model.Inbound(Model.Post(post.Item1, $"user{post.Item2 % 5}")))
            .GroupBy(interaction => interaction.PersonId)
            .OrderBy(person => person.Key, StringComparer.Ordinal)
            .Select(person => (person.Key, (long)person.Count(), person.Aggregate(0UL, (sum, i) => unchecked(sum + InteractionFingerprint.Of(i.Id)))))
            .ToList();
        var readByFirst = (await first.GetInteractionTotalsAsync(PageRequest.First)).Items;
        Assert.Equal(597, expected.Sum(person => person.Item2));
        Assert.Equal(expected, readByFirst.Select(t => (t.PersonId, t.Count, t.Fingerprint)));
        Assert.Equal(readByFirst, (await second.GetInteractionTotalsAsync(PageRequest.First)).Items);
    }
}
