namespace Monitro.SentimentSweep;

/// <summary>A swept word and its rating by hand.</summary>
/// <param name="Word">The word, lower case.</param>
/// <param name="Source"><c>words</c> (the segmenter's vocabulary), <c>social</c> (the social-text tokens) or <c>both</c>.</param>
/// <param name="Reading">What the analyzer makes of it now.</param>
/// <param name="Rating">The rating by hand, -4..+4 (0: neutral, left out of the lexicon), or <see langword="null"/> before review.</param>
/// <param name="Class">The lexicon class a polar word was added under, <c>sense</c> for a word whose sentiment depends on its sense, or <c>dev</c> for a word added later with a class found on the dev parts of the evaluation sets.</param>
/// <param name="Note">Why, where it is not plain (a sense-dependent word: whether a rule reads it or it stays out).</param>
internal sealed record ReviewEntry(string Word, string Source, WordReading Reading, double? Rating, string Class, string Note);
