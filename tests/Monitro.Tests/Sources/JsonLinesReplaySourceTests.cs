using System.Text.Json;
using Monitro.Testing;

namespace Monitro.Tests.Sources;

public sealed class JsonLinesReplaySourceTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_ValidFile_YieldsEveryPostInBatchesWithLineCheckpoints()
    {
        var path = Write(TestPosts.Numbered(5).Select(Serialize));
        var source = new JsonLinesReplaySource("replay", new JsonLinesSourceOptions { Path = path, BatchSize = 2 });

        var batches = await ReadAll(source, null);

        Assert.Equal(["2", "4", "5"], batches.Select(b => b.Checkpoint!.Value));
        Assert.Equal(TestPosts.Numbered(5).Select(p => p.Id), batches.SelectMany(b => b.Posts).Select(p => p.Id));
    }

    [Fact]
    public async Task ReadAsync_MalformedLines_AreSkippedWithLineNumbersAndTheRestIsRead()
    {
        var posts = TestPosts.Numbered(3).Select(Serialize).ToList();
        var path = Write([
            posts[0],
            "{\"id\":\"mastodon:x\",\"source\":\"mastodon\",\"text\":\"trunc",
            posts[1],
            "",
            "this is not json",
            "{\"id\":\"mastodon:y\",\"source\":\"mastodon\",\"author\":\"jane\",\"text\":\"t\",\"createdAt\":\"2026-11-01T00:00:00Z\"}",
            "{\"id\":\"mastodon:z\",\"source\":\"mastodon\",\"author\":{\"platform\":\"mastodon\",\"handle\":\"a\"},\"text\":\"t\",\"createdAt\":12345}",
            "{\"id\":\"mastodon:w\",\"source\":\"mastodon\",\"text\":\"no author\",\"createdAt\":\"2026-11-01T00:00:00Z\"}",
            posts[2],
        ]);
        var source = new JsonLinesReplaySource("replay", path);

        var batches = await ReadAll(source, null);

        Assert.Equal(3, batches.SelectMany(b => b.Posts).Count());
        var skipped = batches.SelectMany(b => b.Skipped).ToList();
        Assert.Equal(["line 2", "line 5", "line 6", "line 7", "line 8"], skipped.Select(s => s.Position));
        Assert.All(skipped, s => Assert.StartsWith("malformed post", s.Reason, StringComparison.Ordinal));
        Assert.All(skipped, s => Assert.Equal("replay", s.SourceName));
        // Plain words: no .NET type names, and no line count of the serializer's own (it says "LineNumber: 0").
        Assert.All(skipped, s => Assert.DoesNotContain("LineNumber", s.Reason, StringComparison.Ordinal));
        Assert.All(skipped, s => Assert.DoesNotContain("System.", s.Reason, StringComparison.Ordinal));
        Assert.Equal("malformed post: not valid JSON (at byte 2 of the line)", skipped[1].Reason);
        Assert.Equal("malformed post: field 'author' has the wrong type", skipped[2].Reason);
        Assert.Equal("malformed post: field 'createdAt' has the wrong type", skipped[3].Reason);
        Assert.StartsWith("malformed post: required field missing: 'author'", skipped[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OversizedLine_IsSkippedWithoutReadingItWhole()
    {
        var posts = TestPosts.Numbered(2).Select(Serialize).ToList();
        var path = Write([posts[0], "{\"text\":\"" + new string('a', 50_000) + "\"}", posts[1]]);
        var source = new JsonLinesReplaySource("replay", new JsonLinesSourceOptions { Path = path, MaxLineLength = 4096 });

        var batches = await ReadAll(source, null);

        Assert.Equal(2, batches.SelectMany(b => b.Posts).Count());
        var skipped = Assert.Single(batches.SelectMany(b => b.Skipped));
        Assert.Equal("line 2", skipped.Position);
        Assert.Contains("longer than 4096", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LineWithoutEntities_GivesEmptyEntities()
    {
        var path = Write([
            "{\"id\":\"mastodon:a\",\"source\":\"mastodon\",\"author\":{\"platform\":\"mastodon\",\"handle\":\"jane\"},\"text\":\"acme\",\"createdAt\":\"2026-11-01T00:00:00Z\"}",
            "{\"id\":\"mastodon:b\",\"source\":\"mastodon\",\"author\":{\"platform\":\"mastodon\",\"handle\":\"jane\"},\"text\":\"acme\",\"createdAt\":\"2026-11-01T00:00:00Z\",\"entities\":null}",
            "{\"id\":\"mastodon:c\",\"source\":\"mastodon\",\"author\":{\"platform\":\"mastodon\",\"handle\":\"jane\"},\"text\":\"acme\",\"createdAt\":\"2026-11-01T00:00:00Z\",\"entities\":{\"hashtags\":[\"x\"],\"mentions\":null}}",
        ]);

        var batches = await ReadAll(new JsonLinesReplaySource("replay", path), null);

        var posts = batches.SelectMany(b => b.Posts).ToList();
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p =>
        {
            Assert.NotNull(p.Entities);
            Assert.NotNull(p.Entities.Hashtags);
            Assert.NotNull(p.Entities.Mentions);
            Assert.NotNull(p.Entities.Cashtags);
            Assert.NotNull(p.Entities.Links);
        });
        Assert.Empty(posts[0].Entities.Mentions);
        Assert.Equal(["x"], posts[2].Entities.Hashtags);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_IsReadWithReplacementCharacters()
    {
        var line = Serialize(TestPosts.Create("1", "caf#"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        var path = _folder.File("bad-utf8.jsonl");
        await File.WriteAllBytesAsync(path, bytes);

        var batches = await ReadAll(new JsonLinesReplaySource("replay", path), null);

        var post = Assert.Single(batches.SelectMany(b => b.Posts));
        Assert.Contains('\uFFFD', post.Text);
    }

    [Fact]
    public async Task ReadAsync_FromCheckpoint_ResumesOnTheNextLine()
    {
        var path = Write(TestPosts.Numbered(6).Select(Serialize));
        var source = new JsonLinesReplaySource("replay", new JsonLinesSourceOptions { Path = path, BatchSize = 4 });

        var batches = await ReadAll(source, new SourceCheckpoint("replay", "4"));

        Assert.Equal(["mastodon:p5", "mastodon:p6"], batches.SelectMany(b => b.Posts).Select(p => p.Id));
    }

    [Fact]
    public async Task ReadAsync_CheckpointNotALineNumber_ThrowsFormatException()
    {
        var source = new JsonLinesReplaySource("replay", Write([]));

        await Assert.ThrowsAsync<FormatException>(() => ReadAll(source, new SourceCheckpoint("replay", "abc")));
    }

    [Fact]
    public async Task ReadAsync_LineOfMoreBytesThanTheLimitButFewerCharacters_IsRead()
    {
        // 3,000 characters of three UTF-8 bytes each, unescaped: 9,000 bytes against a limit of 4,096 characters.
        var text = new string('€', 3_000);
        var path = Write(["{\"id\":\"mastodon:a\",\"source\":\"mastodon\",\"author\":{\"platform\":\"mastodon\",\"handle\":\"jane\"},\"text\":\"" + text + "\",\"createdAt\":\"2026-11-01T00:00:00Z\"}"]);
        var source = new JsonLinesReplaySource("replay", new JsonLinesSourceOptions { Path = path, MaxLineLength = 4096 });

        var batches = await ReadAll(source, null);

        Assert.Empty(batches.SelectMany(b => b.Skipped));
        Assert.Equal(text, Assert.Single(batches.SelectMany(b => b.Posts)).Text);
    }

    [Fact]
    public async Task ReadAsync_LinesLongerThanTheReadBuffer_AreReadWhole()
    {
        var posts = new[] { TestPosts.Create("1", new string('a', 200_000)), TestPosts.Create("2", "short"), TestPosts.Create("3", new string('b', 150_000)) };
        var path = Write(posts.Select(Serialize));

        var read = (await ReadAll(new JsonLinesReplaySource("replay", path), null)).SelectMany(b => b.Posts).ToList();

        Assert.Equal(posts.Select(p => p.Text), read.Select(p => p.Text));
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarksAndCrLf_AreReadAsText()
    {
        var posts = TestPosts.Numbered(3).ToList();
        var text = string.Join("\r\n", posts.Select(Serialize));
        var utf8 = _folder.File("bom-utf8.jsonl");
        var utf16 = _folder.File("bom-utf16.jsonl");
        await File.WriteAllTextAsync(utf8, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await File.WriteAllTextAsync(utf16, text, System.Text.Encoding.Unicode);

        foreach (var path in new[] { utf8, utf16 })
        {
            var batches = await ReadAll(new JsonLinesReplaySource("replay", path), null);

            Assert.Empty(batches.SelectMany(b => b.Skipped));
            Assert.Equal(posts.Select(p => p.Text), batches.SelectMany(b => b.Posts).Select(p => p.Text));
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsClearErrors()
    {
        Assert.Throws<ArgumentException>(() => new JsonLinesReplaySource("r", new JsonLinesSourceOptions()));
        Assert.Throws<ArgumentException>(() => new JsonLinesReplaySource("r", new JsonLinesSourceOptions { Path = "x", BatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => new JsonLinesReplaySource("", "x"));
    }

    private static string Serialize(Post post) => JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post);

    private string Write(IEnumerable<string> lines)
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<List<SourceBatch>> ReadAll(JsonLinesReplaySource source, SourceCheckpoint? checkpoint)
    {
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(checkpoint))
        {
            batches.Add(batch);
        }

        return batches;
    }
}
