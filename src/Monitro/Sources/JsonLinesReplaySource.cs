using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Monitro.Sources;

namespace Monitro;

/// <summary>
/// Replays posts from a JSON Lines file: one <see cref="Post"/> per line, as written by
/// <see cref="MonitroJsonContext"/> (camelCase names). Used for the offline quick start, for tests and to
/// re-run an archive through new watches.
/// </summary>
/// <remarks>
/// <para>Blank lines are ignored. A line that is not valid JSON, has a field of the wrong type, lacks a
/// required field or is longer than <see cref="JsonLinesSourceOptions.MaxLineLength"/> is reported as a
/// <see cref="SkippedItem"/> with its line number (<c>line 17</c>) and the rest of the file is read.</para>
/// <para>The checkpoint is the number of the last line read, so a restarted pipeline resumes on the next
/// line. The source completes at the end of the file.</para>
/// </remarks>
public sealed class JsonLinesReplaySource : IListeningSource
{
    private const int ExcerptLength = 200;
    private readonly JsonLinesSourceOptions _options;

    /// <summary>Initializes a new instance of the <see cref="JsonLinesReplaySource"/> class.</summary>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">The name or path is empty, or a limit is out of range.</exception>
    public JsonLinesReplaySource(string name, JsonLinesSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("The path of the JSON Lines file is required.", nameof(options));
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            throw new ArgumentException("BatchSize must be between 1 and 100,000.", nameof(options));
        }

        if (options.MaxLineLength is < 1024 or > 100_000_000)
        {
            throw new ArgumentException("MaxLineLength must be between 1,024 and 100,000,000.", nameof(options));
        }

        Name = name;
        _options = options;
    }

    /// <summary>Initializes a new instance of the <see cref="JsonLinesReplaySource"/> class with default limits.</summary>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="path">The path of the JSON Lines file.</param>
    public JsonLinesReplaySource(string name, string path)
        : this(name, new JsonLinesSourceOptions { Path = path })
    {
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The checkpoint is not a line number.</exception>
    public async IAsyncEnumerable<SourceBatch> ReadAsync(
        SourceCheckpoint? checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var resumeAfter = ParseCheckpoint(checkpoint);
        var stream = new FileStream(_options.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            using var text = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
            var reader = new BoundedLineReader(text, _options.MaxLineLength);
            var posts = new List<Post>(_options.BatchSize);
            var skipped = new List<SkippedItem>();
            long lineNumber = 0;
            while (true)
            {
                var (line, tooLong) = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null && !tooLong)
                {
                    break;
                }

                lineNumber++;
                if (lineNumber <= resumeAfter)
                {
                    continue;
                }

                if (tooLong)
                {
                    skipped.Add(new SkippedItem(Name, Position(lineNumber), string.Create(CultureInfo.InvariantCulture, $"the line is longer than {_options.MaxLineLength} characters")));
                }
                else if (!string.IsNullOrWhiteSpace(line))
                {
                    ParseLine(line!, lineNumber, posts, skipped);
                }

                if (posts.Count + skipped.Count >= _options.BatchSize)
                {
                    yield return CreateBatch(posts, skipped, lineNumber);
                    posts = new List<Post>(_options.BatchSize);
                    skipped = [];
                }
            }

            if (posts.Count + skipped.Count > 0 || lineNumber > resumeAfter)
            {
                yield return CreateBatch(posts, skipped, Math.Max(lineNumber, resumeAfter));
            }
        }
    }

    private void ParseLine(string line, long lineNumber, List<Post> posts, List<SkippedItem> skipped)
    {
        try
        {
            var post = JsonSerializer.Deserialize(line, MonitroJsonContext.Default.Post);
            if (post is null)
            {
                skipped.Add(new SkippedItem(Name, Position(lineNumber), "the line is JSON null, not a post", Excerpt(line)));
                return;
            }

            posts.Add(post);
        }
        catch (JsonException exception)
        {
            skipped.Add(new SkippedItem(Name, Position(lineNumber), JsonLineErrors.Describe(exception), Excerpt(line)));
        }
    }

    private SourceBatch CreateBatch(List<Post> posts, List<SkippedItem> skipped, long lastLine) => new()
    {
        Posts = posts,
        Skipped = skipped,
        Checkpoint = new SourceCheckpoint(Name, lastLine.ToString(CultureInfo.InvariantCulture)),
    };

    private long ParseCheckpoint(SourceCheckpoint? checkpoint)
    {
        if (checkpoint is null)
        {
            return 0;
        }

        if (!long.TryParse(checkpoint.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            throw new FormatException($"The checkpoint '{checkpoint.Value}' of source '{Name}' is not a line number.");
        }

        return line;
    }

    private static string Position(long lineNumber) => string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");

    private static string Excerpt(string line) => line.Length <= ExcerptLength ? line : line[..ExcerptLength];
}
