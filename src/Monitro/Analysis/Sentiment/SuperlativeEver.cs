namespace Monitro.Analysis.Sentiment;

/// <summary>
/// "ever" after a superlative in the same sentence is emphasis: "the rudest people i've ever met", "best gig ever",
/// "the worst film i've ever seen" say more than "rude", "best" or "worst" alone. Such a superlative's valence is
/// multiplied by <see cref="SentimentRules.SuperlativeEverScalar"/>.
/// </summary>
internal static class SuperlativeEver
{
    /// <summary>Returns whether the word at <paramref name="index"/> is a superlative that "ever" follows in its sentence.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="index">The index of the word, a sentiment word.</param>
    /// <returns><see langword="true"/> for "best", "worst", a word in <c>-est</c> or a word after "most", with "ever" later in the sentence.</returns>
    public static bool Applies(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index)
    {
        var word = Word(text, tokens, index);
        var superlative = word.Equals("best", StringComparison.OrdinalIgnoreCase) || word.Equals("worst", StringComparison.OrdinalIgnoreCase)
            || (word.Length >= 5 && word.EndsWith("est", StringComparison.OrdinalIgnoreCase))
            || (index > 0 && !tokens[index].StartsClause && Word(text, tokens, index - 1).Equals("most", StringComparison.OrdinalIgnoreCase));
        if (!superlative)
        {
            return false;
        }

        for (var j = index + 1; j < tokens.Length && !tokens[j].StartsSentence; j++)
        {
            if (Word(text, tokens, j).Equals("ever", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index) =>
        text.Slice(tokens[index].Start, tokens[index].Length);
}
