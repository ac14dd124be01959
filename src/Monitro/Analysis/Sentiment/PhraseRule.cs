namespace Monitro.Analysis.Sentiment;

/// <summary>A phrase of two or more words that the sentiment rules treat as one unit.</summary>
internal sealed class PhraseRule
{
    /// <summary>Initializes a new instance of the <see cref="PhraseRule"/> class.</summary>
    /// <param name="phrase">The words, separated by single spaces.</param>
    /// <param name="kind">The role of the phrase.</param>
    /// <param name="value">The valence of a <see cref="SentimentUnitKind.Word"/> phrase, or the scalar of any other kind.</param>
    public PhraseRule(string phrase, SentimentUnitKind kind, double value)
    {
        Phrase = phrase;
        Words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Kind = kind;
        Value = value;
    }

    /// <summary>Gets the phrase as written.</summary>
    public string Phrase { get; }

    /// <summary>Gets the words of the phrase.</summary>
    public string[] Words { get; }

    /// <summary>Gets the role of the phrase.</summary>
    public SentimentUnitKind Kind { get; }

    /// <summary>Gets the valence (for a word phrase) or scalar (for boosters and intensifiers).</summary>
    public double Value { get; }
}
