using System.Text;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>
/// Erasure read the way an attacker with the disk would: the bytes of the database file, its write-ahead log and its
/// shared-memory index, not the rows a query returns.
/// </summary>
public sealed class SqliteRawFileErasureTests : IDisposable
{
    private const string Handle = "qzephyrwood";
    private const string DisplayName = "Quentin Zephyrwood";
    private const string Text = "my marmalade sandwich exploded next to the acme router";
    private readonly TestDatabase _database = new();
    private readonly SqliteMonitroStore _store;

    public SqliteRawFileErasureTests() => _store = _database.CreateStore();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ForgetPersonAsync_PersonWithPostsAlertsAndSnapshots_LeavesNoByteOfThemInTheFiles()
    {
        // Others' posts around theirs, so the person's rows share pages with rows that stay.
        for (var batch = 0; batch < 5; batch++)
        {
            var others = Enumerable.Range(0, 40).Select(i => Model.Post($"o{batch}-{i}", $"other{i}", $"acme is fine for me, number {i}", minute: batch)).ToArray();
            await _store.CommitAsync(Model.Batch(batch.ToString(System.Globalization.CultureInfo.InvariantCulture), others));
        }

        // A Mastodon post id is a URL that holds the handle; one text is long enough for an overflow page.
        var author = Model.Author(Handle, DisplayName);
        Post Theirs(int n, string text) => Model.Post($"https://example.social/users/{Handle}/statuses/{n}", Handle, text, minute: 10 + n) with { Author = author };
        var posts = new[] { Theirs(1, Text), Theirs(2, Text + " " + string.Concat(Enumerable.Repeat("and the lights went out, ", 400))), Theirs(3, "acme, " + Text) };
        await _store.CommitAsync(Model.Batch("theirs", posts));
        await _store.SaveSnapshotsAsync([Model.Snapshot(Handle, 20) with { Person = author }]);
        var claimed = await _store.ClaimDueAsync(1000, TimeSpan.FromMinutes(1));
        foreach (var entry in claimed)
        {
            if (entry.Alert.Mention?.Post.Id == posts[0].Id)
            {
                await _store.MoveToDeadLetterAsync(entry.Alert.IdempotencyKey, "receiver gone");
            }
            else if (entry.Alert.Mention?.Post.Id != posts[2].Id)
            {
                await _store.MarkDeliveredAsync(entry.Alert.IdempotencyKey);
            }
        }

        Assert.NotEmpty(FindInFiles(Handle));
        Assert.NotEmpty(FindInFiles(DisplayName));
        Assert.NotEmpty(FindInFiles(Text));
        Assert.Contains(author.IdentityKey, await TotalsPersonIdsAsync());

        await _store.ForgetPersonAsync(author.IdentityKey);

        Assert.Empty(FindInFiles(Handle));
        Assert.Empty(FindInFiles(DisplayName));
        Assert.Empty(FindInFiles(Text));
        Assert.Empty(FindInFiles("marmalade"));
        Assert.Equal(200, (await _store.GetMentionsAsync(new MentionQuery { Page = new PageRequest(PageRequest.MaxPageSize) })).Items.Count);

        // The totals are read from the person index, whose entries hold the identity key: none is left, in rows or bytes.
        var totals = await TotalsPersonIdsAsync();
        Assert.Equal(40, totals.Count);
        Assert.DoesNotContain(author.IdentityKey, totals);
    }

    private async Task<List<string>> TotalsPersonIdsAsync() =>
        [.. (await _store.GetInteractionTotalsAsync(new PageRequest(PageRequest.MaxPageSize))).Items.Select(t => t.PersonId)];

    /// <summary>Names the files (database, -wal, -shm) whose bytes contain <paramref name="needle"/> in UTF-8, in any ASCII case.</summary>
    private List<string> FindInFiles(string needle)
    {
        var wanted = Encoding.UTF8.GetBytes(needle.ToLowerInvariant());
        var hits = new List<string>();
        foreach (var path in new[] { _database.FilePath, _database.FilePath + "-wal", _database.FilePath + "-shm" })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }

            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(bytes[i] + 32) : bytes[i];
            }

            if (bytes.AsSpan().IndexOf(wanted) >= 0)
            {
                hits.Add(Path.GetFileName(path));
            }
        }

        return hits;
    }
}
