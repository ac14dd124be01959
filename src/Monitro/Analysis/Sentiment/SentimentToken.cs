namespace Monitro.Analysis.Sentiment;

/// <summary>A word, emoticon or emoji of a text, as a range of the normalized text.</summary>
/// <param name="Start">The index of the first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="IsCaps">Whether the token has two or more letters, all in capitals.</param>
/// <param name="StartsClause">Whether clause punctuation (. , ; : ! ?), or the end of a hashtag read as words, separates the token from the one before.</param>
/// <param name="IsSymbol">Whether the token has no letters (an emoji or an emoticon such as <c>:(</c>).</param>
/// <param name="StartsSentence">Whether sentence punctuation (. ! ?) separates the token from the one before.</param>
internal readonly record struct SentimentToken(int Start, int Length, bool IsCaps, bool StartsClause, bool IsSymbol, bool StartsSentence = false);
