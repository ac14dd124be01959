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

    // Lines of the usual shape written in ways the contract reads too: each must be read without it, to the same post.
    private static readonly string[] UsualVariants =
    [
        Line(text: """\u00E9\u00e9\/\b\f\r\t\"\\ \ud83d\ude80\uD83D\uDE80 \u0000\u001f\u007F"""),
        Line(text: """café 🚀 日本語 \\u0041"""),
        Line(text: string.Empty),
        Line(text: new string('x', 600) + """\n""" + new string('y', 33)),
        " \t{ \"id\" : \"rss:1\" ,\t\"source\":\"rss\",\"author\" : { \"platform\" : \"rss\" , \"handle\" : \"feed\" } ,\"text\":\"t\",\"createdAt\":\"2026-11-01T00:00:00Z\" }\r ",
        Line(author: """{"platform":"rss","handle":"feed","followers":0}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":-5}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":-0}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":9223372036854775807}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":-9223372036854775808}"""),
        Line(author: """{"platform":"rss","handle":"feed","verifiedLinks":[]}"""),
        Line(author: """{"platform":"rss","handle":"feed","verifiedLinks":["https://a.example" , "b"]}"""),
        Line(createdAt: "2026-11-01T10:00:00.1234567+05:30"),
        Line(createdAt: "2026-11-01T10:00:00.5Z"),
        Line(createdAt: "2026-11-01T10:00:00.000-14:00"),
        Line(createdAt: "2026-11-01T10:00:00+14:00"),
        Line(createdAt: "2026-11-01T10:00:00-00:00"),
        Line(createdAt: "2028-02-29T23:59:59Z"),
        Line(createdAt: "0001-01-01T00:00:00-01:00"),
        Line(createdAt: "9999-12-31T23:59:59.9999999+01:00"),
        Line(extra: ""","entities":{"hashtags":["a","b"],"mentions":[],"cashtags":["ACME"],"links":["https://x.example"]}"""),
        Line(extra: ""","language":"de","isRepost":false,"isReply":true,"replyToId":null,"threadId":"rss:0","url":null"""),
    ];

    // Lines the reader may leave to the contract (which reads some and refuses others), but must never read differently.
    private static readonly string[] Unusual =
    [
        Line(text: """\ud83d"""),
        Line(text: """\ude80"""),
        Line(text: """\ud83d\u0041"""),
        Line(text: """\ud83d\ud83d"""),
        Line(text: """\x"""),
        Line(text: """\u12"""),
        Line(text: """\u12g4"""),
        Line(text: "a\tb"),
        Line(text: "a\u0001b"),
        Line(text: """t\\\"""),
        Line(textValue: "\"t\\"),
        Line(textValue: "\"t"),
        Line(textValue: "\"t\" \"u\""),
        Line(textValue: "'t'"),
        Line(textValue: "null"),
        Line(textValue: "12"),
        """{"id":"rss:1","source":"rss","author":{"platform":"rss","handle":"feed"},"t\u0065xt":"t","createdAt":"2026-11-01T00:00:00Z"}""",
        Line(author: """{"platform":"rss","handle":"feed","followers":007}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":1e3}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":1E3}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":1.0}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":12x}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":-}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":+1}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":9223372036854775808}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":-9223372036854775809}"""),
        Line(author: """{"platform":"rss","handle":"feed","followers":99999999999999999999999}"""),
        Line(author: """{"platform":"rss","handle":"feed","verifiedLinks":[null]}"""),
        Line(author: """{"platform":"rss","handle":"feed","verifiedLinks":["a",]}"""),
        Line(author: """{"platform":"rss","handle":"feed","identityKey":"\ud800"}"""),
        Line(author: """{"platform":"rss","handle":"feed",}"""),
        Line(author: """{"platform":"rss" "handle":"feed"}"""),
        Line(author: """{"platform":"rss","handle":"feed"""),
        Line(createdAt: "2026-11-01T10:00:00.12345678Z"),
        Line(createdAt: "2026-11-01T10:00:00.Z"),
        Line(createdAt: "2026-11-01T10:00:00+14:01"),
        Line(createdAt: "2026-11-01T10:00:00+15:00"),
        Line(createdAt: "2026-11-01T10:00:00+05"),
        Line(createdAt: "2026-11-01T10:00:00+0530"),
        Line(createdAt: "2026-11-01t10:00:00Z"),
        Line(createdAt: "2026-11-01T10:00Z"),
        Line(createdAt: "2026-11-01"),
        Line(createdAt: "2026-11-01T10:00:00"),
        Line(createdAt: "2026-02-29T10:00:00Z"),
        Line(createdAt: "2026-13-01T10:00:00Z"),
        Line(createdAt: "2026-00-01T10:00:00Z"),
        Line(createdAt: "2026-11-00T10:00:00Z"),
        Line(createdAt: "2026-11-31T10:00:00Z"),
        Line(createdAt: "2026-11-01T24:00:00Z"),
        Line(createdAt: "2026-11-01T10:60:00Z"),
        Line(createdAt: "2026-11-01T10:00:60Z"),
        Line(createdAt: "0000-01-01T00:00:00Z"),
        Line(createdAt: "0001-01-01T00:00:00+01:00"),
        Line(createdAt: "9999-12-31T23:59:59-01:00"),
        Line(createdAt: """2026\u002d11-01T10:00:00Z"""),
        Line(createdAt: " 2026-11-01T10:00:00Z"),
        Line(createdAt: "2026-11-01T10:00:00Z "),
        Line(createdAt: "２０２６-11-01T10:00:00Z"),
        Line(extra: ""","isRepost":tru"""),
        Line(extra: ""","isRepost":truex"""),
        Line(extra: ""","isRepost":True"""),
        Line(extra: ""","isRepost":null"""),
        Line(extra: ""","language":nul"""),
        Line(extra: ",\"language\":\"\\u0065n\""),
        Line(extra: ""","entities":{"hashtags":["a" "b"]}"""),
        Line(extra: ""","entities":{"hashtags":["a",null]}"""),
        Line(extra: ""","entities":{"hashtags":["a"}"""),
        Line(extra: ""","entities":[]"""),
        Line(extra: "}"),
        Line(extra: ""","isReply":1"""),
    ];

    public static TheoryData<string> Lines() => new(SampleLines);

    public static TheoryData<string> Variants() => new(UsualVariants);

    public static TheoryData<string> UnusualLines() => new(Unusual);

    [Theory]
    [MemberData(nameof(Lines))]
    public void TryRead_AnyLine_ReadsWhatTheContractReadsOrLeavesItToTheContract(string line) =>
        AssertSameAsContract(Encoding.UTF8.GetBytes(line), new PostJsonReader());

    [Theory]
    [MemberData(nameof(Variants))]
    public void TryRead_UsualShapeWrittenAnotherWay_IsReadWithoutTheContractAsTheContractReadsIt(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);

        var post = new PostJsonReader().TryRead(bytes);

        Assert.NotNull(post);
        Assert.Equal(Contract(bytes), JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post));
        Assert.Equal(JsonSerializer.Deserialize(bytes, MonitroJsonContext.Default.Post)!.CreatedAt.Offset, post.CreatedAt.Offset);
    }

    [Theory]
    [MemberData(nameof(UnusualLines))]
    public void TryRead_UnusualLine_IsReadAsTheContractReadsItOrLeftToIt(string line) =>
        AssertSameAsContract(Encoding.UTF8.GetBytes(line), new PostJsonReader());

    [Fact]
    public void TryRead_BytesThatAreNotUtf8InAString_AreLeftToTheContract()
    {
        var reader = new PostJsonReader();
        byte[][] invalid = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x80]];
        string[] valueStarts = ["\"id\":\"", "\"text\":\"", "\"handle\":\"", "\"platform\":\"", "\"source\":\"", "\"displayName\":\"", "\"hashtags\":[\""];
        foreach (var bytes in invalid)
        {
            foreach (var valueStart in valueStarts)
            {
                var line = Encoding.UTF8.GetBytes(Usual);
                var at = Usual.IndexOf(valueStart, StringComparison.Ordinal) + valueStart.Length;
                Assert.True(at >= valueStart.Length, valueStart);
                var damaged = line.Take(at).Concat(bytes).Concat(line.Skip(at)).ToArray();

                Assert.Null(reader.TryRead(damaged));
            }
        }
    }

    [Fact]
    public void TryRead_UsualLineAfterAnUnusualOne_IsRead()
    {
        var reader = new PostJsonReader();
        var usual = Encoding.UTF8.GetBytes(Usual);

        Assert.Null(reader.TryRead(Encoding.UTF8.GetBytes(Line(text: """\ud83d"""))));
        var post = reader.TryRead(usual);

        Assert.NotNull(post);
        Assert.Equal(Contract(usual), JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post));
    }

    [Fact]
    public void TryRead_LanguagesAlternating_EachKeepsOneString()
    {
        var reader = new PostJsonReader();
        string[] languages = ["en", "de", "en", "fr", "de", "en"];

        var posts = languages.Select(language => reader.TryRead(Encoding.UTF8.GetBytes(Line(extra: $",\"language\":\"{language}\"")))!).ToList();

        Assert.Equal(languages, posts.Select(post => post.Language));
        Assert.Same(posts[0].Language, posts[2].Language);
        Assert.Same(posts[0].Language, posts[5].Language);
        Assert.Same(posts[1].Language, posts[4].Language);
    }

    [Fact]
    public void TryRead_LinesWithDatesAndNumbersChanged_NeverDisagreeWithTheContract()
    {
        var reader = new PostJsonReader();
        var random = new Random(31);
        byte[] noise = [.. "0123456789+-:.TZtz \\\"e"u8];
        var template = Line(author: """{"platform":"rss","handle":"feed","followers":1234}""", createdAt: "2026-11-01T10:00:00.125+05:30");
        var original = Encoding.UTF8.GetBytes(template);
        var readWithoutContract = 0;
        for (var i = 0; i < 3000; i++)
        {
            var line = original.ToList();
            var at = template.IndexOf(i % 2 == 0 ? "2026-11" : "1234", StringComparison.Ordinal) + random.Next(i % 2 == 0 ? 29 : 4);
            switch (random.Next(3))
            {
                case 0: line.RemoveAt(at); break;
                case 1: line.Insert(at, noise[random.Next(noise.Length)]); break;
                default: line[at] = noise[random.Next(noise.Length)]; break;
            }

            var bytes = line.ToArray();
            readWithoutContract += reader.TryRead(bytes) is null ? 0 : 1;
            AssertSameAsContract(bytes, reader);
        }

        Assert.InRange(readWithoutContract, 1, 2999);
    }

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

    /// <summary>A line of the usual shape: the text as a JSON string's content (escapes kept) or any JSON value, the other members as given.</summary>
    private static string Line(string text = "t", string? textValue = null, string author = """{"platform":"rss","handle":"feed"}""", string createdAt = "2026-11-01T00:00:00Z", string extra = "") =>
        $$"""{"id":"rss:1","source":"rss","author":{{author}},"text":{{textValue ?? "\"" + text + "\""}},"createdAt":"{{createdAt}}"{{extra}}}""";

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
