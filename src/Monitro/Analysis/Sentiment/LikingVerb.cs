namespace Monitro.Analysis.Sentiment;

/// <summary>
/// "like" is too often a preposition ("looks like rain", "nothing like a roast") to carry sentiment alone, but after a
/// negated auxiliary it can only be the verb: "i really don't like the new logo", "didn't like it", "would not like to
/// be them". Read there, it is a dislike, as a negated expected event is a trouble.
/// </summary>
internal static class LikingVerb
{
    private static readonly string[] NegatedAuxiliaries =
        ["don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "won't", "wont", "wouldn't", "wouldnt", "never"];

    private static readonly string[] Auxiliaries = ["do", "does", "did", "would", "will"];

    // Adverbs that may stand between the negation and the verb ("don't really like", "never even liked").
    private static readonly string[] Adverbs = ["really", "just", "even", "actually", "particularly", "much", "ever"];

    /// <summary>Returns whether the token at <paramref name="index"/> is "like" after a negated auxiliary in its clause.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="index">The index of the token.</param>
    /// <returns><see langword="true"/> for the verb "like" negated by "don't", "didn't", "won't", "never", "do not" and the like.</returns>
    public static bool IsNegatedVerb(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index)
    {
        if (!Word(text, tokens, index).Equals("like", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var before = index - 1;
        if (before >= 0 && !tokens[before + 1].StartsClause && IsOneOf(Word(text, tokens, before), Adverbs))
        {
            before--;
        }

        if (before < 0 || tokens[before + 1].StartsClause)
        {
            return false;
        }

        var negation = Word(text, tokens, before);
        if (IsOneOf(negation, NegatedAuxiliaries))
        {
            return true;
        }

        return negation.Equals("not", StringComparison.OrdinalIgnoreCase) && before > 0 && !tokens[before].StartsClause
            && IsOneOf(Word(text, tokens, before - 1), Auxiliaries);
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index) =>
        text.Slice(tokens[index].Start, tokens[index].Length);

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
