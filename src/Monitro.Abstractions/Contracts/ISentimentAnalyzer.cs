namespace Monitro;

/// <summary>Reads the sentiment of a text.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ISentimentAnalyzer
{
    /// <summary>Scores a text.</summary>
    /// <param name="text">The plain text.</param>
    /// <param name="language">The BCP 47 language of the text, or <see langword="null"/> when unknown.</param>
    /// <returns>The score; text in a language the analyzer does not cover gets a neutral score with low confidence.</returns>
    SentimentScore Analyze(string text, string? language = null);
}
