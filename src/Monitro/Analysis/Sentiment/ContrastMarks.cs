namespace Monitro.Analysis.Sentiment;

/// <summary>
/// Tells which sentiment words a "but" weighs: the part before it counts for less, the part after it for more. The contrast
/// stays within its sentence, so that in a review of several sentences a "but" in the first one does not outweigh
/// the verdict in the last; a "but" opening a sentence contrasts it with the sentence before. Read the units in order,
/// one call per unit, so that no array is needed.
/// </summary>
internal struct ContrastMarks
{
    /// <summary>The unit is not weighed by a "but".</summary>
    public const byte None = 0;

    /// <summary>The unit comes before a "but" it is contrasted with.</summary>
    public const byte Before = 1;

    /// <summary>The unit comes after a "but", in the same sentence.</summary>
    public const byte After = 2;

    private int _sentenceEnd;
    private int _but;
    private bool _nextOpensWithBut;

    /// <summary>Returns whether the text has a "but".</summary>
    /// <param name="units">The units of the text.</param>
    /// <returns><see langword="true"/> when a unit is a "but".</returns>
    public static bool HasBut(ReadOnlySpan<SentimentUnit> units)
    {
        foreach (var unit in units)
        {
            if (unit.Kind == SentimentUnitKind.But)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the mark of the unit at <paramref name="index"/>; call it for every index in order, from 0.</summary>
    /// <param name="units">The units of the text.</param>
    /// <param name="index">The index of the unit.</param>
    /// <returns><see cref="None"/>, <see cref="Before"/> or <see cref="After"/>.</returns>
    public byte Next(ReadOnlySpan<SentimentUnit> units, int index)
    {
        if (index == 0 || index >= _sentenceEnd)
        {
            StartSentence(units, index);
        }

        if (_nextOpensWithBut)
        {
            return Before;
        }

        return _but < 0 || index == _but ? None : index > _but ? After : Before;
    }

    private void StartSentence(ReadOnlySpan<SentimentUnit> units, int start)
    {
        _sentenceEnd = start + 1;
        while (_sentenceEnd < units.Length && !units[_sentenceEnd].StartsSentence)
        {
            _sentenceEnd++;
        }

        _but = -1;
        for (var i = start; i < _sentenceEnd; i++)
        {
            if (units[i].Kind == SentimentUnitKind.But)
            {
                _but = i;
                break;
            }
        }

        _nextOpensWithBut = _sentenceEnd < units.Length && units[_sentenceEnd].Kind == SentimentUnitKind.But;
    }
}
