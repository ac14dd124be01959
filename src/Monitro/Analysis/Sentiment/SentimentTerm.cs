namespace Monitro.Analysis.Sentiment;

/// <summary>Everything the sentiment rules know about one word, so a word costs one lookup.</summary>
/// <param name="Valence">The lexicon valence, or 0.</param>
/// <param name="InLexicon">Whether the lexicon has the word itself.</param>
/// <param name="BoosterScalar">The booster (positive) or dampener (negative) increment, or 0.</param>
/// <param name="IsNegation">Whether the word negates what follows.</param>
/// <param name="IsBut">Whether the word is "but".</param>
/// <param name="Phrases">The phrases that start with the word, longest first, or <see langword="null"/>.</param>
internal readonly record struct SentimentTerm(
    double Valence,
    bool InLexicon,
    double BoosterScalar,
    bool IsNegation,
    bool IsBut,
    PhraseRule[]? Phrases);
