using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>
/// The store writes on one connection kept open: a failed write leaves it usable, and the alerts it enqueued are
/// claimed without reading their rows back, while any other claim still reads them.
/// </summary>
public sealed class SqliteWriterTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ClaimDueAsync_AlertThisStoreEnqueued_IsTheCommittedAlertWithoutReadingItsRow()
    {
        var store = _database.CreateStore();
        var batch = Model.Batch("1", Model.Post("1", "jane"));
        await store.CommitAsync(batch);

        // A row that no longer reads: a claim that read it would move it to the dead letters.
        _database.Execute("UPDATE alert_outbox SET payload = 'not json';");
        var entry = Assert.Single(await store.ClaimDueAsync(10, Lease));

        Assert.Same(batch.Alerts[0], entry.Alert);
        Assert.Equal(0, entry.Attempts);
        Assert.Empty((await store.GetDeadLettersAsync(PageRequest.First)).Items);
    }

    [Fact]
    public async Task ClaimDueAsync_AlertClaimedAgainAfterAFailedAttempt_ReadsItsRow()
    {
        var store = _database.CreateStore();
        await store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));
        var first = Assert.Single(await store.ClaimDueAsync(10, Lease));
        await store.MarkFailedAsync(first.Alert.IdempotencyKey, "HTTP 503 from the receiver", _database.Time.GetUtcNow());
        _database.Execute("UPDATE alert_outbox SET payload = 'not json';");

        Assert.Empty(await store.ClaimDueAsync(10, Lease));

        Assert.Single((await store.GetDeadLettersAsync(PageRequest.First)).Items);
    }

    [Fact]
    public async Task ClaimDueAsync_AlertAnotherStoreEnqueued_IsReadFromItsRow()
    {
        var batch = Model.Batch("1", Model.Post("1", "jane"));
        await _database.CreateStore().CommitAsync(batch);

        var entry = Assert.Single(await _database.CreateStore().ClaimDueAsync(10, Lease));

        Assert.NotSame(batch.Alerts[0], entry.Alert);
        Assert.Equal(batch.Alerts[0].IdempotencyKey, entry.Alert.IdempotencyKey);
        Assert.Equal("I love acme", entry.Alert.Mention?.Post.Text);
    }

    [Fact]
    public void Constructor_SetsTheWriteConnectionsCacheAndCheckpointSize()
    {
        var connection = _database.OpenConnection();

        using var writer = new SqliteWriter(connection, syncEachCommit: true);

        Assert.Equal(-SqliteWriter.CacheKibibytes, Pragma(connection, "cache_size"));
        Assert.Equal(SqliteWriter.CheckpointPages, Pragma(connection, "wal_autocheckpoint"));
    }

    [Fact]
    public void SetCommitMode_SwitchesSyncAndCheckpointsAndBack()
    {
        var connection = _database.OpenConnection();
        using (var full = connection.CreateCommand())
        {
            full.CommandText = "PRAGMA synchronous = FULL;";
            full.ExecuteNonQuery();
        }

        using var writer = new SqliteWriter(connection, syncEachCommit: true);

        writer.SetCommitMode(syncEachCommit: false, checkpoint: false);
        Assert.Equal(1, Pragma(connection, "synchronous")); // NORMAL: delivery bookkeeping leaves its sync to the next commit
        Assert.Equal(0, Pragma(connection, "wal_autocheckpoint")); // and its checkpoints to the batch commits
        writer.SetCommitMode(syncEachCommit: true, checkpoint: true);
        Assert.Equal(2, Pragma(connection, "synchronous")); // FULL again for the batch commits
        Assert.Equal(SqliteWriter.CheckpointPages, Pragma(connection, "wal_autocheckpoint"));
    }

    [Fact]
    public async Task DeliveryBookkeeping_WrittenWithoutItsOwnSync_IsSeenByAnotherStoreOnTheFile()
    {
        var store = _database.CreateStore();
        await store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));
        var claimed = Assert.Single(await store.ClaimDueAsync(10, Lease));
        await store.MarkAllDeliveredAsync([claimed.Alert.IdempotencyKey]);
        await store.CommitAsync(Model.Batch("2", Model.Post("2", "omar")));

        // Another store on the file (as after a restart) sees the settlement and the commit after it.
        var next = _database.CreateStore();
        Assert.Equal(["acme-brand|mastodon:2"], (await next.ClaimDueAsync(10, Lease)).Select(e => e.Alert.IdempotencyKey));
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM settled_alerts;"));
    }

    [Fact]
    public async Task CommitAsync_RolledBack_NeitherWritesNorKeepsItsAlertsAndTheNextWriteSucceeds()
    {
        var store = _database.CreateStore(options => options.BusyTimeout = TimeSpan.FromMilliseconds(100));
        await store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));
        var locked = Model.Batch("2", Model.Post("2", "omar"));
        using (var other = _database.OpenConnection())
        using (other.BeginTransaction(deferred: false))
        {
            // Another process holds the write lock past the busy timeout.
            await Assert.ThrowsAsync<SqliteException>(() => store.CommitAsync(locked).AsTask());
        }

        await store.CommitAsync(Model.Batch("3", Model.Post("3", "li")));

        Assert.Equal(2, _database.Scalar("SELECT count(*) FROM posts;"));
        Assert.Equal(["acme-brand|mastodon:1", "acme-brand|mastodon:3"], (await store.ClaimDueAsync(10, Lease)).Select(e => e.Alert.IdempotencyKey));
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)command.ExecuteScalar()!;
    }
}
