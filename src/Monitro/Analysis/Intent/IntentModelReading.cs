namespace Monitro.Analysis.Intent;

/// <summary>The learned model's reading of one text for one intent.</summary>
/// <param name="Probability">The probability that the text has the intent.</param>
/// <param name="PhraseStart">The start of the n-gram that weighed most for the intent, or -1 when none weighed for it.</param>
/// <param name="PhraseEnd">The end of that n-gram.</param>
/// <param name="RulesWeighedMost">Whether the rules' reading (their score, and for a complaint its parts) weighed more than any n-gram (the explanation is then the rules' phrase).</param>
internal readonly record struct IntentModelReading(double Probability, int PhraseStart, int PhraseEnd, bool RulesWeighedMost)
{
    /// <summary>Returns whether the model reports the intent at a threshold.</summary>
    /// <param name="threshold">The threshold on the probability.</param>
    /// <returns><see langword="true"/> at or above it.</returns>
    public bool Reaches(float threshold) => Probability >= threshold;

    /// <summary>Maps the probability to a confidence as the rules do: 0.5 at the threshold, 1 at certainty.</summary>
    /// <param name="threshold">The threshold on the probability.</param>
    /// <returns>The confidence.</returns>
    public double Confidence(float threshold) => 0.5 + (0.5 * (Probability - threshold) / (1 - threshold));
}
