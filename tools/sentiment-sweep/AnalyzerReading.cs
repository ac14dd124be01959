namespace Monitro.SentimentSweep;

/// <summary>Asks the built-in English analyzer what it makes of single words.</summary>
internal sealed class AnalyzerReading
{
    // The compound is x / sqrt(x² + alpha); a word alone scores its valence, so the valence is read back from it.
    private const double NormalizationAlpha = 15;

    private readonly LexiconSentimentAnalyzer _analyzer = new(new SentimentOptions { DetectLanguage = false });
    private readonly double _good;

    /// <summary>Initializes a new instance of the <see cref="AnalyzerReading"/> class.</summary>
    public AnalyzerReading() => _good = _analyzer.Analyze("good", "en").Compound;

    /// <summary>Reads a word.</summary>
    /// <param name="word">The word, lower case.</param>
    /// <returns>What the analyzer makes of it.</returns>
    public WordReading Read(string word)
    {
        if (LexiconSentimentAnalyzer.BuiltInLexicon.TryGetValue(word, out var rated))
        {
            return new WordReading("lexicon", rated);
        }

        var alone = _analyzer.Analyze(word, "en").Compound;
        if (alone != 0)
        {
            return new WordReading("derived", Math.Round(alone * Math.Sqrt(NormalizationAlpha / (1 - (alone * alone))), 2));
        }

        // A booster, dampener, negation or "but" changes the word of praise after it.
        return _analyzer.Analyze($"{word} good", "en").Compound != _good ? new WordReading("rule", 0) : new WordReading("none", 0);
    }
}
