namespace Monitro.Analysis.Sentiment;

/// <summary>
/// Marks the sentiment words a "but" weighs: the part before it counts for less, the part after it for more. The contrast
/// stays within its sentence, so that in a review of several sentences a "but" in the first one does not outweigh
/// the verdict in the last; a "but" opening a sentence contrasts it with the sentence before.
/// </summary>
internal static class ContrastMarks
{
    /// <summary>The unit is not weighed by a "but".</summary>
    public const byte None = 0;

    /// <summary>The unit comes before a "but" it is contrasted with.</summary>
    public const byte Before = 1;

    /// <summary>The unit comes after a "but", in the same sentence.</summary>
    public const byte After = 2;

    /// <summary>Marks each unit as <see cref="None"/>, <see cref="Before"/> or <see cref="After"/> the first "but" of its sentence.</summary>
    /// <param name="units">The units of the text.</param>
    /// <param name="marks">Receives one mark per unit.</param>
    /// <returns>Whether the text has a "but".</returns>
    public static bool Mark(ReadOnlySpan<SentimentUnit> units, Span<byte> marks)
    {
        marks[..units.Length].Clear();
        var found = false;
        var previousSentenceStart = 0;
        var start = 0;
        while (start < units.Length)
        {
            var end = start + 1;
            while (end < units.Length && !units[end].StartsSentence)
            {
                end++;
            }

            var but = FirstBut(units[start..end]);
            if (but >= 0)
            {
                found = true;
                but += start;
                marks[(but == start ? previousSentenceStart : start)..but].Fill(Before);
                marks[(but + 1)..end].Fill(After);
            }

            previousSentenceStart = start;
            start = end;
        }

        return found;
    }

    private static int FirstBut(ReadOnlySpan<SentimentUnit> units)
    {
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i].Kind == SentimentUnitKind.But)
            {
                return i;
            }
        }

        return -1;
    }
}
