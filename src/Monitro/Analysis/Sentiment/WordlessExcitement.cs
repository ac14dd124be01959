namespace Monitro.Analysis.Sentiment;

/// <summary>
/// An English post that names no feeling but exclaims ("weekend!!", "found a flat!!! tiny but mine", "first strawberries
/// from the garden!!") shares good news far more often than bad: people exclaim over what they are glad of, while trouble
/// comes with its own words ("stuck in traffic AGAIN!!"). Such a post reads as mild excitement, unless it asks (a question
/// mark) or denies (a negation: "no!!", "not today!").
/// </summary>
internal static class WordlessExcitement
{
    /// <summary>Returns whether a post without sentiment words reads as excitement.</summary>
    /// <param name="text">The text as written.</param>
    /// <param name="units">Its units.</param>
    /// <returns><see langword="true"/> when the text has an exclamation mark, no question mark and no negation.</returns>
    public static bool Applies(string text, ReadOnlySpan<SentimentUnit> units)
    {
        if (!text.Contains('!', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var unit in units)
        {
            if (unit.Kind == SentimentUnitKind.Negation)
            {
                return false;
            }
        }

        return true;
    }
}
