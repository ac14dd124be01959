using System.Collections.Frozen;

namespace Monitro.Analysis.Sentiment;

/// <summary>The words that steer the sentiment rules in one language: negations, boosters, "but" and the idioms.</summary>
internal sealed class LanguageRules
{
    private const int Ascii = 128;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _negationLookup;
    private readonly string[] _negationSuffixes;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _postNegationLookup;

    // The endings a word whose last character is ASCII may have, in the order of Suffixes: an unknown word tries only
    // the few whose last letter is its own instead of every ending of the language.
    private readonly (string Ending, string Replacement)[][] _suffixesByAsciiLast;

    /// <summary>Initializes a new instance of the <see cref="LanguageRules"/> class.</summary>
    /// <param name="negations">The words that negate what follows.</param>
    /// <param name="negationPrefixes">Word beginnings that make a word a negation (French <c>n'</c>).</param>
    /// <param name="negationSuffixes">Word endings that make a word a negation (English <c>n't</c>).</param>
    /// <param name="boosters">The boosters (positive increment) and dampeners (negative increment).</param>
    /// <param name="butWords">The words that shift the weight to the clause after them.</param>
    /// <param name="idioms">The phrases with a fixed role.</param>
    /// <param name="suffixes">Endings tried when a word is not in the lexicon: the ending and what replaces it.</param>
    /// <param name="elisions">Elided articles and pronouns glued to a word (<c>l'</c>, <c>j'</c>), read past when the whole word is unknown.</param>
    /// <param name="oppositePrefixes">Word beginnings that make a word the opposite of the rest (English <c>un</c>, <c>dis</c>), tried when the whole word is unknown.</param>
    /// <param name="minimumStemLength">The shortest stem an ending or an opposite prefix may leave: shorter stems are too ambiguous to read.</param>
    /// <param name="postNegations">Negations that also negate the sentiment word just before them (French <c>j'aime pas</c>, German <c>gefällt mir nicht</c>).</param>
    /// <param name="titleCaseNames">Whether words in title case beside another such word inside a sentence are read as a name (Spanish <c>Porto Alegre</c>, <c>Semana Grande</c>); off where nouns are capitalized (German).</param>
    /// <param name="folds">Letters written another way when accents are left out (<c>é</c> as <c>e</c>, German <c>ü</c> as <c>ue</c>), so a word is found either way.</param>
    public LanguageRules(
        IEnumerable<string> negations,
        IEnumerable<string> negationPrefixes,
        IEnumerable<string> negationSuffixes,
        IReadOnlyDictionary<string, double> boosters,
        IEnumerable<string> butWords,
        IReadOnlyList<PhraseRule> idioms,
        IReadOnlyList<(string Ending, string Replacement)> suffixes,
        IEnumerable<string> elisions,
        IEnumerable<string>? oppositePrefixes = null,
        int minimumStemLength = 3,
        IReadOnlyDictionary<char, string>? folds = null,
        IEnumerable<string>? postNegations = null,
        bool titleCaseNames = false)
    {
        Negations = negations.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _negationLookup = Negations.GetAlternateLookup<ReadOnlySpan<char>>();
        NegationPrefixes = [.. negationPrefixes];
        _negationSuffixes = [.. negationSuffixes];
        Boosters = boosters.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        ButWords = butWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Idioms = idioms;
        Suffixes = [.. suffixes.OrderByDescending(suffix => suffix.Ending.Length)];
        _suffixesByAsciiLast = new (string Ending, string Replacement)[Ascii][];
        for (var last = 0; last < Ascii; last++)
        {
            _suffixesByAsciiLast[last] = [.. Suffixes.Where(suffix => MayEndWith(suffix.Ending, (char)last))];
        }

        Elisions = [.. elisions];
        OppositePrefixes = [.. oppositePrefixes ?? []];
        MinimumStemLength = minimumStemLength;
        Folds = folds?.ToFrozenDictionary() ?? FrozenDictionary<char, string>.Empty;
        PostNegations = (postNegations ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _postNegationLookup = PostNegations.GetAlternateLookup<ReadOnlySpan<char>>();
        TitleCaseNames = titleCaseNames;
    }

    /// <summary>Gets the rules of English.</summary>
    public static LanguageRules English { get; } = new(
        SentimentRules.Negations,
        [],
        ["n't"],
        SentimentRules.Boosters,
        ["but"],
        SentimentRules.Idioms,
        SentimentRules.WordEndings,
        [],
        SentimentRules.OppositePrefixes,
        SentimentRules.MinimumStemLength);

    /// <summary>Gets the words that negate what follows.</summary>
    public FrozenSet<string> Negations { get; }

    /// <summary>Gets the word beginnings that make a word a negation.</summary>
    public string[] NegationPrefixes { get; }

    /// <summary>Gets the boosters and dampeners.</summary>
    public FrozenDictionary<string, double> Boosters { get; }

    /// <summary>Gets the words that shift the weight to the clause after them.</summary>
    public FrozenSet<string> ButWords { get; }

    /// <summary>Gets the phrases with a fixed role.</summary>
    public IReadOnlyList<PhraseRule> Idioms { get; }

    /// <summary>Gets the endings tried for unknown words, longest first.</summary>
    public (string Ending, string Replacement)[] Suffixes { get; }

    /// <summary>Gets the endings of <see cref="Suffixes"/> that a word may end with, in the same order: those whose last character is the word's, case aside.</summary>
    /// <param name="word">The word (not empty).</param>
    /// <returns>The endings; every other ending of <see cref="Suffixes"/> cannot end the word.</returns>
    public ReadOnlySpan<(string Ending, string Replacement)> SuffixesFor(ReadOnlySpan<char> word) =>
        word.Length > 0 && word[^1] < Ascii ? _suffixesByAsciiLast[word[^1]] : Suffixes;

    /// <summary>Gets the elided words read past at the start of an unknown word.</summary>
    public string[] Elisions { get; }

    /// <summary>Gets the word beginnings that make an unknown word the opposite of the rest.</summary>
    public string[] OppositePrefixes { get; }

    /// <summary>Gets the shortest stem an ending or an opposite prefix may leave.</summary>
    public int MinimumStemLength { get; }

    /// <summary>Gets a value indicating whether words in title case beside another such word inside a sentence are read as a name, without sentiment.</summary>
    public bool TitleCaseNames { get; }

    /// <summary>Gets the negations that also negate the sentiment word just before them when no sentiment word follows them.</summary>
    public FrozenSet<string> PostNegations { get; }

    /// <summary>Returns whether a negation may negate the sentiment word before it (French <c>j'aime pas</c>).</summary>
    /// <param name="word">The negation.</param>
    /// <returns><see langword="true"/> when the language's negation can follow what it negates.</returns>
    public bool IsPostNegation(ReadOnlySpan<char> word) => PostNegations.Count != 0 && _postNegationLookup.Contains(word);

    /// <summary>Gets the letters written another way when accents are left out, and how they are written then.</summary>
    public FrozenDictionary<char, string> Folds { get; }

    /// <summary>Writes a word the way it is written without accents (<c>pésimo</c> → <c>pesimo</c>).</summary>
    /// <param name="word">The word.</param>
    /// <param name="destination">Receives the folded word; it must hold at least twice the word's length.</param>
    /// <param name="length">Receives the length of the folded word.</param>
    /// <returns><see langword="true"/> when a letter was folded; <see langword="false"/> leaves the destination undefined.</returns>
    public bool TryFold(ReadOnlySpan<char> word, Span<char> destination, out int length)
    {
        length = 0;
        if (Folds.Count == 0 || System.Text.Ascii.IsValid(word))
        {
            return false;
        }

        var folded = false;
        foreach (var c in word)
        {
            if (Folds.TryGetValue(char.ToLowerInvariant(c), out var replacement))
            {
                replacement.AsSpan().CopyTo(destination[length..]);
                length += replacement.Length;
                folded = true;
            }
            else
            {
                destination[length++] = c;
            }
        }

        return folded;
    }

    /// <summary>Writes a term (a word or a phrase) the way it is written without accents.</summary>
    /// <param name="term">The term.</param>
    /// <returns>The folded term, or <see langword="null"/> when it has no letter to fold.</returns>
    public string? Fold(string term)
    {
        var buffer = new char[term.Length * 2];
        return TryFold(term, buffer, out var length) ? new string(buffer, 0, length) : null;
    }

    // Whether a word ending in an ASCII character may end with an ending under a case-blind comparison: an ending whose
    // last character is not ASCII is kept (case-blind equality reaches past ASCII), an ASCII one must be the same letter.
    private static bool MayEndWith(string ending, char last) =>
        ending.Length == 0 || !char.IsAscii(ending[^1]) || char.ToLowerInvariant(ending[^1]) == char.ToLowerInvariant(last);

    /// <summary>Returns whether a word negates what follows it.</summary>
    /// <param name="word">The word.</param>
    /// <returns><see langword="true"/> for a negation.</returns>
    public bool IsNegation(ReadOnlySpan<char> word)
    {
        if (_negationLookup.Contains(word))
        {
            return true;
        }

        foreach (var suffix in _negationSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in NegationPrefixes)
        {
            if (word.Length > prefix.Length && word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
