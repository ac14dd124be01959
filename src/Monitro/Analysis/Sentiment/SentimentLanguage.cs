namespace Monitro;

/// <summary>A lexicon and rule words for one language, added through <see cref="SentimentOptions.Languages"/>.</summary>
/// <remarks>For a language with built-in resources (German, Spanish, French, Portuguese) the entries extend and override the built-in ones.</remarks>
public sealed class SentimentLanguage
{
    /// <summary>Gets the terms of the language with their ratings from -4 to +4; a term may be a phrase.</summary>
    /// <value>The default is empty. Terms are compared case-insensitively.</value>
    public IDictionary<string, double> Lexicon { get; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the words that negate the sentiment words after them (German <c>nicht</c>, <c>kein</c>).</summary>
    /// <value>The default is empty.</value>
    public ISet<string> Negations { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the words that make the next sentiment word stronger (German <c>sehr</c>).</summary>
    /// <value>The default is empty.</value>
    public ISet<string> Boosters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the words that make the next sentiment word weaker (German <c>etwas</c>).</summary>
    /// <value>The default is empty.</value>
    public ISet<string> Dampeners { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
