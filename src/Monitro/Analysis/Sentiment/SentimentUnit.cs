namespace Monitro.Analysis.Sentiment;

/// <summary>A word or phrase with its role in the sentiment rules.</summary>
/// <param name="Kind">The role.</param>
/// <param name="Valence">The lexicon valence (0 for words the lexicon does not know and for non-word roles).</param>
/// <param name="Scalar">The booster increment or intensifier multiplier.</param>
/// <param name="IsCaps">Whether the word is written in capitals.</param>
/// <param name="StartsClause">Whether clause punctuation separates the unit from the one before.</param>
/// <param name="IsSymbol">Whether the unit is an emoji or emoticon: it shows the writer's mood, so a negation before it does not flip it.</param>
/// <param name="StartsSentence">Whether sentence punctuation (. ! ?) separates the unit from the one before.</param>
/// <param name="FollowsText">Whether the unit is an emoji of overwhelm (😭, 🥺, 😱, 💀) whose direction follows the rest of the text.</param>
/// <param name="Questioned">Whether the unit stands in a sentence that opens as a complaining question ("why …", "who thought …"; see <see cref="RhetoricalQuestion"/>), where praise is doubted rather than given.</param>
internal readonly record struct SentimentUnit(SentimentUnitKind Kind, double Valence, double Scalar, bool IsCaps, bool StartsClause, bool IsSymbol = false, bool StartsSentence = false, bool FollowsText = false, bool Questioned = false);
