namespace Monitro.Analysis.Sentiment;

/// <summary>
/// An English question that asks for something ("anyone know a good dentist?", "where's the best place to get a screen
/// fixed?", "any good podcasts?") names a quality it is looking for; it gives no opinion, so its one mild word of praise
/// is part of the request.
/// </summary>
internal static class RequestQuestion
{
    private static readonly string[] Openers =
    [
        "anyone", "anybody", "any", "where", "where's", "wheres", "which", "what", "what's", "whats", "does", "do", "can",
        "could", "know", "need", "recommendations", "recommend", "recs", "suggestions", "looking",
    ];

    /// <summary>Returns whether an English text opens with a word that asks for something ("anyone", "where", "which", "recommendations").</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <returns><see langword="true"/> when the first word asks.</returns>
    public static bool Opens(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens)
    {
        if (tokens.Length < 2)
        {
            return false;
        }

        var first = text.Slice(tokens[0].Start, tokens[0].Length);
        foreach (var opener in Openers)
        {
            if (first.Equals(opener, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
