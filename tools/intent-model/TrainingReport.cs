using System.Globalization;
using System.Text.RegularExpressions;
using Monitro.Analysis.Intent;

namespace Monitro.IntentModelTraining;

/// <summary>
/// What the trainer prints besides the choice of settings: the out-of-fold figures of each training set (the dev
/// figures of the learned models, since a model scores its own training posts near perfectly), and the features that
/// weigh most, so a model that learned a shortcut ("@brand" and a negative word) shows it. An n-gram is shown as the
/// features read it: any handle as <c>@</c>, any link as <c>http</c>, a run of digits as <c>0</c>, so one post's
/// handle is not mistaken for a memorised one.
/// </summary>
public static partial class TrainingReport
{
    private const int HeaviestShown = 25;

    /// <summary>Prints, per training file, the rules' and the model's out-of-fold precision, recall and F1.</summary>
    /// <param name="label">The intent.</param>
    /// <param name="posts">The training posts.</param>
    /// <param name="isPositive">Whether a post has the intent.</param>
    /// <param name="rulesSay">Whether the rules alone find it.</param>
    /// <param name="outOfFold">Each post's probability from the model trained without its fold.</param>
    /// <param name="threshold">The chosen threshold.</param>
    /// <param name="report">Receives the lines.</param>
    public static void PerFile(IntentLabel label, IReadOnlyList<TrainingPost> posts, Func<TrainingPost, bool> isPositive, Func<TrainingPost, bool> rulesSay, double[] outOfFold, double threshold, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var file in posts.Select(post => post.File).Distinct())
        {
            var indexes = Enumerable.Range(0, posts.Count).Where(i => posts[i].File == file).ToList();
            var inFile = indexes.Select(i => posts[i]).ToList();
            var model = Figures.Of(inFile, isPositive, k => outOfFold[indexes[k]] >= threshold);
            var rules = Figures.Of(inFile, isPositive, k => rulesSay(inFile[k]));
            report(Invariant($"{label} out-of-fold {file}: {inFile.Count} posts, {inFile.Count(isPositive)} with the intent; rules {rules}, false alarms {rules.FalsePositives}; model {model}, false alarms {model.FalsePositives}"));
        }
    }

    /// <summary>Prints the features with the largest weights for and against the intent, each n-gram by the words it was read from most often.</summary>
    /// <param name="label">The intent.</param>
    /// <param name="posts">The training posts.</param>
    /// <param name="weights">The trained weights.</param>
    /// <param name="report">Receives the lines.</param>
    public static void HeaviestFeatures(IntentLabel label, IReadOnlyList<TrainingPost> posts, double[] weights, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(report);
        var names = new Dictionary<int, Dictionary<string, int>>();
        foreach (var post in posts)
        {
            for (var k = 0; k < post.Indexes.Length; k++)
            {
                if (post.Phrases[k].Length > 0)
                {
                    var counts = names.TryGetValue(post.Indexes[k], out var known) ? known : names[post.Indexes[k]] = [];
                    var shown = Folded(post.Phrases[k]);
                    counts[shown] = counts.GetValueOrDefault(shown) + 1;
                }
            }
        }

        string Name(int index) => index >= IntentModelFeatures.Buckets
            ? "[" + IntentModelFeatures.RuleFeatureNames[index - IntentModelFeatures.Buckets] + "]"
            : names.TryGetValue(index, out var counts) ? "\"" + counts.MaxBy(pair => (pair.Value, pair.Key)).Key + "\"" : "(unseen)";

        for (var r = 0; r < IntentModelFeatures.RuleFeatures; r++)
        {
            report(Invariant($"{label} weight {weights[IntentModelFeatures.Buckets + r],7:F3} {Name(IntentModelFeatures.Buckets + r)}"));
        }

        var ranked = Enumerable.Range(0, IntentModelFeatures.Buckets).OrderByDescending(i => weights[i]).ToList();
        foreach (var i in ranked.Take(HeaviestShown))
        {
            report(Invariant($"{label} weight {weights[i],7:F3} for {Name(i)}"));
        }

        foreach (var i in Enumerable.Reverse(ranked).Take(HeaviestShown))
        {
            report(Invariant($"{label} weight {weights[i],7:F3} against {Name(i)}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Folded(string phrase) => Digits().Replace(Handle().Replace(Link().Replace(phrase, "http"), "@"), "0");

    [GeneratedRegex(@"https?://\S*")]
    private static partial Regex Link();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Handle();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
