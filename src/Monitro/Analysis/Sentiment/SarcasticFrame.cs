namespace Monitro.Analysis.Sentiment;

/// <summary>
/// Thanks and eagerness said of a trouble are sarcasm: "thanks for the update that broke everything", "can't wait to be
/// on hold for another hour". A post that opens with such a frame reads like an ironic opening clause: when the rest of
/// its first sentence is negative and praises nothing, the frame's praise is read as its opposite. Thanks for help with
/// a trouble praises the help ("thanks for your help when my car broke down") and stays thanks. Relief ("so glad the storm
/// missed us") is not a frame: it is glad of a trouble avoided.
/// </summary>
internal static class SarcasticFrame
{
    // The frames, as their first words: the praise word is the first unit with a positive valence among them.
    private static readonly string[][] Frames =
    [
        ["thanks", "for"],
        ["thank", "you", "for"],
        ["can't", "wait", "to"],
        ["cant", "wait", "to"],
        ["cannot", "wait", "to"],
    ];

    /// <summary>Returns whether an English text opens with a frame of thanks or eagerness ("thanks for …", "thank you for …", "can't wait to …").</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <returns><see langword="true"/> when the first words, in one clause, are those of a frame.</returns>
    public static bool Opens(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens)
    {
        foreach (var frame in Frames)
        {
            if (OpensWith(text, tokens, frame))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OpensWith(ReadOnlySpan<char> text, ReadOnlySpan<SentimentToken> tokens, string[] frame)
    {
        if (tokens.Length <= frame.Length)
        {
            return false;
        }

        for (var i = 0; i < frame.Length; i++)
        {
            if ((i > 0 && tokens[i].StartsClause) || !text.Slice(tokens[i].Start, tokens[i].Length).Equals(frame[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return !tokens[frame.Length].StartsClause;
    }
}
