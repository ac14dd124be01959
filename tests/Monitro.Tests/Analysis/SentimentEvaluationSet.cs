using System.Globalization;

namespace Monitro.Tests.Analysis;

/// <summary>The labelled posts of sentiment-eval.tsv (label, human-style rating -4..+4, text).</summary>
internal static class SentimentEvaluationSet
{
    private const string FileName = "sentiment-eval.tsv";

    public static IReadOnlyList<(SentimentLabel Label, double Rating, string Text)> Load()
    {
        var items = new List<(SentimentLabel, double, string)>();
        foreach (var line in File.ReadLines(Locate()))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            Assert.True(fields.Length == 3, $"Malformed evaluation line: {line}");
            var label = fields[0] switch
            {
                "positive" => SentimentLabel.Positive,
                "negative" => SentimentLabel.Negative,
                "neutral" => SentimentLabel.Neutral,
                _ => throw new InvalidDataException($"Unknown label in: {line}"),
            };
            items.Add((label, double.Parse(fields[1], CultureInfo.InvariantCulture), fields[2]));
        }

        return items;
    }

    // The file lives next to this test source; look for it in the output folder first, then walk up to the repository.
    public static string Locate(string fileName = FileName)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Analysis", fileName);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Monitro.Tests", "Analysis", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{fileName} was found neither in the test output nor in the source tree.");
    }
}
