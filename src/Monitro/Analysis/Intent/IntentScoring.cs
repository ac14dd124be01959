namespace Monitro.Analysis.Intent;

/// <summary>
/// How the intents found by score (complaint and churn risk) turn a score into a hit. Their cues are many and weak
/// on their own (a delay, a negation, "my"), so they add up instead of the strongest phrase deciding.
/// </summary>
internal static class IntentScoring
{
    /// <summary>The score at which a text is a complaint: one strong cue, or a medium one with company.</summary>
    public const double ComplaintThreshold = 0.6;

    /// <summary>The score at which a text is a churn risk.</summary>
    public const double ChurnThreshold = 0.7;

    /// <summary>Returns whether an intent is found by score rather than by its strongest phrase.</summary>
    /// <param name="label">The intent.</param>
    /// <returns><see langword="true"/> for complaint and churn risk.</returns>
    public static bool IsScored(IntentLabel label) => label is IntentLabel.Complaint or IntentLabel.ChurnRisk;

    /// <summary>Returns the score an intent needs.</summary>
    /// <param name="label">A scored intent.</param>
    /// <returns>The threshold.</returns>
    public static double Threshold(IntentLabel label) => label == IntentLabel.Complaint ? ComplaintThreshold : ChurnThreshold;

    /// <summary>Maps a score to a confidence: 0.5 at the threshold, rising towards 1 as the score grows past it.</summary>
    /// <param name="label">A scored intent.</param>
    /// <param name="score">Its score in a text.</param>
    /// <returns>A confidence from 0.5 to 1 when the score reaches the threshold.</returns>
    public static double Confidence(IntentLabel label, double score) => 1 - (0.5 * Math.Exp(-(score - Threshold(label))));
}
