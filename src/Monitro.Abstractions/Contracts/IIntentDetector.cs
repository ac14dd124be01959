namespace Monitro;

/// <summary>Finds what the author of a text wants (multi-label).</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IIntentDetector
{
    /// <summary>Finds the intents in a text.</summary>
    /// <param name="text">The plain text.</param>
    /// <param name="language">The BCP 47 language of the text, or <see langword="null"/> when unknown.</param>
    /// <returns>The intents found, each with the phrase that fired it; empty when none.</returns>
    IReadOnlyList<IntentHit> Detect(string text, string? language = null);
}
