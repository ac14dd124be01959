namespace Monitro.Analysis.Sentiment;

/// <summary>
/// Tells which sentiment words a contrast weighs. A "but" makes the part before it count for less and the part after it
/// for more. "Although", "though" and "even though" concede what they open: it counts for less and the point for more,
/// whether they open the sentence ("although the staff were friendly, the food was cold": the conceded clause runs to the
/// next comma) or follow its point ("the coffee was good, though the toast was an afterthought"). The contrast stays within its sentence, so that in a review of several sentences a "but" in the first one
/// does not outweigh the verdict in the last; a "But" opening a sentence contrasts it with the sentence before. Read the
/// units in order, one call per unit, so that no array is needed.
/// </summary>
internal struct ContrastMarks
{
    /// <summary>The unit is not weighed by a contrast.</summary>
    public const byte None = 0;

    /// <summary>The unit is on the side of the contrast that counts for less.</summary>
    public const byte Conceded = 1;

    /// <summary>The unit is on the side of the contrast that counts for more.</summary>
    public const byte Stressed = 2;

    private int _sentenceEnd;
    private int _contrast;
    private int _concededStart;
    private int _concededEnd;
    private bool _nextOpensWithBut;

    /// <summary>Returns whether the text has a contrast ("but", "though", "although").</summary>
    /// <param name="units">The units of the text.</param>
    /// <returns><see langword="true"/> when a unit is a "but" or a concession.</returns>
    public static bool HasContrast(ReadOnlySpan<SentimentUnit> units)
    {
        foreach (var unit in units)
        {
            if (unit.Kind is SentimentUnitKind.But or SentimentUnitKind.Concession)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the mark of the unit at <paramref name="index"/>; call it for every index in order, from 0.</summary>
    /// <param name="units">The units of the text.</param>
    /// <param name="index">The index of the unit.</param>
    /// <returns><see cref="None"/>, <see cref="Conceded"/> or <see cref="Stressed"/>.</returns>
    public byte Next(ReadOnlySpan<SentimentUnit> units, int index)
    {
        if (index == 0 || index >= _sentenceEnd)
        {
            StartSentence(units, index);
        }

        if (_nextOpensWithBut)
        {
            return Conceded;
        }

        return _contrast < 0 || index == _contrast ? None
            : index >= _concededStart && index < _concededEnd ? Conceded
            : Stressed;
    }

    private void StartSentence(ReadOnlySpan<SentimentUnit> units, int start)
    {
        _sentenceEnd = start + 1;
        while (_sentenceEnd < units.Length && !units[_sentenceEnd].StartsSentence)
        {
            _sentenceEnd++;
        }

        _contrast = -1;
        var opening = true;
        for (var i = start; i < _sentenceEnd; i++)
        {
            if (units[i].Kind == SentimentUnitKind.But)
            {
                _contrast = i;
                _concededStart = start;
                _concededEnd = i;
                break;
            }

            if (units[i].Kind == SentimentUnitKind.Concession)
            {
                // The conceded clause runs to the next clause punctuation when the concession opens the sentence (no
                // sentiment word before it), else to the end of the sentence.
                _contrast = i;
                _concededStart = i + 1;
                _concededEnd = i + 1;
                while (_concededEnd < _sentenceEnd && !(opening && units[_concededEnd].StartsClause))
                {
                    _concededEnd++;
                }

                break;
            }

            opening &= units[i].Valence == 0;
        }

        _nextOpensWithBut = _sentenceEnd < units.Length && units[_sentenceEnd].Kind == SentimentUnitKind.But;
    }
}
