using System.Globalization;
using System.Text;
using Monitro.Storage.Testing;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>
/// Erasure read the way an attacker with the disk would: the bytes of every file of the cluster (tables, indexes,
/// statistics, write-ahead log), not the rows a query returns, after the clean-up docs/postgresql.md prescribes.
/// </summary>
[Collection(ClusterFilesGroup.Name)]
public sealed class PostgreSqlRawFileErasureTests : SchemaPerTest
{
    private const string Handle = "qzephyrwood";
    private const string DisplayName = "Quentin Zephyrwood";
    private const string Text = "my marmalade sandwich exploded next to the acme router";

    // The tables that can hold a person's data, as listed in the clean-up script of docs/postgresql.md ("Erasure and VACUUM").
    private static readonly string[] PersonTables =
    [
        "people", "identities", "posts", "mentions", "interactions", "relationship_snapshots", "alert_outbox", "dead_letters",
        "inbox_items", "alert_state", "replies",
    ];

    [PostgresFilesFact]
    public async Task ForgetPersonAsync_ThenTheDocumentedCleanUp_LeavesNoByteOfThemInTheClustersFiles()
    {
        var dataDirectory = PostgresEnvironment.RequireDataDirectory();
        Assert.True(
            (await Schema.ReadStringsAsync("SHOW data_directory")).Single() == Path.GetFullPath(dataDirectory),
            $"{PostgresEnvironment.DataDirectoryVariableName} ({dataDirectory}) is not the data directory of the server the tests connect to.");
        Assert.True(
            (await Schema.ReadStringsAsync("SHOW wal_recycle")).Single() == "off",
            "The cluster recycles WAL segments (wal_recycle = on), so erased rows stay in them until overwritten; start it with .ci/postgres.sh.");
        var store = Schema.CreateStore();

        // Others' posts around theirs, so the person's rows share pages with rows that stay.
        for (var batch = 0; batch < 5; batch++)
        {
            var others = Enumerable.Range(0, 40).Select(i => M.Post($"o{batch}-{i}", $"other{i}", $"acme is fine for me, number {i}", minute: batch)).ToArray();
            await store.CommitAsync(M.Batch(batch.ToString(CultureInfo.InvariantCulture), others));
        }

        // A Mastodon post id is a URL that holds the handle; one text is long enough to be moved out of line (TOAST).
        var author = M.Author(Handle, DisplayName);
        Post Theirs(int n, string text) => M.Post($"https://example.social/users/{Handle}/statuses/{n}", Handle, text, minute: 10 + n) with { Author = author };
        var posts = new[] { Theirs(1, Text), Theirs(2, Text + " " + string.Concat(Enumerable.Repeat("and the lights went out, ", 400))), Theirs(3, "acme, " + Text) };
        await store.CommitAsync(M.Batch("theirs", posts) with
        {
            InboxItems = [.. posts.Select(M.Complaint)],
            AlertState = new AlertStateChanges
            {
                Saved = [new AlertStateRow { Scope = "links", Item = author.IdentityKey, PersonId = author.IdentityKey, Payload = $"{{\"name\":\"{DisplayName}\"}}" }],
            },
        });
        await store.SaveSnapshotsAsync([M.Snapshot(Handle, 20) with { Person = author }]);
        foreach (var entry in await store.ClaimDueAsync(1000, TimeSpan.FromMinutes(1)))
        {
            if (entry.Alert.Mention?.Post.Id == posts[0].Id)
            {
                await store.MoveToDeadLetterAsync(entry.Alert.IdempotencyKey, "receiver gone");
            }
            else if (entry.Alert.Mention?.Post.Id != posts[2].Id)
            {
                await store.MarkDeliveredAsync(entry.Alert.IdempotencyKey);
            }
        }

        await store.AddReplyAsync(Reply("r1", posts[0], $"@{Handle} sorry about the {DisplayName} sandwich"));
        await store.AddReplyAsync(Reply("r2", posts[2], $"@{Handle} we are on it"));
        var claimed = (await store.ClaimDueRepliesAsync(1, TimeSpan.FromMinutes(1))).Single();
        Assert.True(await store.SaveReplyAsync(claimed with
        {
            State = ReplyState.Published,
            PublishedPostId = Post.CreateId("mastodon", "https://example.social/users/acme/statuses/9"),
            PublishedAt = Schema.Time.GetUtcNow(),
            LeaseUntil = null,
            Version = claimed.Version + 1,
        }));

        // What autovacuum would have done by now: sampled the columns into pg_statistic, and written the pages out.
        await Schema.ExecuteAsync($"ANALYZE {string.Join(", ", PersonTables)}");
        await Schema.ExecuteAsync("CHECKPOINT");
        Assert.Contains(FindInFiles(dataDirectory, Handle), file => file.StartsWith("base", StringComparison.Ordinal));
        Assert.NotEmpty(FindInFiles(dataDirectory, DisplayName));
        Assert.NotEmpty(FindInFiles(dataDirectory, Text));
        Assert.Contains(author.IdentityKey, await TotalsPersonIdsAsync(store));

        await store.ForgetPersonAsync(author.IdentityKey);
        await WaitForNoOlderSnapshotAsync();
        var tables = $"ARRAY['{string.Join("', '", PersonTables)}']::regclass[]";
        await Schema.ExecuteAsync($"""
            DELETE FROM pg_catalog.pg_statistic
            WHERE starelid = ANY ({tables}) OR starelid IN (SELECT indexrelid FROM pg_catalog.pg_index WHERE indrelid = ANY ({tables}))
            """);
        foreach (var table in PersonTables)
        {
            await Schema.ExecuteAsync($"VACUUM (FULL, ANALYZE) {table}");
        }

        await Schema.ExecuteAsync("VACUUM (FULL) pg_catalog.pg_statistic");
        await Schema.ExecuteAsync("SELECT pg_switch_wal()");
        await Schema.ExecuteAsync("CHECKPOINT");

        Assert.Empty(FindInFiles(dataDirectory, Handle));
        Assert.Empty(FindInFiles(dataDirectory, DisplayName));
        Assert.Empty(FindInFiles(dataDirectory, Text));
        Assert.Empty(FindInFiles(dataDirectory, "marmalade"));
        Assert.Equal(200, (await store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(PageRequest.MaxPageSize) })).Items.Count);

        // The totals come from the person index, whose entries hold the identity key: rewritten by VACUUM FULL, without them.
        var totals = await TotalsPersonIdsAsync(store);
        Assert.Equal(40, totals.Count);
        Assert.DoesNotContain(author.IdentityKey, totals);
    }

    private static async Task<List<string>> TotalsPersonIdsAsync(PostgreSqlMonitroStore store) =>
        [.. (await store.GetInteractionTotalsAsync(new PageRequest(PageRequest.MaxPageSize))).Items.Select(t => t.PersonId)];

    // VACUUM removes only the row versions no open transaction can still see: wait (bounded) until no other session of
    // the database holds a snapshot or a transaction older than the erasure, as docs/postgresql.md tells an operator to
    // check first (autovacuum may hold one briefly). Sessions that began after it cannot see the erased rows, so other
    // test processes sharing the database, which open transactions all the time, do not keep the wait going.
    private async Task WaitForNoOlderSnapshotAsync()
    {
        var marker = (await Schema.ReadStringsAsync("SELECT (pg_current_xact_id()::text::bigint % 4294967296)::text")).Single();
        var holders = $"""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND ((backend_xmin IS NOT NULL AND age(backend_xmin) >= age('{marker}'::xid))
                OR (backend_xid IS NOT NULL AND age(backend_xid) >= age('{marker}'::xid)))
            """;
        for (var check = 0; check < 300 && await Schema.ScalarAsync(holders) > 0; check++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await Schema.ScalarAsync(holders));
    }

    /// <summary>Names the files of the cluster whose bytes contain <paramref name="needle"/> in UTF-8, in any ASCII case.</summary>
    private static List<string> FindInFiles(string dataDirectory, string needle)
    {
        var wanted = Encoding.UTF8.GetBytes(needle.ToLowerInvariant());
        var hits = new List<string>();
        foreach (var path in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                continue; // removed since it was listed: a dropped table, a removed WAL segment
            }

            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(bytes[i] + 32) : bytes[i];
            }

            if (bytes.AsSpan().IndexOf(wanted) >= 0)
            {
                hits.Add(Path.GetRelativePath(dataDirectory, path));
            }
        }

        return hits;
    }

    private Reply Reply(string id, Post post, string text) => new()
    {
        Id = id,
        Platform = "mastodon",
        Account = "acme",
        InReplyToPostId = post.Id,
        ItemId = post.Id,
        Text = text,
        State = ReplyState.Queued,
        NextAttemptAt = Schema.Time.GetUtcNow(),
        QueuedAt = Schema.Time.GetUtcNow(),
        CreatedAt = Schema.Time.GetUtcNow(),
        UpdatedAt = Schema.Time.GetUtcNow(),
    };
}
