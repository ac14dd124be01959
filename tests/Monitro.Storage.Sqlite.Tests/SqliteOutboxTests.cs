namespace Monitro.Storage.Sqlite.Tests;

public sealed class SqliteOutboxTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly TestDatabase _database = new();
    private readonly SqliteMonitroStore _store;

    public SqliteOutboxTests() => _store = _database.CreateStore();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ClaimDueAsync_TwoBatches_ClaimsOldestFirstUpToTheCount()
    {
        await _store.CommitAsync(Model.Batch("1", Model.Post("b", "jane")));
        _database.Time.Advance(TimeSpan.FromSeconds(1));
        await _store.CommitAsync(Model.Batch("2", Model.Post("a", "omar"), Model.Post("c", "li")));

        var claimed = await _store.ClaimDueAsync(2, Lease);

        Assert.Equal(["acme-brand|mastodon:b", "acme-brand|mastodon:a"], claimed.Select(e => e.Alert.IdempotencyKey));
        Assert.All(claimed, entry => Assert.Equal(0, entry.Attempts));
        Assert.Equal("I love acme", claimed[0].Alert.Mention?.Post.Text);
    }

    [Fact]
    public async Task ClaimDueAsync_Leased_IsNotClaimedAgainUntilTheLeaseExpires()
    {
        await _store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));
        Assert.Single(await _store.ClaimDueAsync(10, Lease));

        Assert.Empty(await _store.ClaimDueAsync(10, Lease));
        _database.Time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await _store.ClaimDueAsync(10, Lease));

        // The dispatcher that held the lease crashed: the entry is due again, with the same key.
        _database.Time.Advance(TimeSpan.FromMilliseconds(1));
        var reclaimed = Assert.Single(await _store.ClaimDueAsync(10, Lease));
        Assert.Equal("acme-brand|mastodon:1", reclaimed.Alert.IdempotencyKey);
    }

    [Fact]
    public async Task MarkDeliveredAsync_ThenBatchReplayed_NeverEnqueuesTheAlertAgain()
    {
        var batch = Model.Batch("1", Model.Post("1", "jane"));
        await _store.CommitAsync(batch);
        var entry = Assert.Single(await _store.ClaimDueAsync(10, Lease));

        await _store.MarkDeliveredAsync(entry.Alert.IdempotencyKey);
        await _store.CommitAsync(batch);
        _database.Time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await _store.ClaimDueAsync(10, Lease));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM alert_outbox;"));
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM settled_alerts WHERE outcome = 'delivered';"));
    }

    [Fact]
    public async Task MarkFailedAsync_CountsTheAttemptAndWaitsUntilTheNextAttempt()
    {
        await _store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));
        var entry = Assert.Single(await _store.ClaimDueAsync(10, Lease));
        var nextAttempt = _database.Time.GetUtcNow().AddSeconds(5);

        await _store.MarkFailedAsync(entry.Alert.IdempotencyKey, "HTTP 503 from the receiver", nextAttempt);

        Assert.Empty(await _store.ClaimDueAsync(10, Lease));
        _database.Time.Advance(TimeSpan.FromSeconds(5));
        var retried = Assert.Single(await _store.ClaimDueAsync(10, Lease));
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("HTTP 503 from the receiver", retried.LastError);
    }

    [Fact]
    public async Task MoveToDeadLetterAsync_KeepsTheAlertWithItsReasonAndNeverEnqueuesItAgain()
    {
        var batch = Model.Batch("1", Model.Post("1", "jane"));
        await _store.CommitAsync(batch);
        var entry = Assert.Single(await _store.ClaimDueAsync(10, Lease));

        await _store.MoveToDeadLetterAsync(entry.Alert.IdempotencyKey, "receiver down after 5 attempts");
        await _store.CommitAsync(batch);

        Assert.Empty(await _store.ClaimDueAsync(10, Lease));
        var deadLetter = Assert.Single((await _store.GetDeadLettersAsync(PageRequest.First)).Items);
        Assert.Equal(DeadLetterKinds.Alert, deadLetter.Kind);
        Assert.Equal("acme-brand|mastodon:1", deadLetter.Position);
        Assert.Equal("receiver down after 5 attempts", deadLetter.Reason);
        Assert.Contains("\"idempotencyKey\":\"acme-brand|mastodon:1\"", deadLetter.Excerpt, StringComparison.Ordinal);
        Assert.Equal(_database.Time.GetUtcNow(), deadLetter.RecordedAt);
    }

    [Fact]
    public async Task MoveToDeadLetterAsync_KeyNotInTheOutbox_DoesNothing()
    {
        await _store.MoveToDeadLetterAsync("no-such-key", "gone");

        Assert.Empty((await _store.GetDeadLettersAsync(PageRequest.First)).Items);
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM settled_alerts;"));
    }

    [Fact]
    public async Task ClaimDueAsync_DamagedPayload_MovesThatEntryToTheDeadLettersAndClaimsTheRest()
    {
        await _store.CommitAsync(Model.Batch("1", Model.Post("1", "jane"), Model.Post("2", "omar")));
        _database.Execute("UPDATE alert_outbox SET payload = '{\"kind\":42' WHERE idempotency_key = 'acme-brand|mastodon:1';");

        // Claimed by a store that did not enqueue them (a restarted process), which reads every row's JSON.
        var claimed = await _database.CreateStore().ClaimDueAsync(10, Lease);

        Assert.Equal("acme-brand|mastodon:2", Assert.Single(claimed).Alert.IdempotencyKey);
        var deadLetter = Assert.Single((await _store.GetDeadLettersAsync(PageRequest.First)).Items);
        // Named by its fingerprint: the reason is logged too, and a key can hold a handle.
        Assert.Contains($"alert_outbox row '{Fingerprint("acme-brand|mastodon:1")}' is not a readable Alert", deadLetter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkFailedAsync_HugeError_IsCutToTheDiagnosticLimit()
    {
        await _store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));

        await _store.MarkFailedAsync("acme-brand|mastodon:1", new string('x', 50_000), _database.Time.GetUtcNow());

        Assert.Equal(4000, _database.Scalar("SELECT length(last_error) FROM alert_outbox;"));
    }

    [Fact]
    public async Task ClaimDueAsync_InvalidArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.ClaimDueAsync(0, Lease).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.ClaimDueAsync(1, TimeSpan.Zero).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => _store.MarkDeliveredAsync("").AsTask());
    }

    // As documented: "sha256:" and the first 12 hex digits of the SHA-256 of the key.
    private static string Fingerprint(string key) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..12];
}
