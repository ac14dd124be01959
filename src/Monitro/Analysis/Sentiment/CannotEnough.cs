namespace Monitro.Analysis.Sentiment;

/// <summary>
/// "I can't recommend them enough", "couldn't thank you enough": a "can't" answered by "enough" later in its clause is
/// praise beyond words, not a negation, so it strengthens the words it would otherwise flip.
/// </summary>
internal static class CannotEnough
{
    private const int Reach = 6;

    /// <summary>Returns whether the token at <paramref name="index"/> is "can't", "cannot" or "couldn't" and "enough" follows it in the same clause.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="index">The index of the negation token.</param>
    /// <returns><see langword="true"/> when the negation is emphasis.</returns>
    public static bool Matches(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index)
    {
        var word = text.Slice(tokens[index].Start, tokens[index].Length);
        if (!word.Equals("can't", StringComparison.OrdinalIgnoreCase) && !word.Equals("cannot", StringComparison.OrdinalIgnoreCase)
            && !word.Equals("cant", StringComparison.OrdinalIgnoreCase) && !word.Equals("couldn't", StringComparison.OrdinalIgnoreCase)
            && !word.Equals("couldnt", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = index + 2; i < tokens.Length && i <= index + Reach; i++)
        {
            if (tokens[i].StartsClause)
            {
                return false;
            }

            if (text.Slice(tokens[i].Start, tokens[i].Length).Equals("enough", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
