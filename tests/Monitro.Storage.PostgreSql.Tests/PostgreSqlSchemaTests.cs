using Monitro.Storage.PostgreSql.Schema;
using Monitro.Storage.Shared;
using Npgsql;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.PostgreSql.Tests;

public sealed class PostgreSqlSchemaTests : SchemaPerTest
{
    [PostgresFact]
    public async Task MigrateAsync_ManyStoresStartingAtOnce_MigrateOnce()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => Schema.CreateStore()).ToList();

        await Task.WhenAll(stores.Select(store => Task.Run(async () => await store.MigrateAsync())));

        Assert.Equal(PostgreSqlSchemaMigrations.All.Count, await Schema.ScalarAsync("SELECT count(*) FROM schema_version;"));
        Assert.Equal(PostgreSqlSchemaMigrations.LatestVersion, await stores[0].GetSchemaVersionAsync());
        Assert.Contains("alert_outbox", await Schema.TablesAsync());
    }

    [PostgresFact]
    public async Task GetSchemaVersionAsync_SchemaNeverUsed_IsZero()
    {
        var store = Schema.CreateStore();

        Assert.Equal(0, await store.GetSchemaVersionAsync());
    }

    [PostgresFact]
    public async Task MigrateAsync_SchemaOfANewerMonitro_FailsWithoutChangingIt()
    {
        await Schema.CreateStore().MigrateAsync();
        await Schema.ExecuteAsync("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 0);");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Schema.CreateStore().MigrateAsync().AsTask());

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Equal(PostgreSqlSchemaMigrations.All.Count + 1, await Schema.ScalarAsync("SELECT count(*) FROM schema_version;"));
    }

    [PostgresFact]
    public async Task MigrateAsync_FromVersion20WithInteractions_BackfillsTheFingerprintsSoTheTotalsMatchTheHistory()
    {
        var posts = new[] { M.Post("1", "jane", minute: 1), M.Post("2", "jane", minute: 7), M.Post("3", "omar", minute: 4) };
        var interactions = posts.Select(M.Inbound).ToArray();
        const int Bulk = 20_500; // more than two chunks of the back-fill
        var connectionString = new NpgsqlConnectionStringBuilder(Schema.ConnectionString) { SearchPath = Schema.Name }.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await PostgreSqlSchemaMigrator.MigrateAsync(connection, Schema.Name, now: 0, targetVersion: 20, CancellationToken.None);
            foreach (var interaction in interactions)
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO interactions (id, person_id, post_id, direction, occurred_at, payload) VALUES ($1, $2, $3, 0, $4, $5::jsonb)", connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = interaction.Id });
                insert.Parameters.Add(new NpgsqlParameter { Value = interaction.PersonId });
                insert.Parameters.Add(new NpgsqlParameter { Value = interaction.PostId });
                insert.Parameters.Add(new NpgsqlParameter { Value = interaction.OccurredAt.ToUnixTimeMilliseconds() });
                insert.Parameters.Add(new NpgsqlParameter { Value = PayloadSerializer.Write(interaction, StoreJsonContext.Default.Interaction) });
                await insert.ExecuteNonQueryAsync();
            }

            await using var bulk = new NpgsqlCommand(
                $"INSERT INTO interactions (id, person_id, post_id, direction, occurred_at, payload) SELECT 'bulk-' || g, 'mastodon:bulk', 'p' || g, 0, g, '{{}}' FROM generate_series(1, {Bulk}) g",
                connection);
            await bulk.ExecuteNonQueryAsync();
        }

        var store = Schema.CreateStore();
        var totals = (await store.GetInteractionTotalsAsync(PageRequest.First)).Items;

        Assert.Equal(
            [
                new InteractionTotals("mastodon:bulk", Bulk, Enumerable.Range(1, Bulk).Aggregate(0UL, (sum, g) => unchecked(sum + InteractionFingerprint.Of($"bulk-{g}"))), DateTimeOffset.FromUnixTimeMilliseconds(Bulk)),
                new InteractionTotals(interactions[0].PersonId, 2, unchecked(InteractionFingerprint.Of(interactions[0].Id) + InteractionFingerprint.Of(interactions[1].Id)), posts[1].CreatedAt),
                new InteractionTotals(interactions[2].PersonId, 1, InteractionFingerprint.Of(interactions[2].Id), posts[2].CreatedAt),
            ],
            totals);
        Assert.Equal(2, (await store.GetInteractionsOfAsync(interactions[0].PersonId, PageRequest.First)).Items.Count);
        Assert.Equal(1, (await store.ForgetPersonAsync(interactions[2].PersonId)).Interactions);
        Assert.Equal(["mastodon:bulk", interactions[0].PersonId], (await store.GetInteractionTotalsAsync(PageRequest.First)).Items.Select(t => t.PersonId));
    }

    [PostgresFact]
    public async Task CommitAsync_TablesLiveInTheConfiguredSchemaOnly()
    {
        var store = Schema.CreateStore();

        await store.CommitAsync(Monitro.Storage.Testing.ContractModel.Batch("1", Monitro.Storage.Testing.ContractModel.Post("1", "jane")));

        Assert.Equal(
            1,
            await Schema.ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_name = 'posts' AND table_schema = '{Schema.Name}';"));
        Assert.Equal(Schema.Name, store.SchemaName);
    }
}
