using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Monitro.Replay;

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
        var file = new FileStream(_options.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            var reader = Utf8LineReader.Open(file, _options.MaxLineLength, out var stream);
            await using (stream.ConfigureAwait(false))
            {
                var state = new ReadState(_options.BatchSize, resumeAfter);
                while (true)
                {
                    while (TakeLines(reader, state))
                    {
                        yield return CreateBatch(state.TakeBatch(_options.BatchSize), state.LineNumber);
                    }

                    if (!await reader.FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }

                if (state.Pending > 0 || state.LineNumber > resumeAfter)
                {
                    yield return CreateBatch(state.TakeBatch(_options.BatchSize), Math.Max(state.LineNumber, resumeAfter));
                }
            }
        }
    }

    /// <summary>Parses the whole lines read so far, until a batch is full.</summary>
    /// <returns><see langword="true"/> when a batch is full.</returns>
    /// <remarks>Compiled optimized at once: on a one-core host the runtime may not get to optimize it while the pipeline runs.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TakeLines(Utf8LineReader reader, ReadState state)
    {
        while (state.Pending < _options.BatchSize && reader.TryReadLine(out var line, out var tooLong))
        {
            state.LineNumber++;
            if (state.LineNumber <= state.ResumeAfter)
            {
                continue;
            }

            if (tooLong)
            {
                state.Skipped.Add(new SkippedItem(Name, Position(state.LineNumber), string.Create(CultureInfo.InvariantCulture, $"the line is longer than {_options.MaxLineLength} characters")));
            }
            else if (!IsBlank(line))
            {
                ParseLine(line, state);
            }
        }

        return state.Pending >= _options.BatchSize;
    }

    // Once per line: compiled optimized at once, as TakeLines is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseLine(ReadOnlySpan<byte> line, ReadState state)
    {
        try
        {
            // The usual shape is read by the hand-written reader; any other line by the contract, which also reports the errors.
            var post = state.Parser.TryRead(line) ?? JsonSerializer.Deserialize(line, MonitroJsonContext.Default.Post);
            if (post is null)
            {
                state.Skipped.Add(new SkippedItem(Name, Position(state.LineNumber), "the line is JSON null, not a post", Excerpt(line)));
                return;
            }

            state.Posts.Add(post);
        }
        catch (JsonException) when (!Utf8.IsValid(line))
        {
            // Bytes that are not UTF-8 are read as U+FFFD, as a decoding reader would, rather than losing the post.
            ParseLine(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line)), state);
        }
        catch (JsonException exception)
        {
            state.Skipped.Add(new SkippedItem(Name, Position(state.LineNumber), JsonLineErrors.Describe(exception), Excerpt(line)));
        }
    }

    private SourceBatch CreateBatch((List<Post> Posts, List<SkippedItem> Skipped) batch, long lastLine) => new()
    {
        Posts = batch.Posts,
        Skipped = batch.Skipped,
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Position(long lineNumber) => string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Excerpt(string line) => line.Length <= ExcerptLength ? line : line[..ExcerptLength];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Excerpt(ReadOnlySpan<byte> line) =>
        Excerpt(Encoding.UTF8.GetString(line[..Math.Min(line.Length, ExcerptLength * 4)]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r\f\v"u8) < 0;

    /// <summary>The lines read so far and the batch being filled.</summary>
    private sealed class ReadState(int batchSize, long resumeAfter)
    {
        public long ResumeAfter { get; } = resumeAfter;

        public long LineNumber { get; set; }

        public PostJsonReader Parser { get; } = new();

        public List<Post> Posts { get; private set; } = new(batchSize);

        public List<SkippedItem> Skipped { get; private set; } = [];

        public int Pending { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Posts.Count + Skipped.Count; }

        public (List<Post> Posts, List<SkippedItem> Skipped) TakeBatch(int batchSize)
        {
            var batch = (Posts, Skipped);
            Posts = new List<Post>(batchSize);
            Skipped = [];
            return batch;
        }
    }
}
