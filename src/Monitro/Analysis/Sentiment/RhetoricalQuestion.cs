namespace Monitro.Analysis.Sentiment;

/// <summary>
/// A sentence that opens with "why", "how come" or "who thought" (and the like) is mostly a complaint put as a question
/// ("why is every road being dug up at once?", "why do I have to call 5 times to cancel?", "who thought removing the
/// export button was a good idea??"): its sentiment lies in the question itself, and a word of praise inside it is
/// questioned, not given ("why does it take 3 emails to get a simple answer").
/// </summary>
internal static class RhetoricalQuestion
{
    // "who decided meetings at 8am were a good idea": the praise is someone else's, and the writer doubts it.
    private static readonly string[] DoubtedJudges = ["thought", "decided", "designed", "approved"];

    /// <summary>Returns whether an English text opens as a complaining question ("why …", "how come …", but not "why not").</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <returns><see langword="true"/> when the first words are "why" (not followed by "not"), "how come", "who thought" or the like, or "whose idea".</returns>
    public static bool Opens(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens) => OpensAt(text, tokens, 0);

    /// <summary>Returns whether the sentence whose first token is at <paramref name="index"/> opens as a complaining question.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="index">The index of the sentence's first token.</param>
    /// <returns><see langword="true"/> when the sentence opens with "why" (not "why not"), "how come", "who thought", "who decided", "who designed", "who approved" or "whose idea".</returns>
    public static bool OpensAt(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, int index)
    {
        if (index + 1 >= tokens.Length || tokens[index + 1].StartsSentence)
        {
            return false;
        }

        var first = text.Slice(tokens[index].Start, tokens[index].Length);
        var second = text.Slice(tokens[index + 1].Start, tokens[index + 1].Length);
        if (first.Equals("why", StringComparison.OrdinalIgnoreCase))
        {
            return !second.Equals("not", StringComparison.OrdinalIgnoreCase);
        }

        if (first.Equals("how", StringComparison.OrdinalIgnoreCase))
        {
            return second.Equals("come", StringComparison.OrdinalIgnoreCase);
        }

        if (first.Equals("whose", StringComparison.OrdinalIgnoreCase))
        {
            return second.Equals("idea", StringComparison.OrdinalIgnoreCase);
        }

        if (!first.Equals("who", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var judge in DoubtedJudges)
        {
            if (second.Equals(judge, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
