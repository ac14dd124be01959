using System.Globalization;

namespace Monitro.Benchmarks.Streaming;

/// <summary>What the <c>stream</c> mode runs.</summary>
internal enum StreamMode
{
    /// <summary>The matcher alone, post by post.</summary>
    Match,

    /// <summary>The whole pipeline reading a JSON Lines file into the in-memory store.</summary>
    PipelineMemory,

    /// <summary>The whole pipeline reading a JSON Lines file into SQLite (synchronous FULL).</summary>
    PipelineSqlite,

    /// <summary>The baseline of the pipeline: parse every line and insert every post into SQLite, one transaction per batch.</summary>
    BareSqlite,
}

/// <summary>The options of the <c>stream</c> mode, read from its command line.</summary>
internal sealed record StreamArguments(StreamMode Mode, int Watches, int Posts, bool KeywordWatches, int MinimumPostLength)
{
    public const string Usage =
        "usage: stream [--mode match|pipeline-memory|pipeline-sqlite|bare-sqlite] [--watches N] [--posts N] [--set keyword|mixed] [--min-length CHARS]";

    public static bool TryParse(string[] args, out StreamArguments options, out string error)
    {
        options = new StreamArguments(StreamMode.Match, Watches: 1_000, Posts: 200_000, KeywordWatches: true, MinimumPostLength: 158);
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--mode" when TryMode(value, out var mode):
                    options = options with { Mode = mode };
                    break;
                case "--watches" when TryCount(value, out var watches):
                    options = options with { Watches = watches };
                    break;
                case "--posts" when TryCount(value, out var posts):
                    options = options with { Posts = posts };
                    break;
                case "--min-length" when TryCount(value, out var length):
                    options = options with { MinimumPostLength = length };
                    break;
                case "--set" when value is "keyword" or "mixed":
                    options = options with { KeywordWatches = value == "keyword" };
                    break;
                default:
                    error = $"unknown or incomplete option '{args[i]}'";
                    return false;
            }

            i++;
        }

        return true;
    }

    private static bool TryMode(string? value, out StreamMode mode)
    {
        mode = value switch
        {
            "match" => StreamMode.Match,
            "pipeline-memory" => StreamMode.PipelineMemory,
            "pipeline-sqlite" => StreamMode.PipelineSqlite,
            "bare-sqlite" => StreamMode.BareSqlite,
            _ => (StreamMode)(-1),
        };
        return Enum.IsDefined(mode);
    }

    private static bool TryCount(string? value, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;
}
