namespace Monitro;

/// <summary>The sentiment of a text.</summary>
/// <param name="Compound">The normalized score, from -1 (most negative) to +1 (most positive).</param>
/// <param name="Label">The class the score falls into.</param>
/// <param name="Confidence">How much the analyzer trusts the score, from 0 to 1 (low for languages it does not cover).</param>
public sealed record SentimentScore(double Compound, SentimentLabel Label, double Confidence)
{
    /// <summary>Gets a neutral score with no confidence, for text that was not or could not be analyzed.</summary>
    public static SentimentScore Unknown { get; } = new(0, SentimentLabel.Neutral, 0);
}
