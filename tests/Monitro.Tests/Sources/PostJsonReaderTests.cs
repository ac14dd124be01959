using System.Text;
using System.Text.Json;
using Monitro.Replay;

namespace Monitro.Tests.Sources;

/// <summary>The hand-written line reader reads a post exactly as the source-generated contract does, or leaves the line to it.</summary>
public sealed class PostJsonReaderTests
{
    private const string Usual = """{"id":"mastodon:1","source":"mastodon","author":{"platform":"mastodon","handle":"jane@example.social","displayName":"Jane","profileUrl":"https://example.social/@jane","followers":12,"verifiedLinks":["https://jane.example"]},"text":"Loving the new Acme release #acme","createdAt":"2026-11-01T10:00:00+01:00","language":"en","url":"https://example.social/@jane/1","replyToId":"mastodon:0","threadId":"mastodon:0","isRepost":true,"entities":{"hashtags":["acme"],"mentions":["acme"],"cashtags":[],"links":["https://acme.example"]}}""";

    private static readonly string[] SampleLines =
    [
        Usual,
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """  {"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed","identityKey":"rss:feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z","isReply":false}  """,
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed","displayName":null,"profileUrl":null,"followers":null,"verifiedLinks":null},"text":"t","createdAt":"2026-11-01T00:00:00Z","language":null,"url":null,"replyToId":null,"threadId":null,"entities":null}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z","entities":{"hashtags":null,"links":["x"]}}""",
        """{"id":"rss:\u0031","source":"r\u0073s","author":{"platform":"rss","handle":"f\"eed"},"text":"a\nb \ud83d\ude80 \u00e9","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"ID":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":"rss:1","id":"rss:2","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":"rss:1","source":"rss","extra":[1,{"a":2}],"author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":null,"source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed","followers":"12"},"text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed","followers":1.5},"text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":12345}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"yesterday"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z","url":"http://[bad"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z","url":"relative/path"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z","isRepost":"true"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss"},"text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":"rss:1","source":"rss","author":"jane","text":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z"} x""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z",}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t" /* c */,"createdAt":"2026-11-01T00:00:00Z"}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z","entities":{"hashtags":[1]}}""",
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z","entities":{"other":[]}}""",
        """{"id":"rss:1","source":"rss","text":"trunc""",
        """{}""",
        """[]""",
        """null""",
        """ """,
    ];

    public static TheoryData<string> Lines() => new(SampleLines);

    [Theory]
    [MemberData(nameof(Lines))]
    public void TryRead_AnyLine_ReadsWhatTheContractReadsOrLeavesItToTheContract(string line) =>
        AssertSameAsContract(Encoding.UTF8.GetBytes(line), new PostJsonReader());

    [Fact]
    public void TryRead_UsualShapes_AreReadWithoutTheContract()
    {
        var reader = new PostJsonReader();

        foreach (var line in SampleLines.Take(6))
        {
            Assert.NotNull(reader.TryRead(Encoding.UTF8.GetBytes(line)));
        }
    }

    [Fact]
    public void TryRead_BundledQuickStartPosts_EveryPostTheContractReadsIsReadTheSame()
    {
        var reader = new PostJsonReader();
        var lines = File.ReadAllLines(BundledPosts(), Encoding.UTF8);

        var read = 0;
        foreach (var line in lines)
        {
            // The file keeps a few broken lines on purpose (a proxy's error page, a raw control character).
            var bytes = Encoding.UTF8.GetBytes(line);
            var contract = Contract(bytes);
            var post = reader.TryRead(bytes);
            Assert.Equal(contract == "(refused)", post is null);
            Assert.Equal(contract, post is null ? "(refused)" : JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post));
            read += post is null ? 0 : 1;
        }

        Assert.InRange(read, lines.Length - 5, lines.Length);
    }

    [Fact]
    public void TryRead_LinesWithBytesChanged_NeverDisagreeWithTheContract()
    {
        var reader = new PostJsonReader();
        var random = new Random(12);
        var original = Encoding.UTF8.GetBytes(Usual);
        byte[] noise = [.. "{}[],:\"\\ 0-.enul"u8, 0xC3, 0xFF, 0x80];
        var readWithoutContract = 0;
        for (var i = 0; i < 3000; i++)
        {
            var line = original.ToList();
            for (var change = random.Next(1, 4); change > 0; change--)
            {
                var at = random.Next(line.Count);
                switch (random.Next(3))
                {
                    case 0: line.RemoveAt(at); break;
                    case 1: line.Insert(at, noise[random.Next(noise.Length)]); break;
                    default: line[at] = noise[random.Next(noise.Length)]; break;
                }
            }

            var bytes = line.ToArray();
            readWithoutContract += reader.TryRead(bytes) is null ? 0 : 1;
            AssertSameAsContract(bytes, reader);
        }

        // Some changes keep the line of the usual shape (inside the text, say), so both paths are exercised.
        Assert.InRange(readWithoutContract, 1, 2999);
    }

    [Fact]
    public void TryRead_RepeatedSourcePlatformAndLanguage_ShareOneString()
    {
        var reader = new PostJsonReader();

        var first = reader.TryRead(Encoding.UTF8.GetBytes(Usual))!;
        var second = reader.TryRead(Encoding.UTF8.GetBytes(Usual))!;

        Assert.Same(first.Source, second.Source);
        Assert.Same(first.Author.Platform, second.Author.Platform);
        Assert.Same(first.Language, second.Language);
        Assert.Equal("mastodon", second.Source);
    }

    [Fact]
    public void TryRead_NoEntities_SharesTheEmptyEntities()
    {
        var line = """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"text":"t","createdAt":"2026-11-01T00:00:00Z","entities":{"hashtags":[],"mentions":[],"cashtags":[],"links":[]}}""";

        var post = new PostJsonReader().TryRead(Encoding.UTF8.GetBytes(line))!;

        Assert.Same(PostEntities.Empty, post.Entities);
    }

    private static void AssertSameAsContract(byte[] line, PostJsonReader reader)
    {
        var contract = Contract(line);
        if (reader.TryRead(line) is { } post)
        {
            Assert.Equal(contract, JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post));
        }
    }

    private static string Contract(byte[] line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, MonitroJsonContext.Default.Post) is { } post
                ? JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post)
                : "(null)";
        }
        catch (JsonException)
        {
            return "(refused)";
        }
    }

    private static string BundledPosts()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitro.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("The repository root was not found."), "samples", "Monitro.Samples.QuickStart", "Data", "posts.jsonl");
    }
}
