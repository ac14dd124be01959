namespace Monitro.Analysis.Sentiment;

/// <summary>
/// English words of concession: "although", "though" (and "altho", "tho", "even though") concede what they open ("the
/// coffee was good, though the toast was an afterthought"); at the end of a clause "though" only adds emphasis ("what a
/// match though!!", "delivery was late though") and weighs nothing.
/// </summary>
internal static class Concession
{
    /// <summary>Gets the role of the token at <paramref name="index"/> when it is a word of concession.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="index">The index of the token.</param>
    /// <param name="kind">Receives <see cref="SentimentUnitKind.Concession"/>, or <see cref="SentimentUnitKind.Word"/> for a
    /// word of concession that ends its clause.</param>
    /// <returns><see langword="true"/> when the token is a word of concession.</returns>
    public static bool TryRead(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index, out SentimentUnitKind kind)
    {
        var word = text.Slice(tokens[index].Start, tokens[index].Length);
        if (!word.Equals("although", StringComparison.OrdinalIgnoreCase) && !word.Equals("though", StringComparison.OrdinalIgnoreCase)
            && !word.Equals("altho", StringComparison.OrdinalIgnoreCase) && !word.Equals("tho", StringComparison.OrdinalIgnoreCase))
        {
            kind = SentimentUnitKind.Word;
            return false;
        }

        kind = index + 1 >= tokens.Length || tokens[index + 1].StartsClause ? SentimentUnitKind.Word : SentimentUnitKind.Concession;
        return true;
    }
}
