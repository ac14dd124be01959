namespace Monitro.Storage.Sqlite.Tests;

public sealed class SqliteErasureTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly SqliteMonitroStore _store;

    public SqliteErasureTests() => _store = _database.CreateStore();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ForgetPersonAsync_PersonEverywhere_LeavesNoRowAboutThemAndKeepsOthers()
    {
        // jane: two posts (one mention per watch on the first), our reply to her, a pending alert, a dead-lettered
        // alert, two snapshots. omar: one post in the same thread, our reply to him, his own snapshot.
        var janeFirst = Model.Post("j1", "Jane_Doe", "acme and globex both broke", minute: 0);
        var janeSecond = Model.Post("j2", "Jane_Doe", "still waiting on acme", minute: 3);
        var replyToJane = Model.Post("r1", "acme", "sorry about that, sent you a DM", minute: 4, replyToId: janeFirst.Id);
        var omarPost = Model.Post("o1", "omar", "acme is fine for me", minute: 5, replyToId: janeFirst.Id);
        var replyToOmar = Model.Post("r2", "acme", "glad to hear it", minute: 6, replyToId: omarPost.Id);
        await _store.CommitAsync(Model.Batch("1", janeFirst, janeSecond, omarPost) with
        {
            Posts = [janeFirst, janeSecond, omarPost, replyToJane, replyToOmar],
            Mentions = [Model.Mention(janeFirst), Model.Mention(janeFirst, Model.Rival), Model.Mention(janeSecond), Model.Mention(omarPost)],
            Interactions =
            [
                Model.Inbound(janeFirst), Model.Inbound(janeSecond), Model.Inbound(omarPost),
                Model.Outbound(replyToJane, "mastodon:jane_doe"), Model.Outbound(replyToOmar, "mastodon:omar"),
            ],
        });
        var claimed = await _store.ClaimDueAsync(1, TimeSpan.FromMinutes(1));
        await _store.MoveToDeadLetterAsync(Assert.Single(claimed).Alert.IdempotencyKey, "receiver gone");
        await _store.SaveSnapshotsAsync([Model.Snapshot("Jane_Doe", 55), Model.Snapshot("Jane_Doe", 60, day: 1), Model.Snapshot("omar", 30)]);
        await _store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Skipped = [new SkippedItem("replay", "line 9", "malformed JSON")],
        });
        Assert.NotEmpty(_database.FindText("jane_doe"));

        var erasure = await _store.ForgetPersonAsync("mastodon:jane_doe");

        Assert.Empty(_database.FindText("jane_doe"));
        Assert.Empty(_database.FindText("still waiting"));
        Assert.Empty(_database.FindText("sent you a DM"));
        Assert.Equal(new PersonErasure("mastodon:jane_doe", Identities: 1, Posts: 3, Mentions: 3, Interactions: 3, Snapshots: 2, PendingAlerts: 1, DeadLetters: 1), erasure);
        var rows = _database.CountRows();
        Assert.Equal(2, rows["posts"]); // omar's post and our reply to him
        Assert.Equal(1, rows["mentions"]);
        Assert.Equal(2, rows["interactions"]);
        Assert.Equal(2, rows["identities"]); // omar and the company's account, author of the replies
        Assert.Equal(2, rows["people"]);
        Assert.Equal(1, rows["relationship_snapshots"]);
        Assert.Equal(1, rows["alert_outbox"]);
        Assert.Equal(1, rows["dead_letters"]); // the unreadable source item, tied to nobody
        var omarTimeline = await _store.GetTimelineAsync("mastodon:omar", PageRequest.First);
        Assert.Equal([replyToOmar.Id, omarPost.Id], omarTimeline.Items.Select(e => e.Post.Id));
    }

    [Fact]
    public async Task ForgetPersonAsync_UnknownPerson_DeletesNothing()
    {
        await _store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));
        var before = _database.CountRows();

        var erasure = await _store.ForgetPersonAsync("mastodon:nobody");

        Assert.Equal(0, erasure.Total);
        Assert.Equal(before, _database.CountRows());
    }

    [Fact]
    public async Task ForgetPersonAsync_EmptyId_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ForgetPersonAsync("").AsTask());
    }
}
