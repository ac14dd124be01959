using Microsoft.Extensions.Time.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.Testing;

/// <summary>
/// The behaviour every Monitro store keeps, whatever holds the data: atomic batches with their checkpoint,
/// idempotent replays, the outbox, paged queries, retractions, forgetting a person and bad input.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>
/// Each test gets a fresh, empty database (or schema) from the derived class. <see cref="CreateStoreAsync"/> may be
/// called more than once: every call returns another instance, with connections of its own, on the same data (a store
/// whose data lives in the instance returns that one instance again, so those tests check concurrent callers on it).
/// </remarks>
public abstract class StoreContractTests<TStore>
    where TStore : class, IMonitroStore, IAlertOutbox, IAlertDeadLetters, IMonitroQueries, IInteractionHistory, IPersonDataEraser, IRelationshipSnapshotStore
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Gets the clock every store of the test runs on.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a store instance on this test's database, running on <see cref="Time"/>.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    /// <summary>Counts the rows of one of the store's tables.</summary>
    protected abstract Task<long> CountRowsAsync(string table);

    /// <summary>Lists the store's data tables: not the schema version, nor the store's secret.</summary>
    protected abstract Task<IReadOnlyList<string>> ListTablesAsync();

    /// <summary>Lists every <c>table.column</c> whose value, read as text, contains <paramref name="needle"/> (case-insensitive).</summary>
    protected abstract Task<IReadOnlyList<string>> FindTextAsync(string needle);

    [ContractFact]
    public async Task CommitAsync_Batch_StoresItsRowsAndItsCheckpointTogether()
    {
        var store = await CreateStoreAsync();

        await store.CommitAsync(M.Batch("7", M.Post("1", "jane"), M.Post("2", "omar")));

        Assert.Equal(new SourceCheckpoint("replay", "7"), await store.GetCheckpointAsync("replay"));
        Assert.Equal(2, await CountRowsAsync("posts"));
        Assert.Equal(2, await CountRowsAsync("mentions"));
        Assert.Equal(2, await CountRowsAsync("interactions"));
        Assert.Equal(2, await CountRowsAsync("alert_outbox"));
        Assert.Null(await store.GetCheckpointAsync("another-source"));
    }

    [ContractFact]
    public async Task CommitAsync_InvalidItemAfterValidOnes_WritesNothingAndKeepsTheCheckpoint()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane")));
        var valid = M.Batch("2", M.Post("2", "omar"), M.Post("3", "li"));
        var broken = valid with { Posts = [valid.Posts[0], valid.Posts[1] with { Id = "" }] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(broken).AsTask());

        Assert.Contains("Posts[1].Id", error.Message, StringComparison.Ordinal);
        Assert.Equal("1", (await store.GetCheckpointAsync("replay"))?.Value);
        Assert.Equal(1, await CountRowsAsync("posts"));
        Assert.Equal(1, await CountRowsAsync("mentions"));
    }

    // Each bad commit, and the field its error must name.
    private static readonly (string Name, string Field)[] InvalidCommits =
    [
        ("null posts", "Posts"),
        ("span outside the text", "Mentions[0].Spans[0]"),
        ("checkpoint of another source", "Checkpoint.SourceName"),
        ("alert without key", "Alerts[0].IdempotencyKey"),
        ("retraction without id", "Retractions[0]"),
        ("skipped item without reason", "Skipped[0].Reason"),
    ];

    [ContractFact]
    public async Task CommitAsync_InvalidCommits_FailNamingTheFieldAndWriteNothing()
    {
        var store = await CreateStoreAsync();
        foreach (var (name, field) in InvalidCommits)
        {
            var commit = Invalid(name);

            var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(commit).AsTask());

            Assert.Contains(field, error.Message, StringComparison.Ordinal);
        }

        Assert.Null(await store.GetCheckpointAsync("replay"));
        foreach (var table in await ListTablesAsync())
        {
            Assert.True(await CountRowsAsync(table) == 0, $"{table} has rows after invalid commits");
        }

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.CommitAsync(null!).AsTask());
    }

    [ContractFact]
    public async Task CommitAsync_SameBatchTwice_ChangesNothing()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("1", "jane"), M.Post("2", "jane", minute: 1));
        await store.CommitAsync(batch);
        var before = await CountAllAsync();

        await store.CommitAsync(batch);

        Assert.Equal(before, await CountAllAsync());
        Assert.Equal(2, (await store.ClaimDueAsync(10, Lease)).Count);
    }

    [ContractFact]
    public async Task CommitAsync_AfterDelivery_ReplayNeverEnqueuesTheAlertAgain()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("1", "jane"));
        await store.CommitAsync(batch);
        var entry = Assert.Single(await store.ClaimDueAsync(10, Lease));

        await store.MarkDeliveredAsync(entry.Alert.IdempotencyKey);
        await store.CommitAsync(batch);
        Time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await store.ClaimDueAsync(10, Lease));
        Assert.Equal(0, await CountRowsAsync("alert_outbox"));
        Assert.Equal(1, await CountRowsAsync("settled_alerts"));
    }

    [ContractFact]
    public async Task GetPendingKeysAsync_AfterDeliveryAndDeadLetter_ReturnsOnlyTheAlertsStillWaiting()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("1", "jane"), M.Post("2", "omar"), M.Post("3", "li"));
        await store.CommitAsync(batch);
        var keys = batch.Alerts.Select(alert => alert.IdempotencyKey).ToArray();
        await store.MarkDeliveredAsync(keys[0]);
        await store.MoveToDeadLetterAsync(keys[1], "receiver gone");

        // Committed again, the settled alerts are refused: only the third still waits, leased or not.
        await store.CommitAsync(batch with { Checkpoint = null });
        Assert.Single(await store.ClaimDueAsync(10, Lease));
        var pending = await store.GetPendingKeysAsync([.. keys, "never-committed"]);

        Assert.Equal([keys[2]], pending);
        Assert.Empty(await store.GetPendingKeysAsync([]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.GetPendingKeysAsync(null!).AsTask());
    }

    [ContractFact]
    public async Task ClaimDueAsync_OldestFirst_UpToTheCount()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("b", "jane")));
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.CommitAsync(M.Batch("2", M.Post("a", "omar"), M.Post("c", "li")));

        var claimed = await store.ClaimDueAsync(2, Lease);

        Assert.Equal(["acme-brand|mastodon:b", "acme-brand|mastodon:a"], claimed.Select(e => e.Alert.IdempotencyKey));
        Assert.All(claimed, entry => Assert.Equal(0, entry.Attempts));
        Assert.Equal("I love acme", claimed[0].Alert.Mention?.Post.Text);
    }

    [ContractFact]
    public async Task ClaimDueAsync_Leased_IsClaimedAgainOnlyWhenTheLeaseExpires()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane")));
        Assert.Single(await store.ClaimDueAsync(10, Lease));

        Assert.Empty(await store.ClaimDueAsync(10, Lease));
        Time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await store.ClaimDueAsync(10, Lease));
        Time.Advance(TimeSpan.FromMilliseconds(1));

        var reclaimed = Assert.Single(await store.ClaimDueAsync(10, Lease));
        Assert.Equal("acme-brand|mastodon:1", reclaimed.Alert.IdempotencyKey);
    }

    [ContractFact]
    public async Task ClaimDueAsync_TwoStoresClaimingAtOnce_NeverClaimTheSameEntry()
    {
        var first = await CreateStoreAsync();
        var second = await CreateStoreAsync();
        await first.CommitAsync(M.Batch("1", [.. Enumerable.Range(0, 60).Select(i => M.Post($"p{i}", $"user{i}"))]));

        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? first : second).ClaimDueAsync(5, Lease))));

        var keys = claims.SelectMany(c => c).Select(e => e.Alert.IdempotencyKey).ToList();
        Assert.Equal(60, keys.Count);
        Assert.Equal(60, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [ContractFact]
    public async Task MarkFailedAsync_CountsTheAttemptAndWaitsUntilTheNextAttempt()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane")));
        var entry = Assert.Single(await store.ClaimDueAsync(10, Lease));

        await store.MarkFailedAsync(entry.Alert.IdempotencyKey, "HTTP 503 from the receiver", Time.GetUtcNow().AddSeconds(5));

        Assert.Empty(await store.ClaimDueAsync(10, Lease));
        Time.Advance(TimeSpan.FromSeconds(5));
        var retried = Assert.Single(await store.ClaimDueAsync(10, Lease));
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("HTTP 503 from the receiver", retried.LastError);
    }

    [ContractFact]
    public async Task MoveToDeadLetterAsync_KeepsTheAlertWithItsReasonAndNeverEnqueuesItAgain()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("1", "jane"));
        await store.CommitAsync(batch);
        var entry = Assert.Single(await store.ClaimDueAsync(10, Lease));

        await store.MoveToDeadLetterAsync(entry.Alert.IdempotencyKey, "the receiver answered 410 Gone");
        await store.MoveToDeadLetterAsync(entry.Alert.IdempotencyKey, "again, already dead");
        await store.CommitAsync(batch);
        Time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await store.ClaimDueAsync(10, Lease));
        var deadLetter = Assert.Single((await store.GetDeadLettersAsync(PageRequest.First)).Items);
        Assert.Equal("alert", deadLetter.Kind);
        Assert.Equal(entry.Alert.IdempotencyKey, deadLetter.Position);
        Assert.Equal("the receiver answered 410 Gone", deadLetter.Reason);
        Assert.Contains("acme-brand|mastodon:1", deadLetter.Excerpt, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task RedriveAsync_DeadAlerts_GoBackToTheOutboxAsNewOneByOneOrAllOfASink()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane"), M.Post("2", "omar"), M.Post("3", "li")));
        var keys = (await store.ClaimDueAsync(10, Lease)).Select(entry => entry.Alert.IdempotencyKey).ToArray();
        await store.MoveToDeadLetterAsync(keys[0], "WebhookAlertSink: HttpRequestException: 503");
        await store.MoveToDeadLetterAsync(keys[1], "WebhookAlertSink: TimeoutException: slow");
        await store.MoveToDeadLetterAsync(keys[2], "ChatSink: HttpRequestException: 500");

        Assert.True(await store.RedriveAsync(keys[2]));
        Assert.False(await store.RedriveAsync(keys[2]));
        var again = Assert.Single(await store.ClaimDueAsync(10, Lease));
        Assert.Equal((keys[2], 0), (again.Alert.IdempotencyKey, again.Attempts));
        await store.MarkDeliveredAsync(keys[2]);

        Assert.Equal(0, await store.RedriveSinkAsync("Webhook"));
        Assert.Equal(2, await store.RedriveSinkAsync("WebhookAlertSink"));
        Assert.Equal(keys[..2].Order(StringComparer.Ordinal), (await store.ClaimDueAsync(10, Lease)).Select(e => e.Alert.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.Empty((await store.GetDeadLettersAsync(PageRequest.First)).Items);
        await Assert.ThrowsAsync<ArgumentException>(() => store.RedriveAsync("").AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.RedriveSinkAsync("").AsTask());
    }

    [ContractFact]
    public async Task DiscardAsync_DeadAlert_IsGoneAndAReplayStillDoesNotEnqueueIt()
    {
        var store = await CreateStoreAsync();
        var batch = M.Batch("1", M.Post("1", "jane"));
        await store.CommitAsync(batch);
        var key = Assert.Single(await store.ClaimDueAsync(10, Lease)).Alert.IdempotencyKey;
        await store.MoveToDeadLetterAsync(key, "WebhookAlertSink: HttpRequestException: 410");

        Assert.True(await store.DiscardAsync(key));
        Assert.False(await store.DiscardAsync(key));
        Assert.False(await store.RedriveAsync(key));
        Assert.Empty((await store.GetDeadLettersAsync(PageRequest.First)).Items);
        await store.CommitAsync(batch);
        Time.Advance(Lease + Lease);
        Assert.Empty(await store.ClaimDueAsync(10, Lease));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DiscardAsync("").AsTask());
    }

    [ContractFact]
    public async Task Outbox_InvalidArguments_Throw()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ClaimDueAsync(0, Lease).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ClaimDueAsync(1, TimeSpan.Zero).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.MarkDeliveredAsync("").AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.MarkFailedAsync("key", null!, Time.GetUtcNow()).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.MoveToDeadLetterAsync("key", null!).AsTask());
    }

    [ContractFact]
    public async Task GetMentionsAsync_PagedByTwo_ReturnsEveryMentionNewestFirstOnce()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", [.. Enumerable.Range(0, 7).Select(i => M.Post($"p{i}", "jane", minute: i % 3))]));

        var ids = new List<string>();
        var page = new PageRequest(2);
        var pages = 0;
        do
        {
            var result = await store.GetMentionsAsync(new MentionQuery { WatchName = M.Brand.Name, Page = page });
            Assert.True(result.Items.Count <= 2);
            ids.AddRange(result.Items.Select(m => m.Id));
            page = page with { ContinuationToken = result.ContinuationToken };
            pages++;
        }
        while (page.ContinuationToken is not null);

        Assert.Equal(4, pages);
        var expected = Enumerable.Range(0, 7)
            .Select(i => (Minute: i % 3, Id: Mention.CreateId(M.Brand.Name, Post.CreateId("mastodon", $"p{i}"))))
            .OrderByDescending(x => x.Minute).ThenByDescending(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id);
        Assert.Equal(expected, ids);
    }

    [ContractFact]
    public async Task GetMentionsAsync_WatchAndTimeRange_ReturnOnlyMatchingMentionsWithTheirPost()
    {
        var store = await CreateStoreAsync();
        var early = M.Post("1", "jane", minute: 0);
        var middle = M.Post("2", "omar", minute: 10);
        var rival = M.Post("3", "li", "globex rocks", minute: 10);
        var late = M.Post("4", "jane", minute: 20);
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = [early, middle, rival, late],
            Mentions = [M.Mention(early), M.Mention(middle), M.Mention(rival, M.Rival), M.Mention(late)],
        });

        var result = await store.GetMentionsAsync(new MentionQuery
        {
            WatchName = M.Brand.Name,
            From = M.Epoch.AddMinutes(10),
            Until = M.Epoch.AddMinutes(20),
        });

        var mention = Assert.Single(result.Items);
        Assert.Null(result.ContinuationToken);
        Assert.Equal((middle.Id, middle.Text, middle.Author, middle.CreatedAt, middle.Url), (mention.Post.Id, mention.Post.Text, mention.Post.Author, mention.Post.CreatedAt, mention.Post.Url));
        Assert.Equal(M.Brand.Name, mention.Watch.Name);
        Assert.Equal(SentimentLabel.Positive, mention.Signals?.Sentiment?.Label);
        Assert.Equal(4, (await store.GetMentionsAsync(new MentionQuery())).Items.Count);
    }

    [ContractFact]
    public async Task Queries_BadPagesAndForeignTokens_Throw()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane"), M.Post("2", "jane", minute: 1)));
        await store.SaveSnapshotsAsync([M.Snapshot("jane", 50), M.Snapshot("omar", 40)]);
        var mentionToken = (await store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(1) })).ContinuationToken;
        Assert.NotNull(mentionToken);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(0) }).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetDeadLettersAsync(new PageRequest(PageRequest.MaxPageSize + 1)).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetTopRelationshipsAsync(new PageRequest(1, mentionToken)).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetTimelineAsync("mastodon:jane", new PageRequest(1, "not a token!")).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetDeadLettersAsync(new PageRequest(1, "bXwx")).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetTimelineAsync("", PageRequest.First).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.GetMentionsAsync(null!).AsTask());
    }

    [ContractFact]
    public async Task GetTimelineAsync_PersonsPostsAndRepliesToThem_NewestFirst()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "jane", "Does acme export CSV?", minute: 0);
        var reply = M.Post("2", "acme", "Yes, from Settings.", minute: 5, replyToId: question.Id);
        var other = M.Post("3", "omar", minute: 6);
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Posts = [question, reply, other],
            Interactions = [M.Inbound(question), M.Outbound(reply, question.Author.IdentityKey), M.Inbound(other)],
        });

        var timeline = await store.GetTimelineAsync(question.Author.IdentityKey, PageRequest.First);

        Assert.Equal([reply.Id, question.Id], timeline.Items.Select(e => e.Post.Id));
        Assert.Equal([InteractionDirection.Outbound, InteractionDirection.Inbound], timeline.Items.Select(e => e.Direction));
        var firstPage = await store.GetTimelineAsync(question.Author.IdentityKey, new PageRequest(1));
        var secondPage = await store.GetTimelineAsync(question.Author.IdentityKey, new PageRequest(1, firstPage.ContinuationToken));
        Assert.Equal(question.Id, Assert.Single(secondPage.Items).Post.Id);
        Assert.Null(secondPage.ContinuationToken);
    }

    [ContractFact]
    public async Task GetInteractionsAsync_PagedByTwo_ReturnsEveryInteractionOldestFirstOnceWithItsPerson()
    {
        var store = await CreateStoreAsync();
        var posts = Enumerable.Range(0, 5).Select(i => M.Post($"p{i}", i % 2 == 0 ? "jane" : "omar", minute: 10 - (i % 3))).ToArray();
        var reply = M.Post("r1", "acme", "Thanks!", minute: 9, replyToId: posts[0].Id);
        var toStranger = M.Post("r2", "acme", "Welcome", minute: 11);
        var batch = M.Batch("1", posts);
        await store.CommitAsync(batch with
        {
            Posts = [.. posts, reply, toStranger],
            Interactions = [.. batch.Interactions, M.Outbound(reply, posts[0].Author.IdentityKey), M.Outbound(toStranger, "mastodon:stranger")],
        });

        var read = new List<RecordedInteraction>();
        var page = new PageRequest(2);
        var pages = 0;
        do
        {
            var result = await store.GetInteractionsAsync(page);
            Assert.True(result.Items.Count <= 2);
            read.AddRange(result.Items);
            page = page with { ContinuationToken = result.ContinuationToken };
            pages++;
            if (pages == 1)
            {
                // Added while paging: one before the position read (never shifts the pages), one after it (read at the end).
                await store.CommitAsync(M.Batch("2", M.Post("early", "li", minute: 1), M.Post("late", "li", minute: 30)));
            }
        }
        while (page.ContinuationToken is not null);

        var expected = batch.Interactions
            .Append(M.Outbound(reply, posts[0].Author.IdentityKey))
            .Append(M.Outbound(toStranger, "mastodon:stranger"))
            .OrderBy(i => i.OccurredAt).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => i.Id)
            .Append(Interaction.CreateId(Post.CreateId("mastodon", "late"), "mastodon:li"));
        Assert.Equal(expected, read.Select(r => r.Interaction.Id));
        Assert.Equal(4, pages);
        foreach (var recorded in read)
        {
            Assert.Equal(recorded.Interaction.PersonId, recorded.Person.IdentityKey);
        }

        var answered = read.Single(r => r.Interaction.PostId == reply.Id);
        Assert.Equal(posts[0].Author, answered.Person);
        Assert.Equal(InteractionDirection.Outbound, answered.Interaction.Direction);
        Assert.Equal(posts[0].Id, answered.Interaction.InReplyToPostId);
        Assert.Equal(0.6, read.Single(r => r.Interaction.PostId == posts[1].Id).Interaction.Sentiment);
        Assert.Equal("stranger", read.Single(r => r.Interaction.PostId == toStranger.Id).Person.Handle);
    }

    [ContractFact]
    public async Task GetInteractionsAsync_ForgottenPersonAndRetractedPost_AreGoneFromTheHistory()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "zoe-forget", "acme is broken", minute: 0);
        var reply = M.Post("2", "acme", "Sorry to hear that!", minute: 5, replyToId: question.Id);
        var kept = M.Post("3", "omar", minute: 6);
        var retracted = M.Post("4", "omar", minute: 7);
        var batch = M.Batch("1", question, kept, retracted);
        await store.CommitAsync(batch with
        {
            Posts = [question, reply, kept, retracted],
            Interactions = [.. batch.Interactions, M.Outbound(reply, question.Author.IdentityKey)],
        });
        Assert.Equal(4, (await store.GetInteractionsAsync(PageRequest.First)).Items.Count);
        var mentionToken = (await store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(1) })).ContinuationToken;
        Assert.NotNull(mentionToken);

        await store.ForgetPersonAsync(question.Author.IdentityKey);
        await store.CommitAsync(new BatchCommit { SourceName = "replay", Retractions = [retracted.Id] });

        var history = await store.GetInteractionsAsync(PageRequest.First);
        var left = Assert.Single(history.Items);
        Assert.Equal(M.Inbound(kept).Id, left.Interaction.Id);
        Assert.Equal(kept.Author, left.Person);
        Assert.Null(history.ContinuationToken);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetInteractionsAsync(new PageRequest(0)).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInteractionsAsync(new PageRequest(1, mentionToken)).AsTask());
    }

    [ContractFact]
    public async Task GetTopRelationshipsAsync_LatestSnapshotPerPerson_StrongestFirstAcrossPages()
    {
        var store = await CreateStoreAsync();
        await store.SaveSnapshotsAsync([M.Snapshot("jane", 90, day: 0), M.Snapshot("jane", 20, day: 1), M.Snapshot("omar", 55.5), M.Snapshot("li", 55.5), M.Snapshot("ada", 80)]);
        await store.SaveSnapshotsAsync([M.Snapshot("ada", 81)]);

        var first = await store.GetTopRelationshipsAsync(new PageRequest(3));
        var second = await store.GetTopRelationshipsAsync(new PageRequest(3, first.ContinuationToken));

        Assert.Equal(["mastodon:ada", "mastodon:li", "mastodon:omar"], first.Items.Select(s => s.PersonId));
        Assert.Equal(81, first.Items[0].Bond);
        Assert.Equal("mastodon:jane", Assert.Single(second.Items).PersonId);
        Assert.Equal(20, second.Items[0].Bond);
        Assert.Null(second.ContinuationToken);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveSnapshotsAsync([M.Snapshot("bad", double.NaN)]).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveSnapshotsAsync([null!]).AsTask());
    }

    [ContractFact]
    public async Task GetDeadLettersAsync_SkippedSourceItems_NewestFirstWithReasons()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Skipped = [new SkippedItem("replay", "line 3", "not JSON", "{\"id\": \"bro"), new SkippedItem("replay", "line 9", "no id", null)],
            Checkpoint = new SourceCheckpoint("replay", "10"),
        });

        var first = await store.GetDeadLettersAsync(new PageRequest(1));
        var second = await store.GetDeadLettersAsync(new PageRequest(1, first.ContinuationToken));

        Assert.Equal("line 9", Assert.Single(first.Items).Position);
        var older = Assert.Single(second.Items);
        Assert.Equal(("source-item", "replay", "line 3", "not JSON", "{\"id\": \"bro"), (older.Kind, older.Origin, older.Position, older.Reason, older.Excerpt));
        Assert.Null(second.ContinuationToken);
    }

    [ContractFact]
    public async Task CommitAsync_Retraction_RemovesTheContentAndAReplayCannotBringItBack()
    {
        var store = await CreateStoreAsync();
        var post = M.Post("1", "jane", "acme secret draft");
        var batch = M.Batch("1", post, M.Post("2", "omar"));
        await store.CommitAsync(batch);

        await store.CommitAsync(new BatchCommit { SourceName = "replay", Retractions = [post.Id, "mastodon:never-seen"] });
        await store.CommitAsync(batch);

        var mentions = await store.GetMentionsAsync(new MentionQuery());
        Assert.Equal(Post.CreateId("mastodon", "2"), Assert.Single(mentions.Items).Post.Id);
        Assert.Equal(1, await CountRowsAsync("alert_outbox"));
        Assert.Equal(1, await CountRowsAsync("interactions"));
        Assert.Empty(await FindTextAsync("secret draft"));
        Assert.Contains(post.Id, await store.GetKnownPostIdsAsync([post.Id, "mastodon:unknown"]));
        Assert.Empty((await store.GetTimelineAsync(post.Author.IdentityKey, PageRequest.First)).Items);
    }

    [ContractFact]
    public async Task ForgetPersonAsync_PersonWithEverything_LeavesNothingBehind()
    {
        var store = await CreateStoreAsync();
        var question = M.Post("1", "zoe-forget", "acme is broken, zoe here", minute: 0);
        var reply = M.Post("2", "acme", "Sorry to hear that!", minute: 5, replyToId: question.Id);
        var keep = M.Post("3", "omar", minute: 6);
        var batch = M.Batch("1", question, keep);
        await store.CommitAsync(batch with
        {
            Posts = [question, reply, keep],
            Interactions = [.. batch.Interactions, M.Outbound(reply, question.Author.IdentityKey)],
        });
        await store.SaveSnapshotsAsync([M.Snapshot("zoe-forget", 40), M.Snapshot("omar", 30)]);
        var claimed = await store.ClaimDueAsync(1, Lease);
        await store.MoveToDeadLetterAsync(Assert.Single(claimed).Alert.IdempotencyKey, "receiver gone");

        var erasure = await store.ForgetPersonAsync(question.Author.IdentityKey);

        Assert.Equal(2, erasure.Posts);
        Assert.Equal(1, erasure.Mentions);
        Assert.Equal(2, erasure.Interactions);
        Assert.Equal(1, erasure.Snapshots);
        Assert.Equal(1, erasure.DeadLetters);
        Assert.Empty(await FindTextAsync("zoe-forget"));
        Assert.Empty(await FindTextAsync("Sorry to hear"));
        Assert.Equal(1, await CountRowsAsync("posts"));
        Assert.Equal(1, await CountRowsAsync("mentions"));
        Assert.Equal(2, await CountRowsAsync("people")); // omar and the company account
        Assert.Empty((await store.GetTimelineAsync(question.Author.IdentityKey, PageRequest.First)).Items);
        Assert.Equal(0, (await store.ForgetPersonAsync(question.Author.IdentityKey)).Total);
        await Assert.ThrowsAsync<ArgumentException>(() => store.ForgetPersonAsync("").AsTask());
    }

    [ContractFact]
    public async Task ForgetPersonAsync_RelationshipAlertsAboutThePerson_AreDeletedPendingOrDeadLettered()
    {
        var store = await CreateStoreAsync();
        var post = M.Post("1", "yara-forget", "acme again", minute: 0);
        var personId = post.Author.IdentityKey;
        var escalation = Transition(personId, RelationshipTransitionKind.ResponseOverdue, "t1");
        var detractor = Transition(personId, RelationshipTransitionKind.NewDetractor, "t2");
        var other = Transition(M.Author("omar").IdentityKey, RelationshipTransitionKind.NewDetractor, "t3");
        var batch = M.Batch("1", post);
        await store.CommitAsync(batch with { Alerts = [.. batch.Alerts, Alert.ForTransition(escalation, Time.GetUtcNow())] });
        await store.CommitAsync(new BatchCommit
        {
            SourceName = "relationships",
            Alerts = [Alert.ForTransition(detractor, Time.GetUtcNow()), Alert.ForTransition(other, Time.GetUtcNow())],
        });
        foreach (var entry in await store.ClaimDueAsync(10, Lease))
        {
            if (entry.Alert.Transition?.TriggerId == "t2")
            {
                await store.MoveToDeadLetterAsync(entry.Alert.IdempotencyKey, "receiver gone");
            }
        }

        var erasure = await store.ForgetPersonAsync(personId);

        Assert.Equal(2, erasure.PendingAlerts); // the mention alert and the overdue answer
        Assert.Equal(1, erasure.DeadLetters);
        Assert.Empty(await FindTextAsync("yara-forget"));
        Time.Advance(Lease + Lease);
        var left = await store.ClaimDueAsync(10, Lease);
        Assert.Equal("t3", Assert.Single(left).Alert.Transition?.TriggerId);
    }

    [ContractFact]
    public async Task ForgetPersonAsync_SettledAlertsWhoseKeysHoldTheHandle_LeaveNoKeyNamingThemAndAReplayDoesNotAlertAgain()
    {
        var store = await CreateStoreAsync();
        // Mastodon post ids are URLs with the author's name in them, so mention alert keys hold the handle.
        var delivered = M.Post("https://example.social/users/quill-forget/statuses/7", "quill-forget", "acme ate my data", minute: 0);
        var dead = M.Post("https://example.social/users/quill-forget/statuses/8", "quill-forget", "acme still broken", minute: 1);
        var batch = M.Batch("1", delivered, dead);
        await store.CommitAsync(batch);
        foreach (var entry in await store.ClaimDueAsync(10, Lease))
        {
            if (entry.Alert.Mention?.Post.Id == delivered.Id)
            {
                await store.MarkDeliveredAsync(entry.Alert.IdempotencyKey);
            }
            else
            {
                await store.MoveToDeadLetterAsync(entry.Alert.IdempotencyKey, "receiver gone");
            }
        }

        await store.ForgetPersonAsync(delivered.Author.IdentityKey);

        Assert.Empty(await FindTextAsync("quill-forget"));
        Assert.Equal(2, await CountRowsAsync("settled_alerts"));
        await store.CommitAsync(batch);
        Time.Advance(Lease + Lease);
        Assert.Empty(await store.ClaimDueAsync(10, Lease));
    }

    [ContractFact]
    public async Task Queries_DuringWritesFromAnotherInstance_NeverSeeHalfABatch()
    {
        var writer = await CreateStoreAsync();
        var reader = await CreateStoreAsync();
        const int Batches = 15;
        const int PerBatch = 6;
        var write = Task.Run(async () =>
        {
            for (var b = 0; b < Batches; b++)
            {
                await writer.CommitAsync(M.Batch(
                    b.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [.. Enumerable.Range(0, PerBatch).Select(i => M.Post($"b{b}-{i}", $"user{i}", minute: b))]));
            }
        });

        var reads = 0;
        while (!write.IsCompleted || reads == 0)
        {
            var seen = (await reader.GetMentionsAsync(new MentionQuery { Page = new PageRequest(PageRequest.MaxPageSize) })).Items.Count;
            Assert.True(seen % PerBatch == 0, $"a reader saw {seen} mentions, part of a batch");
            reads++;
        }

        await write;
        Assert.Equal(Batches * PerBatch, (await reader.GetMentionsAsync(new MentionQuery { Page = new PageRequest(PageRequest.MaxPageSize) })).Items.Count);
        Assert.Equal((Batches - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (await reader.GetCheckpointAsync("replay"))?.Value);
    }

    [ContractFact]
    public async Task GetKnownPostIdsAsync_MixOfKnownAndUnknown_ReturnsTheKnownOnes()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(M.Batch("1", M.Post("1", "jane"), M.Post("2", "omar")));

        var known = await store.GetKnownPostIdsAsync(["mastodon:1", "mastodon:3", "mastodon:2"]);

        Assert.Equal(["mastodon:1", "mastodon:2"], known.Order(StringComparer.Ordinal));
        Assert.Empty(await store.GetKnownPostIdsAsync([]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.GetKnownPostIdsAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetCheckpointAsync("").AsTask());
    }

    private async Task<Dictionary<string, long>> CountAllAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await ListTablesAsync())
        {
            counts[table] = await CountRowsAsync(table);
        }

        return counts;
    }

    private static BatchCommit Invalid(string name)
    {
        var post = M.Post("1", "jane");
        var batch = M.Batch("1", post);
        return name switch
        {
            "null posts" => batch with { Posts = null! },
            "span outside the text" => batch with { Mentions = [M.Mention(post) with { Spans = [new MatchSpan(5, 100)] }] },
            "checkpoint of another source" => batch with { Checkpoint = new SourceCheckpoint("other", "1") },
            "alert without key" => batch with { Alerts = [batch.Alerts[0] with { IdempotencyKey = "" }] },
            "retraction without id" => batch with { Retractions = [""] },
            "skipped item without reason" => batch with { Skipped = [new SkippedItem("replay", "line 1", null!, null)] },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };
    }

    private RelationshipTransition Transition(string personId, RelationshipTransitionKind kind, string trigger) => new()
    {
        PersonId = personId,
        Kind = kind,
        TriggerId = trigger,
        DetectedAt = Time.GetUtcNow(),
        Reason = "test transition for " + personId,
    };
}
