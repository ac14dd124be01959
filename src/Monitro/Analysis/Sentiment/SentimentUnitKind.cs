namespace Monitro.Analysis.Sentiment;

/// <summary>The role a word or phrase plays in the sentiment rules.</summary>
internal enum SentimentUnitKind : byte
{
    /// <summary>An ordinary word; it carries a valence when the lexicon knows it.</summary>
    Word = 0,

    /// <summary>A booster or dampener ("very", "kind of") that changes the intensity of a following sentiment word.</summary>
    Booster,

    /// <summary>A negation ("not", "isn't") that flips a following sentiment word.</summary>
    Negation,

    /// <summary>An emphasis that multiplies a following sentiment word ("never so").</summary>
    Intensifier,

    /// <summary>A phrase that looks like a negation but is not one ("without doubt", "at least").</summary>
    Blocker,

    /// <summary>The word "but", which shifts the weight to the clause after it.</summary>
    But,

    /// <summary>
    /// Something expected to happen ("work", "arrive", "reply", "sleep"): it says nothing alone, and is a trouble when a
    /// negation before it says it did not happen ("still hasn't arrived", "didn't sleep at all"). Its scalar is the
    /// valence that the negation turns.
    /// </summary>
    ExpectedEvent,

    /// <summary>A conjunction that ends what a negation or booster before it reaches (Spanish "no hice nada y fue genial").</summary>
    ScopeEnd,

    /// <summary>
    /// "Although", "though" or "even though": what it opens is conceded and counts for less, the rest of the sentence is
    /// the point and counts for more ("although the staff were friendly, the food was cold").
    /// </summary>
    Concession,
}
