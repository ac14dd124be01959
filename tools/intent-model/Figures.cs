using System.Globalization;

namespace Monitro.IntentModelTraining;

/// <summary>Precision, recall and F1 of a decision on labelled posts.</summary>
/// <param name="TruePositives">Posts with the intent that were found.</param>
/// <param name="FalsePositives">Posts without it that were found.</param>
/// <param name="FalseNegatives">Posts with it that were missed.</param>
public readonly record struct Figures(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Gets the precision.</summary>
    public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);

    /// <summary>Gets the recall.</summary>
    public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);

    /// <summary>Gets the F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts a decision on posts.</summary>
    /// <param name="posts">The posts.</param>
    /// <param name="expected">Whether a post has the intent.</param>
    /// <param name="found">Whether the decision finds it in the post of an index.</param>
    /// <returns>The figures.</returns>
    public static Figures Of(IReadOnlyList<TrainingPost> posts, Func<TrainingPost, bool> expected, Func<int, bool> found)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(found);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var e = expected(posts[i]);
            var f = found(i);
            truePositives += e && f ? 1 : 0;
            falsePositives += !e && f ? 1 : 0;
            falseNegatives += e && !f ? 1 : 0;
        }

        return new Figures(truePositives, falsePositives, falseNegatives);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"precision {Precision:F3}, recall {Recall:F3}, F1 {F1:F3}");
}
