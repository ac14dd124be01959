using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Tests.Storage;

/// <summary>
/// The in-memory store keeps settled alert keys plain until their person is forgotten, then only their keyed hashes:
/// nothing left names the person, and a replayed batch still does not alert again.
/// </summary>
public sealed class InMemorySettledKeysTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(M.Epoch);

    [Fact]
    public async Task Forget_OneOfTwoPeople_HashesOnlyTheirKeysAndBothStayRefused()
    {
        var store = new InMemoryMonitroStore(_time);
        // Mastodon post ids are URLs with the author's name in them, so mention alert keys hold the handle.
        var quill = M.Post("https://example.social/users/quill-keys/statuses/7", "quill-keys", "acme ate my data");
        var omar = M.Post("https://example.social/users/omar-keys/statuses/8", "omar-keys", "acme rocks", minute: 1);
        var batch = M.Batch("1", quill, omar);
        await store.CommitAsync(batch);
        var keys = (await store.ClaimDueAsync(10, Lease)).Select(entry => entry.Alert.IdempotencyKey).ToList();
        await store.MarkAllDeliveredAsync(keys);
        Assert.Equal(keys.Order(StringComparer.Ordinal), SettledRows(store).Order(StringComparer.Ordinal));

        await store.ForgetPersonAsync(quill.Author.IdentityKey);

        var rows = await AssertNothingNamesQuillAndTheReplayIsRefusedAsync(store, batch);
        Assert.Equal(2, rows.Count);
        Assert.Contains(Assert.Single(keys, key => key.Contains("omar", StringComparison.Ordinal)), rows);
    }

    [Fact]
    public async Task MarkDelivered_AnAlertForgottenWhileOutForDelivery_KeepsOnlyItsHashAndRefusesItAgain()
    {
        var store = new InMemoryMonitroStore(_time);
        var quill = M.Post("https://example.social/users/quill-late/statuses/9", "quill-late", "acme is down");
        var batch = M.Batch("1", quill);
        await store.CommitAsync(batch);
        var key = Assert.Single(await store.ClaimDueAsync(10, Lease)).Alert.IdempotencyKey;

        // The person is forgotten while a dispatcher holds their alert; it reports it delivered afterwards.
        await store.ForgetPersonAsync(quill.Author.IdentityKey);
        await store.MarkDeliveredAsync(key);

        Assert.Single(await AssertNothingNamesQuillAndTheReplayIsRefusedAsync(store, batch));
    }

    [Fact]
    public async Task Redrive_ANewAlertOfAPersonForgottenBefore_SendsItAgain()
    {
        var store = new InMemoryMonitroStore(_time);
        var quill = M.Post("https://example.social/users/quill-dead/statuses/10", "quill-dead", "acme lost it");
        var other = M.Post("https://example.social/users/quill-dead/statuses/11", "quill-dead", "acme lost it again", minute: 1);
        await store.CommitAsync(M.Batch("1", quill));
        await store.MarkDeliveredAsync(Assert.Single(await store.ClaimDueAsync(10, Lease)).Alert.IdempotencyKey);
        await store.ForgetPersonAsync(quill.Author.IdentityKey);

        // Afterwards the person posts again: the new alert dies, and its dead letter is sent again, past the hashed keys.
        await store.CommitAsync(M.Batch("2", other));
        var key = Assert.Single(await store.ClaimDueAsync(10, Lease)).Alert.IdempotencyKey;
        await store.MoveToDeadLetterAsync(key, "receiver gone");
        Assert.True(await store.RedriveAsync(key));

        _time.Advance(Lease + Lease);
        Assert.Equal(key, Assert.Single(await store.ClaimDueAsync(10, Lease)).Alert.IdempotencyKey);
    }

    // The settled keys name no "quill", and committing the batch again enqueues nothing; returns the settled rows.
    private async Task<List<string>> AssertNothingNamesQuillAndTheReplayIsRefusedAsync(InMemoryMonitroStore store, BatchCommit batch)
    {
        var rows = SettledRows(store);
        Assert.DoesNotContain(rows, row => row.Contains("quill", StringComparison.Ordinal));
        await store.CommitAsync(batch);
        _time.Advance(Lease + Lease);
        Assert.Empty(await store.ClaimDueAsync(10, Lease));
        return rows;
    }

    private static List<string> SettledRows(InMemoryMonitroStore store) => [.. store.ReadTables()["settled_alerts"].Cast<string>()];
}
