using System.Globalization;
using Monitro.Analysis.Intent;

namespace Monitro.IntentModelTraining;

/// <summary>
/// Trains one learned intent model: chooses the training settings and the decision threshold by five-fold
/// cross-validation on the training posts, then trains on all of them and writes the weights file.
/// </summary>
public static class IntentModelTrainer
{
    private const int Folds = 5;

    // Cross-validated F1 within this of the best counts as equal (0.002 of about 2,500 posts is two or three posts).
    private const double Tie = 0.002;

    private static readonly double[] LearningRates = [0.05, 0.2];
    private static readonly double[] Penalties = [1e-4, 1e-3, 1e-2];

    // Nothing left out; the rules' decision; their score and decision.
    private static readonly int[] RuleFeaturesLeftOut = [0, 1, 2];

    /// <summary>
    /// The settings tried for an intent: learning rates and L2 penalties, each with the rules' yes-or-no decision of the
    /// intent as a feature and without it (then the model reads the rules' score and parts, not their threshold). The
    /// first with the best cross-validated F1 wins.
    /// </summary>
    /// <param name="scoreFeature">The feature of the rules' score of the intent (its decision is the next).</param>
    /// <returns>The settings.</returns>
    public static IReadOnlyList<TrainingSettings> Grid(int scoreFeature) =>
    [
        .. from leftOut in RuleFeaturesLeftOut
           from rate in LearningRates
           from l2 in Penalties
           select new TrainingSettings(Epochs: 20, LearningRate: rate, Decay: 0.2, L2: l2, LeftOutFrom: leftOut == 2 ? scoreFeature : scoreFeature + 1, LeftOutCount: leftOut),
    ];

    /// <summary>Trains the model of one intent.</summary>
    /// <param name="directory">The directory of the evaluation sets.</param>
    /// <param name="label">Complaint or churn risk.</param>
    /// <param name="report">Receives the cross-validated figures.</param>
    /// <returns>The bytes of the weights file.</returns>
    public static byte[] Train(string directory, IntentLabel label, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var posts = TrainingData.Load(directory, label);
        bool IsPositive(TrainingPost post) => post.Labels.Contains(label);
        bool RulesSay(TrainingPost post) => label == IntentLabel.Complaint ? post.RuleComplaint : post.RuleChurn;

        report(Invariant($"{label}: {posts.Count} training posts, {posts.Count(IsPositive)} with the intent"));
        report(Invariant($"{label} rules alone (tuned on these posts): {Figures.Of(posts, IsPositive, i => RulesSay(posts[i]))}"));

        var tried = new List<(TrainingSettings Settings, double[] OutOfFold, double F1)>();
        foreach (var settings in Grid(label == IntentLabel.Complaint ? IntentModelFeatures.ComplaintScoreFeature : IntentModelFeatures.ChurnScoreFeature))
        {
            var outOfFold = CrossValidate(posts, IsPositive, settings);
            var (threshold, f1) = BestThreshold(posts, IsPositive, outOfFold);
            report(Invariant($"{label} {settings}: cross-validated F1 {f1:F3} at {threshold:F2}"));
            tried.Add((settings, outOfFold, f1));
        }

        // A difference of a post or two is no evidence: the first in the grid's order (the fewest features left out,
        // the smaller steps) within Tie of the best wins.
        var bestF1 = tried.Max(t => t.F1);
        var (bestSettings, bestOutOfFold, _) = tried.First(t => t.F1 >= bestF1 - Tie);

        var (chosen, _) = BestThreshold(posts, IsPositive, bestOutOfFold!);
        report(Invariant($"{label} chosen {bestSettings}, threshold {chosen:F2}"));
        report(Invariant($"{label} model, cross-validated: {Figures.Of(posts, IsPositive, i => bestOutOfFold![i] >= chosen)}"));
        report(Invariant($"{label} rules or model, cross-validated: {Figures.Of(posts, IsPositive, i => RulesSay(posts[i]) || bestOutOfFold![i] >= chosen)}"));
        for (var step = 30; step <= 98; step += 4)
        {
            var t = step / 100.0;
            report(Invariant($"{label} rules or model at {t:F2}: {Figures.Of(posts, IsPositive, i => RulesSay(posts[i]) || bestOutOfFold![i] >= t)}; model alone at {t:F2}: {Figures.Of(posts, IsPositive, i => bestOutOfFold![i] >= t)}"));
        }

        report(Invariant($"{label} rules and model, cross-validated: {Figures.Of(posts, IsPositive, i => RulesSay(posts[i]) && bestOutOfFold![i] >= chosen)}"));

        TrainingReport.PerFile(label, posts, IsPositive, RulesSay, bestOutOfFold!, chosen, report);
        var weights = LogisticRegression.Train(posts, IsPositive, IntentModelFeatures.Count, bestSettings!);
        TrainingReport.HeaviestFeatures(label, posts, weights, report);
        var single = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            single[i] = (float)weights[i];
        }

        return LinearIntentModel.Write(single, (float)chosen);
    }

    // Post i is in fold i mod 5: the files interleave industries and forms, so each fold sees all of them.
    private static double[] CrossValidate(List<TrainingPost> posts, Func<TrainingPost, bool> isPositive, TrainingSettings settings)
    {
        var outOfFold = new double[posts.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = posts.Where((_, i) => i % Folds != fold).ToList();
            var weights = LogisticRegression.Train(training, isPositive, IntentModelFeatures.Count, settings);
            for (var i = fold; i < posts.Count; i += Folds)
            {
                outOfFold[i] = LogisticRegression.Probability(weights, posts[i]);
            }
        }

        return outOfFold;
    }

    // The threshold from 0.20 to 0.80 with the best F1; among equals the one nearest 0.5.
    private static (double Threshold, double F1) BestThreshold(List<TrainingPost> posts, Func<TrainingPost, bool> isPositive, double[] probabilities)
    {
        var best = (Threshold: 0.5, F1: -1.0);
        for (var step = 20; step <= 80; step += 2)
        {
            var threshold = step / 100.0;
            var f1 = Figures.Of(posts, isPositive, i => probabilities[i] >= threshold).F1;
            if (f1 > best.F1 + 1e-12 || (Math.Abs(f1 - best.F1) <= 1e-12 && Math.Abs(threshold - 0.5) < Math.Abs(best.Threshold - 0.5)))
            {
                best = (threshold, f1);
            }
        }

        return best;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
