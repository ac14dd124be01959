using System.Globalization;

namespace Monitro.SentimentSweep;

/// <summary>What the built-in English analyzer makes of a word on its own.</summary>
/// <param name="Kind"><c>lexicon</c> (an entry, possibly rated 0), <c>derived</c> (read through an ending, a prefix, an
/// elongation or a mask, or a rule that scores the word alone), <c>rule</c> (a booster, dampener, negation or "but"),
/// or <c>none</c>.</param>
/// <param name="Valence">The valence read (for <c>lexicon</c> and <c>derived</c>), otherwise 0.</param>
internal sealed record WordReading(string Kind, double Valence)
{
    /// <summary>Gets whether the analyzer neither rates the word nor uses it as a rule word.</summary>
    public bool IsUnrated => Kind == "none";

    /// <summary>Reads the form <see cref="ToString"/> writes.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The reading.</returns>
    public static WordReading Parse(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? new WordReading(text, 0)
            : new WordReading(text[..space], double.Parse(text[(space + 1)..], CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Kind is "lexicon" or "derived" ? string.Create(CultureInfo.InvariantCulture, $"{Kind} {Valence:0.##}") : Kind;
}
