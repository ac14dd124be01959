using Monitro.Storage.Shared;
using Monitro.Storage.Sqlite.Schema;

namespace Monitro.Storage.Sqlite.Tests;

public sealed class SqliteSchemaMigrationTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task MigrateAsync_NewFile_ReachesTheLatestVersionInWriteAheadLogMode()
    {
        var store = _database.CreateStore();

        await store.MigrateAsync();

        Assert.Equal(SchemaMigrations.LatestVersion, await store.GetSchemaVersionAsync());
        Assert.Equal(14, SchemaMigrations.LatestVersion);
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task MigrateAsync_FromVersion1WithData_KeepsTheDataAndBackfillsPersonIds()
    {
        var post = Model.Post("1", "jane", "acme is great");
        var mention = Model.Mention(post);
        using (var connection = _database.OpenConnection())
        {
            SchemaMigrator.Migrate(connection, targetVersion: 1, now: 0);
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO posts (id, source, author_id, created_at, payload) VALUES ($post_id, 'mastodon', $author, $created, $post);
                INSERT INTO mentions (id, watch_name, post_id, created_at, payload) VALUES ($mention_id, 'acme-brand', $post_id, $created, $mention);
                INSERT INTO checkpoints (source_name, value, updated_at) VALUES ('replay', 'line-7', 0);
                """;
            command.Parameters.AddWithValue("$post_id", post.Id);
            command.Parameters.AddWithValue("$author", post.Author.IdentityKey);
            command.Parameters.AddWithValue("$created", post.CreatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$post", PayloadSerializer.Write(post, StoreJsonContext.Default.Post));
            command.Parameters.AddWithValue("$mention_id", mention.Id);
            command.Parameters.AddWithValue("$mention", PayloadSerializer.Write(StoredMention.From(mention), StoreJsonContext.Default.StoredMention));
            command.ExecuteNonQuery();
        }

        var store = _database.CreateStore();
        Assert.Equal(1, await store.GetSchemaVersionAsync());

        var page = await store.GetMentionsAsync(new MentionQuery { WatchName = "acme-brand" });

        Assert.Equal(SchemaMigrations.LatestVersion, await store.GetSchemaVersionAsync());
        Assert.Equal(mention, Assert.Single(page.Items), MentionComparer.Instance);
        Assert.Equal("line-7", (await store.GetCheckpointAsync("replay"))?.Value);
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM mentions WHERE person_id = 'mastodon:jane';"));
        await store.SaveSnapshotsAsync([Model.Snapshot("jane", 50)]);
        var erasure = await store.ForgetPersonAsync("mastodon:jane");
        Assert.Equal(1, erasure.Mentions);
    }

    [Fact]
    public async Task MigrateAsync_FromVersion3WithSettledKeys_HashesThemAndStillRefusesTheirReplay()
    {
        var post = Model.Post("https://example.social/users/rho-migrate/statuses/5", "rho-migrate");
        var batch = Model.Batch("1", post);
        using (var connection = _database.OpenConnection())
        {
            SchemaMigrator.Migrate(connection, targetVersion: 3, now: 0);
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO settled_alerts (idempotency_key, outcome, settled_at) VALUES ($key, 'delivered', 0);";
            command.Parameters.AddWithValue("$key", batch.Alerts[0].IdempotencyKey);
            command.ExecuteNonQuery();
        }

        var store = _database.CreateStore();
        await store.MigrateAsync();

        Assert.Empty(_database.FindText("rho-migrate"));
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM settled_alerts WHERE length(key_hash) = 64;"));
        await store.CommitAsync(batch);
        Assert.Empty(await store.ClaimDueAsync(10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task MigrateAsync_FromVersion6WithMentions_BackfillsTheInsightColumnsAndCoversTheAggregates()
    {
        var post = Model.Post("8", "jane", "acme is great");
        var mention = Model.Mention(post, Model.Rival);
        using (var connection = _database.OpenConnection())
        {
            SchemaMigrator.Migrate(connection, targetVersion: 6, now: 0);
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO posts (id, source, author_id, created_at, payload) VALUES ($post_id, 'mastodon', $author, $created, $post);
                INSERT INTO mentions (id, watch_name, post_id, person_id, created_at, payload) VALUES ($mention_id, 'rival', $post_id, $author, $created, $mention);
                INSERT INTO mentions (id, watch_name, post_id, person_id, created_at, payload) VALUES ('damaged', 'rival', $post_id, $author, $created, '{not json');
                """;
            command.Parameters.AddWithValue("$post_id", post.Id);
            command.Parameters.AddWithValue("$author", post.Author.IdentityKey);
            command.Parameters.AddWithValue("$created", post.CreatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$post", PayloadSerializer.Write(post, StoreJsonContext.Default.Post));
            command.Parameters.AddWithValue("$mention_id", mention.Id);
            command.Parameters.AddWithValue("$mention", PayloadSerializer.Write(StoredMention.From(mention), StoreJsonContext.Default.StoredMention));
            command.ExecuteNonQuery();
        }

        await _database.CreateStore().MigrateAsync();

        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM mentions WHERE category = 'Competitor' AND sentiment_label = 'Positive' AND sentiment = 0.6;"));
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM mentions WHERE id = 'damaged' AND category IS NULL AND sentiment IS NULL;"));
        using var connection2 = _database.OpenConnection();
        using var plan = connection2.CreateCommand();
        plan.CommandText = "EXPLAIN QUERY PLAN SELECT count(*), avg(sentiment) FROM mentions WHERE created_at >= 0 AND created_at < 1 AND category = 'Brand' AND sentiment_label = 'Positive';";
        using var reader = plan.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Contains("COVERING INDEX ix_mentions_insights", reader.GetString(3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_WritesTheInsightColumnsWithTheRow()
    {
        var store = _database.CreateStore();
        var post = Model.Post("9", "jane");
        await store.CommitAsync(new BatchCommit { SourceName = "test", Posts = [post], Mentions = [Model.Mention(post), Model.Mention(post, Model.Rival) with { Signals = null }] });

        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM mentions WHERE category = 'Brand' AND sentiment_label = 'Positive' AND sentiment = 0.6;"));
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM mentions WHERE category = 'Competitor' AND sentiment_label IS NULL AND sentiment IS NULL;"));
    }

    [Fact]
    public async Task MigrateAsync_FromVersion13WithInteractions_BackfillsTheFingerprintsSoTheTotalsMatchTheHistory()
    {
        var posts = new[] { Model.Post("1", "jane", minute: 1), Model.Post("2", "jane", minute: 7), Model.Post("3", "omar", minute: 4) };
        var interactions = posts.Select(Model.Inbound).ToArray();
        using (var connection = _database.OpenConnection())
        {
            SchemaMigrator.Migrate(connection, targetVersion: 13, now: 0);
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO interactions (id, person_id, post_id, direction, occurred_at, payload)
                VALUES ($id, $person_id, $post_id, 0, $occurred_at, $payload);
                """;
            foreach (var interaction in interactions)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$id", interaction.Id);
                command.Parameters.AddWithValue("$person_id", interaction.PersonId);
                command.Parameters.AddWithValue("$post_id", interaction.PostId);
                command.Parameters.AddWithValue("$occurred_at", interaction.OccurredAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$payload", PayloadSerializer.Write(interaction, StoreJsonContext.Default.Interaction));
                command.ExecuteNonQuery();
            }
        }

        var store = _database.CreateStore();
        var totals = (await store.GetInteractionTotalsAsync(PageRequest.First)).Items;

        Assert.Equal(
            [
                new InteractionTotals(interactions[0].PersonId, 2, unchecked(InteractionFingerprint.Of(interactions[0].Id) + InteractionFingerprint.Of(interactions[1].Id)), posts[1].CreatedAt),
                new InteractionTotals(interactions[2].PersonId, 1, InteractionFingerprint.Of(interactions[2].Id), posts[2].CreatedAt),
            ],
            totals);
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM interactions WHERE fingerprint_lo = 0 AND fingerprint_hi = 0;"));
        Assert.Equal(2, (await store.GetInteractionsOfAsync(interactions[0].PersonId, PageRequest.First)).Items.Count);
        Assert.Equal(1, (await store.ForgetPersonAsync(interactions[2].PersonId)).Interactions);
        Assert.Equal([interactions[0].PersonId], (await store.GetInteractionTotalsAsync(PageRequest.First)).Items.Select(t => t.PersonId));
    }

    [Fact]
    public async Task GetInteractionTotalsAsync_ReadsThePersonIndexAloneInIdentityOrder()
    {
        await _database.CreateStore().MigrateAsync();

        using var connection = _database.OpenConnection();
        using var plan = connection.CreateCommand();
        plan.CommandText = "EXPLAIN QUERY PLAN " + SqliteMonitroStore.SelectTotals;
        plan.Parameters.AddWithValue("$after", string.Empty);
        plan.Parameters.AddWithValue("$limit", 100);
        using var reader = plan.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        // One step: the covering index, searched from the identity after the token; no table row, no sort.
        Assert.Contains("COVERING INDEX ix_interactions_person", Assert.Single(steps), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_CurrentDatabase_AppliesNothingAgain()
    {
        await _database.CreateStore().MigrateAsync();
        await _database.CreateStore().MigrateAsync();

        Assert.Equal(SchemaMigrations.All.Count, _database.Scalar("SELECT count(*) FROM schema_version;"));
    }

    [Fact]
    public async Task MigrateAsync_ManyStoresOnOneFileAtOnce_MigrateOnce()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => _database.CreateStore()).ToArray();

        await Task.WhenAll(stores.Select(store => Task.Run(() => store.MigrateAsync().AsTask())));

        Assert.Equal(SchemaMigrations.All.Count, _database.Scalar("SELECT count(*) FROM schema_version;"));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseOfANewerVersion_ThrowsNotSupported()
    {
        await _database.CreateStore().MigrateAsync();
        _database.Execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 0);");

        var exception = await Assert.ThrowsAsync<NotSupportedException>(() => _database.CreateStore().MigrateAsync().AsTask());

        Assert.Contains("schema version 99", exception.Message, StringComparison.Ordinal);
    }
}
