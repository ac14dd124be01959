namespace Monitro.Storage.Sqlite.Tests;

public sealed class SqliteQueryTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly SqliteMonitroStore _store;

    public SqliteQueryTests() => _store = _database.CreateStore();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task GetMentionsAsync_PagedByTen_ReadsEveryMentionOnceNewestFirst()
    {
        // Two mentions share each minute so that paging must break ties by id.
        var posts = Enumerable.Range(0, 25).Select(i => Model.Post($"{i:D2}", "jane", minute: i / 2)).ToArray();
        await _store.CommitAsync(Model.Batch("1", posts));

        var read = new List<Mention>();
        var pages = 0;
        var page = new PageRequest(10);
        while (true)
        {
            var result = await _store.GetMentionsAsync(new MentionQuery { WatchName = "acme-brand", Page = page });
            read.AddRange(result.Items);
            pages++;
            if (!result.HasMore)
            {
                break;
            }

            page = page with { ContinuationToken = result.ContinuationToken };
        }

        Assert.Equal(3, pages);
        var expected = posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id, StringComparer.Ordinal).Select(p => p.Id);
        Assert.Equal(expected, read.Select(m => m.Post.Id));
    }

    [Fact]
    public async Task GetMentionsAsync_RowsAddedBetweenPages_DoNotShiftTheNextPage()
    {
        await _store.CommitAsync(Model.Batch("1", Enumerable.Range(0, 4).Select(i => Model.Post($"{i}", "jane", minute: i)).ToArray()));
        var first = await _store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(2) });

        await _store.CommitAsync(Model.Batch("2", Model.Post("new", "omar", minute: 30)));
        var second = await _store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(2, first.ContinuationToken) });

        Assert.Equal(["mastodon:3", "mastodon:2"], first.Items.Select(m => m.Post.Id));
        Assert.Equal(["mastodon:1", "mastodon:0"], second.Items.Select(m => m.Post.Id));
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task GetMentionsAsync_WatchAndTimeRange_ReturnsOnlyThoseMentions()
    {
        var posts = Enumerable.Range(0, 6).Select(i => Model.Post($"{i}", "jane", minute: i)).ToArray();
        var rival = Model.Mention(posts[3], Model.Rival);
        await _store.CommitAsync(Model.Batch("1", posts) with { Mentions = [.. posts.Select(p => Model.Mention(p)), rival] });

        var result = await _store.GetMentionsAsync(new MentionQuery
        {
            WatchName = "acme-brand",
            From = Model.Epoch.AddMinutes(2),
            Until = Model.Epoch.AddMinutes(5),
        });
        var rivals = await _store.GetMentionsAsync(new MentionQuery { WatchName = "rival" });
        var all = await _store.GetMentionsAsync(new MentionQuery());

        Assert.Equal(["mastodon:4", "mastodon:3", "mastodon:2"], result.Items.Select(m => m.Post.Id));
        Assert.Equal(rival, Assert.Single(rivals.Items), MentionComparer.Instance);
        Assert.Equal(7, all.Items.Count);
    }

    [Fact]
    public async Task GetTimelineAsync_PersonWithPostsAndOurReplies_ReturnsBothNewestFirst()
    {
        var question = Model.Post("1", "jane", "does acme ship to Norway?", minute: 0);
        var answer = Model.Post("2", "acme", "yes, we do!", minute: 5, replyToId: question.Id);
        var other = Model.Post("3", "omar", "acme rocks", minute: 7);
        await _store.CommitAsync(Model.Batch("1", question, other) with
        {
            Posts = [question, answer, other],
            Interactions = [Model.Inbound(question), Model.Outbound(answer, "mastodon:jane"), Model.Inbound(other)],
        });

        var timeline = await _store.GetTimelineAsync("mastodon:jane", PageRequest.First);

        Assert.Equal(
            [(answer.Id, InteractionDirection.Outbound), (question.Id, InteractionDirection.Inbound)],
            timeline.Items.Select(e => (e.Post.Id, e.Direction)));
        Assert.Equal("yes, we do!", timeline.Items[0].Post.Text);
    }

    [Fact]
    public async Task GetTopRelationshipsAsync_SeveralSnapshots_ReturnsTheLatestPerPersonStrongestFirstPaged()
    {
        await _store.SaveSnapshotsAsync(
        [
            Model.Snapshot("jane", 90, day: 0),
            Model.Snapshot("jane", 40, day: 1), // the latest for jane
            Model.Snapshot("omar", 75),
            Model.Snapshot("li", 75),
            Model.Snapshot("ana", 10),
        ]);

        var first = await _store.GetTopRelationshipsAsync(new PageRequest(2));
        var second = await _store.GetTopRelationshipsAsync(new PageRequest(2, first.ContinuationToken));

        Assert.Equal([("mastodon:li", 75d), ("mastodon:omar", 75d)], first.Items.Select(s => (s.PersonId, s.Bond)));
        Assert.Equal([("mastodon:jane", 40d), ("mastodon:ana", 10d)], second.Items.Select(s => (s.PersonId, s.Bond)));
        Assert.False(second.HasMore);
        Assert.Equal("three mentions, one reply", second.Items[0].Reason);
    }

    [Fact]
    public async Task SaveSnapshotsAsync_SamePersonAndMoment_ReplacesTheSnapshot()
    {
        await _store.SaveSnapshotsAsync([Model.Snapshot("jane", 20)]);
        await _store.SaveSnapshotsAsync([Model.Snapshot("jane", 60)]);

        var top = await _store.GetTopRelationshipsAsync(PageRequest.First);

        Assert.Equal(60, Assert.Single(top.Items).Bond);
    }

    [Fact]
    public async Task SaveSnapshotsAsync_NotANumberBond_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveSnapshotsAsync([Model.Snapshot("jane", double.NaN)]).AsTask());
    }

    [Fact]
    public async Task GetDeadLettersAsync_Paged_ReturnsReasonsNewestFirst()
    {
        var skipped = Enumerable.Range(1, 5).Select(i => new SkippedItem("replay", $"line {i}", $"malformed JSON at {i}", "{oops")).ToArray();
        await _store.CommitAsync(new BatchCommit { SourceName = "replay", Skipped = skipped });

        var first = await _store.GetDeadLettersAsync(new PageRequest(3));
        var second = await _store.GetDeadLettersAsync(new PageRequest(3, first.ContinuationToken));

        Assert.Equal(["line 5", "line 4", "line 3"], first.Items.Select(d => d.Position));
        Assert.Equal(["line 2", "line 1"], second.Items.Select(d => d.Position));
        Assert.Equal("malformed JSON at 2", second.Items[0].Reason);
        Assert.Equal(DeadLetterKinds.SourceItem, second.Items[0].Kind);
        Assert.Equal("replay", second.Items[0].Origin);
    }

    [Fact]
    public async Task GetDeadLettersAsync_HugeExcerpt_IsCut()
    {
        await _store.CommitAsync(new BatchCommit
        {
            SourceName = "replay",
            Skipped = [new SkippedItem("replay", "line 1", "too big", new string('x', 100_000))],
        });

        var deadLetter = Assert.Single((await _store.GetDeadLettersAsync(PageRequest.First)).Items);

        Assert.Equal(1000, deadLetter.Excerpt?.Length);
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("bXwxfGE")] // "m|1|a": a token of the mentions query
    [InlineData("ZHxub3QtYS1udW1iZXJ8")] // "d|not-a-number|"
    [InlineData("")]
    public async Task GetDeadLettersAsync_ForeignOrMalformedToken_ThrowsArgumentException(string token)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _store.GetDeadLettersAsync(new PageRequest(10, token)).AsTask());

        Assert.Contains("continuation token is not valid", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task Queries_PageSizeOutOfRange_ThrowArgumentOutOfRange(int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(pageSize) }).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.GetTimelineAsync("mastodon:jane", new PageRequest(pageSize)).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.GetTopRelationshipsAsync(new PageRequest(pageSize)).AsTask());
    }

    [Fact]
    public async Task GetMentionsAsync_DamagedRow_ThrowsInvalidDataNamingTheRow()
    {
        await _store.CommitAsync(Model.Batch("1", Model.Post("1", "jane")));
        _database.Execute("UPDATE mentions SET payload = 'not json';");

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => _store.GetMentionsAsync(new MentionQuery()).AsTask());

        Assert.Contains("mentions row 'acme-brand|mastodon:1'", exception.Message, StringComparison.Ordinal);
    }
}
