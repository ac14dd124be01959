using System.Globalization;
using Xunit.Abstractions;

namespace Monitro.Tests.Matching;

/// <summary>
/// Precision and recall of words inside hashtags, measured through the matcher on the project's own set of
/// hashtags with gold segmentations (Matching/Segmentation, written before the segmenter; test.tsv is frozen).
/// </summary>
public sealed class HashtagSegmentationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("dev.tsv")]
    [InlineData("test.tsv")]
    public void GoldWords_MatchInsideHashtagsWithPrecisionAndRecall(string file)
    {
        var cases = Load(file);
        var words = cases.SelectMany(c => c.Gold).Where(w => w.Length >= 4 && w.All(char.IsAsciiLetter)).ToHashSet(StringComparer.Ordinal);
        var matcher = new MentionMatcher();
        foreach (var word in words)
        {
            matcher.AddWatch(new Watch { Name = word, Query = word });
        }

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var errors = new List<string>();
        foreach (var (hashtag, gold) in cases)
        {
            var body = hashtag[1..].ToLowerInvariant();
            var matched = matcher.Match(TestPosts.Create(hashtag)).Select(m => m.Watch.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var word in words.Where(w => body.Contains(w, StringComparison.Ordinal)))
            {
                var expected = IsGold(word, gold);
                var actual = matched.Contains(word);
                truePositives += expected && actual ? 1 : 0;
                falsePositives += !expected && actual ? 1 : 0;
                falseNegatives += expected && !actual ? 1 : 0;
                if (expected != actual)
                {
                    errors.Add($"{hashtag} {word}: {(actual ? "false match" : "missed")}");
                }
            }
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"hashtag segmentation {file}: {cases.Count} hashtags, {words.Count} watch words, precision {precision:F3}, recall {recall:F3} (tp {truePositives}, fp {falsePositives}, fn {falseNegatives})");
        output.WriteLine(line);
        Console.WriteLine(line);
        errors.ForEach(output.WriteLine);
        Assert.True(precision >= 0.90, line);
        Assert.True(recall >= 0.85, line);
    }

    // A word is expected inside a hashtag when it is one of its gold words or several consecutive ones run together.
    private static bool IsGold(string word, string[] gold)
    {
        for (var start = 0; start < gold.Length; start++)
        {
            var joined = string.Empty;
            for (var end = start; end < gold.Length && joined.Length < word.Length; end++)
            {
                joined += gold[end];
                if (joined == word)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<(string Hashtag, string[] Gold)> Load(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Matching", "Segmentation", file))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(fields => (fields[0], fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
}
