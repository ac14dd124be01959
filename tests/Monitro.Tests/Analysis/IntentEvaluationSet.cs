using Monitro.Analysis;
using Xunit.Abstractions;

namespace Monitro.Tests.Analysis;

/// <summary>Labelled posts for the intent detector, and the per-label figures of a detector on them.</summary>
internal static class IntentEvaluationSet
{
    // The label names of the data files, as the training tool reads them.
    private static IReadOnlyDictionary<string, IntentLabel> LabelNames => Monitro.IntentModelTraining.TrainingData.LabelNames;

    /// <summary>
    /// Loads a file of <c>[split TAB] labels TAB text</c> lines; with a split column, only the posts of <paramref name="split"/>.
    /// Each post keeps the comment line above it that names its kind.
    /// </summary>
    public static List<LabelledIntentPost> Load(string fileName, string? split = null)
    {
        var posts = new List<LabelledIntentPost>();
        var kind = string.Empty;
        foreach (var line in File.ReadLines(SentimentEvaluationSet.Locate(fileName)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                kind = line.TrimStart('#', ' ');
                continue;
            }

            var fields = line.Split('\t');
            Assert.True(fields.Length == (split is null ? 2 : 3), $"Malformed evaluation line: {line}");
            if (split is not null && fields[0] != split)
            {
                continue;
            }

            var labels = fields[^2] == "none" ? [] : fields[^2].Split(',').Select(name => LabelNames[name]).ToHashSet();
            posts.Add(new LabelledIntentPost(labels, fields[^1], kind));
        }

        return posts;
    }

    /// <summary>Returns a report that writes only the lines about complaints (misses, false alarms and figures).</summary>
    public static Action<string> ComplaintLinesTo(ITestOutputHelper output) => line =>
    {
        if (line.Contains("Complaint", StringComparison.Ordinal))
        {
            output.WriteLine(line);
        }
    };

    /// <summary>Checks a frozen part's complaint figures: its size, at least 40% complaints, and the floors of F1 and precision.</summary>
    public static void AssertComplaintFloors(int posts, LabelFigures complaint, int minimumPosts, double minimumF1, double minimumPrecision)
    {
        Assert.True(posts >= minimumPosts, $"The frozen part has only {posts} posts.");
        Assert.True(complaint.Expected >= 0.4 * posts, "Fewer than 40% of the frozen posts are complaints.");
        Assert.True(complaint.F1 >= minimumF1, $"Complaint F1 {complaint.F1:F3} is below {minimumF1}.");
        Assert.True(complaint.Precision >= minimumPrecision, $"Complaint precision {complaint.Precision:F3} is below {minimumPrecision}.");
    }

    /// <summary>Runs the detector on every post and counts, per label, what it found and missed.</summary>
    public static Dictionary<IntentLabel, LabelFigures> Measure(IIntentDetector detector, IReadOnlyList<LabelledIntentPost> posts, Action<string>? report = null)
    {
        var figures = Enum.GetValues<IntentLabel>().ToDictionary(label => label, _ => new LabelFigures());
        foreach (var post in posts)
        {
            var predicted = detector.Detect(post.Text, "en").Select(hit => hit.Label).ToHashSet();
            foreach (var (label, counts) in figures)
            {
                var expected = post.Labels.Contains(label);
                var found = predicted.Contains(label);
                counts.Add(expected, found);
                if (expected != found)
                {
                    report?.Invoke($"{(expected ? "missed" : "extra")} {label}: {post.Text}");
                }
            }
        }

        foreach (var (label, counts) in figures)
        {
            report?.Invoke($"{label}: precision {counts.Precision:F3}, recall {counts.Recall:F3}, F1 {counts.F1:F3} ({counts.Expected} posts)");
        }

        return figures;
    }
}

/// <summary>A post with the intents a reader gives it, and the kind its file names for it (the comment line above it).</summary>
internal sealed record LabelledIntentPost(HashSet<IntentLabel> Labels, string Text, string Kind = "");

/// <summary>True positives, false positives and false negatives of one label.</summary>
internal sealed class LabelFigures
{
    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public int Expected => TruePositives + FalseNegatives;

    public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);

    public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(bool expected, bool found)
    {
        TruePositives += expected && found ? 1 : 0;
        FalsePositives += !expected && found ? 1 : 0;
        FalseNegatives += expected && !found ? 1 : 0;
    }
}
