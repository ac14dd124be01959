namespace Monitro.Analysis.Sentiment;

/// <summary>
/// A post that opens with "why" or "how come" and names no feeling is mostly a complaint put as a question ("why is every
/// road being dug up at once?", "why do I have to call 5 times to cancel?"): its sentiment lies in the question itself.
/// </summary>
internal static class RhetoricalQuestion
{
    /// <summary>Returns whether an English text opens as a complaining question ("why …", "how come …", but not "why not").</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <returns><see langword="true"/> when the first words are "why" (not followed by "not") or "how come".</returns>
    public static bool Opens(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens)
    {
        if (tokens.Length < 2)
        {
            return false;
        }

        var first = text.Slice(tokens[0].Start, tokens[0].Length);
        var second = text.Slice(tokens[1].Start, tokens[1].Length);
        return first.Equals("why", StringComparison.OrdinalIgnoreCase)
            ? !second.Equals("not", StringComparison.OrdinalIgnoreCase)
            : first.Equals("how", StringComparison.OrdinalIgnoreCase) && second.Equals("come", StringComparison.OrdinalIgnoreCase);
    }
}
