using System.Collections.Frozen;

namespace Monitro.Analysis;

/// <summary>An immutable, thread-safe lexicon with its phrase index, ready for scoring.</summary>
internal sealed class SentimentModel
{
    private static readonly Lazy<FrozenDictionary<string, double>> BuiltInLexiconHolder =
        new(() => LexiconReader.ReadBuiltIn().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<SentimentModel> BuiltInModelHolder =
        new(() => new SentimentModel(BuiltInLexicon), LazyThreadSafetyMode.ExecutionAndPublication);

    private const int MaxElongatedLength = 64;

    private readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _lexiconLookup;
    private readonly FrozenDictionary<string, PhraseRule[]>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;

    /// <summary>Initializes a new instance of the <see cref="SentimentModel"/> class.</summary>
    /// <param name="lexicon">The terms and ratings, compared case-insensitively; terms with spaces become phrases.</param>
    public SentimentModel(FrozenDictionary<string, double> lexicon)
    {
        Lexicon = lexicon;
        _lexiconLookup = lexicon.GetAlternateLookup<ReadOnlySpan<char>>();

        // Idioms win over lexicon phrases with the same words; longer phrases are tried first.
        var phrases = new Dictionary<string, PhraseRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (term, valence) in lexicon)
        {
            if (term.Contains(' ', StringComparison.Ordinal) && valence != 0)
            {
                phrases[term] = new PhraseRule(term, SentimentUnitKind.Word, valence);
            }
        }

        foreach (var idiom in SentimentRules.Idioms)
        {
            phrases[idiom.Phrase] = idiom;
        }

        PhraseCount = phrases.Count;
        _phraseLookup = phrases.Values
            .GroupBy(rule => rule.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.OrderByDescending(rule => rule.Words.Length).ToArray(),
                StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the built-in lexicon, read once from the embedded resource and shared.</summary>
    public static FrozenDictionary<string, double> BuiltInLexicon => BuiltInLexiconHolder.Value;

    /// <summary>Gets the model of the built-in lexicon, built once and shared.</summary>
    public static SentimentModel BuiltIn => BuiltInModelHolder.Value;

    /// <summary>Gets the lexicon.</summary>
    public FrozenDictionary<string, double> Lexicon { get; }

    /// <summary>Gets the number of multi-word rules (lexicon phrases and idioms).</summary>
    public int PhraseCount { get; }

    /// <summary>Returns whether the lexicon has the term.</summary>
    /// <param name="term">The term.</param>
    /// <returns><see langword="true"/> when the term is known.</returns>
    public bool Contains(ReadOnlySpan<char> term) => _lexiconLookup.ContainsKey(term);

    /// <summary>Gets the valence of a term, or 0 when the lexicon does not have it.</summary>
    /// <param name="term">The term.</param>
    /// <returns>The valence.</returns>
    public double Valence(ReadOnlySpan<char> term) => _lexiconLookup.TryGetValue(term, out var valence) ? valence : 0;

    /// <summary>
    /// Gets the valence of a word, reading elongated spellings ("sooo goood", "loooove") as the word with its
    /// repeated letters cut to two, then to one, when the lexicon does not have the spelling as written.
    /// </summary>
    /// <param name="word">The word.</param>
    /// <returns>The valence, or 0 when the lexicon knows no form of the word.</returns>
    public double ValenceAllowingElongation(ReadOnlySpan<char> word)
    {
        if (_lexiconLookup.TryGetValue(word, out var valence))
        {
            return valence;
        }

        if (word.Length > MaxElongatedLength || !HasRunOfThree(word))
        {
            return 0;
        }

        Span<char> shortened = stackalloc char[word.Length];
        for (var keep = 2; keep >= 1; keep--)
        {
            var length = Collapse(word, shortened, keep);
            if (_lexiconLookup.TryGetValue(shortened[..length], out valence))
            {
                return valence;
            }
        }

        return 0;
    }

    /// <summary>Gets the phrases that start with a word, longest first.</summary>
    /// <param name="firstWord">The first word.</param>
    /// <returns>The candidate phrases; empty when none.</returns>
    public ReadOnlySpan<PhraseRule> PhrasesStartingWith(ReadOnlySpan<char> firstWord) =>
        _phraseLookup.TryGetValue(firstWord, out var rules) ? rules : [];

    private static bool HasRunOfThree(ReadOnlySpan<char> word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (char.IsLetter(word[i]) && char.ToLowerInvariant(word[i]) == char.ToLowerInvariant(word[i - 1])
                && char.ToLowerInvariant(word[i]) == char.ToLowerInvariant(word[i - 2]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Collapse(ReadOnlySpan<char> word, Span<char> destination, int keep)
    {
        var length = 0;
        var run = 0;
        for (var i = 0; i < word.Length; i++)
        {
            run = i > 0 && char.ToLowerInvariant(word[i]) == char.ToLowerInvariant(word[i - 1]) ? run + 1 : 1;
            if (run <= keep)
            {
                destination[length++] = word[i];
            }
        }

        return length;
    }
}
