using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite.Tests;

public sealed class SqliteMonitroStoreCommitTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task CommitAsync_NewBatch_StoresEveryPartAndTheCheckpoint()
    {
        var store = _database.CreateStore();
        var posts = new[] { Model.Post("1", "jane"), Model.Post("2", "omar", minute: 1) };
        var batch = Model.Batch("line-2", posts) with
        {
            Skipped = [new SkippedItem("replay", "line 3", "malformed JSON: unexpected end", "{\"id\":")],
        };

        await store.CommitAsync(batch);

        var rows = _database.CountRows();
        Assert.Equal(2, rows["posts"]);
        Assert.Equal(2, rows["mentions"]);
        Assert.Equal(2, rows["interactions"]);
        Assert.Equal(2, rows["people"]);
        Assert.Equal(2, rows["identities"]);
        Assert.Equal(2, rows["alert_outbox"]);
        Assert.Equal(1, rows["dead_letters"]);
        Assert.Equal(new SourceCheckpoint("replay", "line-2"), await store.GetCheckpointAsync("replay"));
    }

    [Fact]
    public async Task CommitAsync_PersonSeenSeveralTimes_KeepsTheEarliestAndLatestMomentInOneRow()
    {
        var store = _database.CreateStore();
        var later = Model.Post("1", "jane", minute: 5);
        var earlier = Model.Post("2", "jane", minute: 2);
        var reply = Model.Post("3", "acme", minute: 7, replyToId: later.Id);
        await store.CommitAsync(Model.Batch("1", later, earlier, reply) with
        {
            Interactions = [Model.Inbound(later), Model.Inbound(earlier), Model.Outbound(reply, later.Author.IdentityKey)],
        });

        var jane = $"FROM people WHERE id = '{later.Author.IdentityKey}'";
        Assert.Equal(Minute(2), _database.Scalar("SELECT first_seen_at " + jane));
        Assert.Equal(Minute(7), _database.Scalar("SELECT last_seen_at " + jane));

        // A later commit widens the row only where it saw the person earlier or later.
        await store.CommitAsync(Model.Batch("2", Model.Post("4", "jane", minute: 1)));
        await store.CommitAsync(Model.Batch("3", Model.Post("5", "jane", minute: 3)));
        Assert.Equal(Minute(1), _database.Scalar("SELECT first_seen_at " + jane));
        Assert.Equal(Minute(7), _database.Scalar("SELECT last_seen_at " + jane));
        Assert.Equal(2, _database.Scalar("SELECT count(*) FROM people;")); // jane and the author of the reply, acme
    }

    private static long Minute(int minute) => Model.Epoch.AddMinutes(minute).ToUnixTimeMilliseconds();

    [Fact]
    public async Task CommitAsync_SameBatchReplayed_StoresEachRowOnce()
    {
        var store = _database.CreateStore();
        var batch = Model.Batch("line-2", Model.Post("1", "jane"), Model.Post("2", "omar")) with
        {
            Skipped = [new SkippedItem("replay", "line 3", "malformed JSON")],
        };
        await store.CommitAsync(batch);
        var first = _database.CountRows();

        await store.CommitAsync(batch);
        await store.CommitAsync(batch);

        Assert.Equal(first, _database.CountRows());
    }

    [Fact]
    public async Task CommitAsync_FailsInsideTheTransaction_LeavesNoPartialRowsAndTheOldCheckpoint()
    {
        var store = _database.CreateStore();
        await store.CommitAsync(Model.Batch("line-1", Model.Post("1", "jane")));
        var before = _database.CountRows();

        // The checkpoint is written last, so a failure there comes after every other row of the batch.
        _database.Execute("""
            CREATE TRIGGER fail_checkpoint BEFORE UPDATE ON checkpoints WHEN NEW.value = 'line-3'
            BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;
            """);
        var failing = Model.Batch("line-3", Model.Post("2", "omar"), Model.Post("3", "li")) with
        {
            Retractions = ["mastodon:1"],
            Skipped = [new SkippedItem("replay", "line 2", "bad")],
        };

        var exception = await Assert.ThrowsAsync<SqliteException>(() => store.CommitAsync(failing).AsTask());

        Assert.Contains("simulated disk failure", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, _database.CountRows());
        Assert.Equal("line-1", (await store.GetCheckpointAsync("replay"))?.Value);
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM posts WHERE retracted_at IS NOT NULL;"));
    }

    [Fact]
    public async Task CommitAsync_CancelledBeforeStart_WritesNothing()
    {
        var store = _database.CreateStore();
        await store.MigrateAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.CommitAsync(Model.Batch("line-1", Model.Post("1", "jane")), cancellation.Token).AsTask());

        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM posts;"));
        Assert.Null(await store.GetCheckpointAsync("replay"));
    }

    [Fact]
    public async Task CommitAsync_Retraction_RemovesTextMentionsInteractionsAndPendingAlertsAndBlocksReplays()
    {
        var store = _database.CreateStore();
        var post = Model.Post("1", "jane", "acme broke my order");
        var batch = Model.Batch("line-1", post);
        await store.CommitAsync(batch);

        await store.CommitAsync(new BatchCommit { SourceName = "replay", Retractions = [post.Id] });
        await store.CommitAsync(batch);

        Assert.Empty(_database.FindText("broke my order"));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM mentions;"));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM interactions;"));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM alert_outbox;"));
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM posts WHERE retracted_at IS NOT NULL AND payload IS NULL;"));
        Assert.Contains(post.Id, await store.GetKnownPostIdsAsync([post.Id]));
    }

    [Fact]
    public async Task CommitAsync_RetractionOfUnknownPost_StoresNothing()
    {
        var store = _database.CreateStore();

        await store.CommitAsync(new BatchCommit { SourceName = "replay", Retractions = ["bluesky:at://unknown"] });

        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM posts;"));
    }

    [Fact]
    public async Task CommitAsync_OlderPostOfKnownAuthor_KeepsTheNewerIdentityDetails()
    {
        var store = _database.CreateStore();
        var newer = Model.Post("2", "jane", minute: 10) with { Author = Model.Author("jane", "Jane Newname") };
        var older = Model.Post("1", "jane", minute: 1) with { Author = Model.Author("jane", "Jane Oldname") };

        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = [newer] });
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Posts = [older] });

        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM identities WHERE display_name = 'Jane Newname';"));
    }

    [Fact]
    public async Task GetKnownPostIdsAsync_MixOfStoredAndNew_ReturnsTheStoredOnes()
    {
        var store = _database.CreateStore();
        await store.CommitAsync(Model.Batch("line-2", Model.Post("1", "jane"), Model.Post("2", "omar")));

        var known = await store.GetKnownPostIdsAsync(["mastodon:1", "mastodon:3", "mastodon:2", "mastodon:4"]);

        Assert.Equal(["mastodon:1", "mastodon:2"], known.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetCheckpointAsync_UnknownSource_ReturnsNull()
    {
        var store = _database.CreateStore();

        Assert.Null(await store.GetCheckpointAsync("never-ran"));
    }

    public static TheoryData<string, string> InvalidCommits => new()
    {
        { "empty-post-id", "Posts[0].Id must not be null or empty" },
        { "null-text", "Posts[0].Text must not be null" },
        { "oversized-text", "Posts[0].Text has 101 characters, more than the 100 allowed" },
        { "oversized-id", "Posts[0].Id has 2,049 characters" },
        { "null-list", "Mentions must not be null" },
        { "span-outside-text", "Mentions[0].Spans[0] (5, 50) lies outside the post text" },
        { "foreign-checkpoint", "Checkpoint.SourceName is 'other' but the batch comes from 'replay'" },
        { "empty-alert-key", "Alerts[0].IdempotencyKey must not be null or empty" },
        { "null-author", "Posts[0].Author must not be null" },
        { "empty-retraction", "Retractions[1] must not be null or empty" },
        { "oversized-checkpoint", "Checkpoint.Value has 1,048,577 characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidCommits))]
    public async Task CommitAsync_InvalidInput_ThrowsNamingTheFieldAndWritesNothing(string caseName, string expected)
    {
        var store = _database.CreateStore(options => options.MaxTextLength = 100);
        await store.MigrateAsync();
        var post = Model.Post("1", "jane");
        var commit = caseName switch
        {
            "empty-post-id" => new BatchCommit { SourceName = "replay", Posts = [post with { Id = "" }] },
            "null-text" => new BatchCommit { SourceName = "replay", Posts = [post with { Text = null! }] },
            "oversized-text" => new BatchCommit { SourceName = "replay", Posts = [post with { Text = new string('a', 101) }] },
            "oversized-id" => new BatchCommit { SourceName = "replay", Posts = [post with { Id = new string('a', 2049) }] },
            "null-list" => new BatchCommit { SourceName = "replay", Posts = [post], Mentions = null! },
            "span-outside-text" => new BatchCommit { SourceName = "replay", Mentions = [Model.Mention(post) with { Spans = [new MatchSpan(5, 50)] }] },
            "foreign-checkpoint" => Model.Batch("x", post) with { Checkpoint = new SourceCheckpoint("other", "x") },
            "empty-alert-key" => Model.Batch("x", post) with { Alerts = [Alert.ForMention(Model.Mention(post), Model.Epoch) with { IdempotencyKey = "" }] },
            "null-author" => new BatchCommit { SourceName = "replay", Posts = [post with { Author = null! }] },
            "empty-retraction" => new BatchCommit { SourceName = "replay", Posts = [post], Retractions = ["mastodon:9", ""] },
            "oversized-checkpoint" => new BatchCommit { SourceName = "replay", Posts = [post], Checkpoint = new SourceCheckpoint("replay", new string('c', 1024 * 1024 + 1)) },
            _ => throw new ArgumentOutOfRangeException(nameof(caseName)),
        };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(commit).AsTask());

        Assert.Equal("commit", exception.ParamName);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        var rows = _database.CountRows();
        Assert.Contains("posts", rows.Keys);
        Assert.All(rows.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task CommitAsync_NullCommit_ThrowsArgumentNull()
    {
        var store = _database.CreateStore();

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.CommitAsync(null!).AsTask());
    }
}
