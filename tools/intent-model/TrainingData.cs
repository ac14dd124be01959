using Monitro.Analysis.Intent;

namespace Monitro.IntentModelTraining;

/// <summary>
/// The posts the models train on: only the dev parts of the project's evaluation sets, and only for the intents each
/// file annotates. Frozen parts (a split of <c>test</c>, and the frozen-only files) are never read.
/// </summary>
public static class TrainingData
{
    /// <summary>The files read, the split taken from each (null: the file has no split column), and which of the two intents it annotates.</summary>
    public static IReadOnlyList<(string File, string? Split, bool AnnotatesComplaint, bool AnnotatesChurn)> Files { get; } =
    [
        ("complaints-model-posts.tsv", "dev", true, true),
        ("complaints-tweets-dev.tsv", "dev", true, false),
        ("complaints-varied-dev.tsv", "dev", true, true),
        ("intent-addressed-complaints.tsv", "dev", true, false),
        ("intent-posts.tsv", "dev", true, true),
        ("intent-eval.tsv", null, true, true),
        ("complaints-churn-dev.tsv", "dev", true, true),
        ("churn-voices.tsv", "dev", false, true),
        ("complaints-industries.tsv", "dev", true, false),
        ("churn-addressed.tsv", "dev", false, true),
        ("complaints-shapes.tsv", "dev", true, false),
        ("intent-company-shapes-dev.tsv", "dev", true, true),
        ("intent-lookalikes-dev.tsv", "dev", true, false),
    ];

    /// <summary>Gets the intent of each label name the data files use.</summary>
    public static IReadOnlyDictionary<string, IntentLabel> LabelNames { get; } = new Dictionary<string, IntentLabel>(StringComparer.Ordinal)
    {
        ["complaint"] = IntentLabel.Complaint,
        ["churn"] = IntentLabel.ChurnRisk,
        ["question"] = IntentLabel.Question,
        ["purchase"] = IntentLabel.PurchaseIntent,
        ["praise"] = IntentLabel.Praise,
        ["jobseeking"] = IntentLabel.JobSeeking,
        ["hiring"] = IntentLabel.Hiring,
        ["referral"] = IntentLabel.Referral,
    };

    /// <summary>Reads the training posts of one intent, in file order.</summary>
    /// <param name="directory">The directory of the evaluation sets.</param>
    /// <param name="label">The intent: each reads only the files that annotate it.</param>
    /// <returns>The posts.</returns>
    public static List<TrainingPost> Load(string directory, IntentLabel label)
    {
        var posts = new List<TrainingPost>();
        var features = new SortedDictionary<int, float>();
        var phrases = new Dictionary<int, string>();
        var rulesOnly = new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false };
        var collector = new RuleIntentDetector(rulesOnly, (ReadOnlySpan<char> normalized, in RuleSignals read) =>
        {
            var sink = new CollectingSink(features, phrases, normalized.ToString());
            IntentModelFeatures.Read(normalized, read, ref sink);
        });
        foreach (var (file, split, annotatesComplaint, annotatesChurn) in Files)
        {
            if (!(label == IntentLabel.ChurnRisk ? annotatesChurn : annotatesComplaint))
            {
                continue;
            }

            foreach (var line in File.ReadLines(Path.Combine(directory, file)))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var fields = line.Split('\t');
                if (fields.Length != (split is null ? 2 : 3))
                {
                    throw new InvalidDataException($"Malformed line in {file}: {line}");
                }

                if (split is not null && fields[0] != split)
                {
                    continue;
                }

                features.Clear();
                phrases.Clear();
                var labels = fields[^2] == "none" ? new HashSet<IntentLabel>() : fields[^2].Split(',').Select(name => LabelNames[name]).ToHashSet();
                var hits = collector.Detect(fields[^1], "en");
                posts.Add(new TrainingPost(
                    [.. features.Keys],
                    [.. features.Values],
                    [.. features.Keys.Select(index => phrases.GetValueOrDefault(index, string.Empty))],
                    labels,
                    hits.Any(hit => hit.Label == IntentLabel.Complaint),
                    hits.Any(hit => hit.Label == IntentLabel.ChurnRisk),
                    file));
            }
        }

        return posts;
    }

    private readonly struct CollectingSink(SortedDictionary<int, float> features, Dictionary<int, string> phrases, string text) : IIntentFeatureSink
    {
        public void Add(int index, float value, int start, int end)
        {
            if (value != 0)
            {
                features[index] = features.GetValueOrDefault(index) + value;
                if (start >= 0)
                {
                    phrases[index] = text[start..end];
                }
            }
        }
    }
}
