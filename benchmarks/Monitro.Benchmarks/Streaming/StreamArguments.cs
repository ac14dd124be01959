using System.Globalization;

namespace Monitro.Benchmarks.Streaming;

/// <summary>The options of the <c>stream</c> mode, read from its command line.</summary>
internal sealed record StreamArguments(int Watches, int Posts, bool KeywordWatches, int MinimumPostLength)
{
    public const string Usage =
        "usage: stream [--watches N] [--posts N] [--set keyword|mixed] [--min-length CHARS]";

    public static bool TryParse(string[] args, out StreamArguments options, out string error)
    {
        options = new StreamArguments(Watches: 1_000, Posts: 200_000, KeywordWatches: true, MinimumPostLength: 158);
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
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

    private static bool TryCount(string? value, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;
}
