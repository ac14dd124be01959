using System.Collections.Frozen;

namespace Monitro.Analysis;

/// <summary>An immutable, thread-safe lexicon with its phrase index, ready for scoring.</summary>
internal sealed class SentimentModel
{
    private static readonly Lazy<FrozenDictionary<string, double>> BuiltInLexiconHolder =
        new(() => LexiconReader.ReadBuiltIn().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<SentimentModel> BuiltInModelHolder =
        new(() => new SentimentModel(BuiltInLexicon), LazyThreadSafetyMode.ExecutionAndPublication);

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

    /// <summary>Gets the phrases that start with a word, longest first.</summary>
    /// <param name="firstWord">The first word.</param>
    /// <returns>The candidate phrases; empty when none.</returns>
    public ReadOnlySpan<PhraseRule> PhrasesStartingWith(ReadOnlySpan<char> firstWord) =>
        _phraseLookup.TryGetValue(firstWord, out var rules) ? rules : [];
}
