using System.Collections.Frozen;

namespace Monitro.Analysis;

/// <summary>An immutable, thread-safe lexicon merged with the rule words and phrases, ready for scoring.</summary>
internal sealed class SentimentModel
{
    private const int MaxElongatedLength = 64;

    private static readonly Lazy<FrozenDictionary<string, double>> BuiltInLexiconHolder =
        new(() => LexiconReader.ReadBuiltIn().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<SentimentModel> BuiltInModelHolder =
        new(() => new SentimentModel(BuiltInLexicon), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, SentimentTerm>.AlternateLookup<ReadOnlySpan<char>> _termLookup;

    /// <summary>Initializes a new instance of the <see cref="SentimentModel"/> class.</summary>
    /// <param name="lexicon">The terms and ratings, compared case-insensitively; terms with spaces become phrases.</param>
    public SentimentModel(FrozenDictionary<string, double> lexicon)
    {
        Lexicon = lexicon;

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

        var phrasesByFirstWord = phrases.Values
            .GroupBy(rule => rule.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.OrderByDescending(rule => rule.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);

        var words = new HashSet<string>(lexicon.Keys, StringComparer.OrdinalIgnoreCase);
        words.UnionWith(SentimentRules.Boosters.Keys);
        words.UnionWith(SentimentRules.Negations);
        words.UnionWith(phrasesByFirstWord.Keys);
        words.Add("but");

        var terms = new Dictionary<string, SentimentTerm>(words.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            var inLexicon = lexicon.TryGetValue(word, out var valence);
            SentimentRules.Boosters.TryGetValue(word, out var booster);
            phrasesByFirstWord.TryGetValue(word, out var startingHere);
            terms[word] = new SentimentTerm(
                valence,
                inLexicon,
                booster,
                SentimentRules.IsNegation(word),
                word.Equals("but", StringComparison.OrdinalIgnoreCase),
                startingHere);
        }

        _termLookup = terms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the built-in lexicon, read once from the embedded resource and shared.</summary>
    public static FrozenDictionary<string, double> BuiltInLexicon => BuiltInLexiconHolder.Value;

    /// <summary>Gets the model of the built-in lexicon, built once and shared.</summary>
    public static SentimentModel BuiltIn => BuiltInModelHolder.Value;

    /// <summary>Gets the lexicon.</summary>
    public FrozenDictionary<string, double> Lexicon { get; }

    /// <summary>Returns whether the lexicon has the term itself.</summary>
    /// <param name="term">The term.</param>
    /// <returns><see langword="true"/> when the term is in the lexicon.</returns>
    public bool Contains(ReadOnlySpan<char> term) => _termLookup.TryGetValue(term, out var info) && info.InLexicon;

    /// <summary>Looks up a word.</summary>
    /// <param name="word">The word.</param>
    /// <param name="term">Receives what the rules know about the word.</param>
    /// <returns><see langword="true"/> when the word is known to the lexicon or the rules.</returns>
    public bool TryGetTerm(ReadOnlySpan<char> word, out SentimentTerm term) => _termLookup.TryGetValue(word, out term);

    /// <summary>
    /// Gets the valence of an elongated spelling ("goooood", "loooove") by cutting runs of three or more equal
    /// letters to two, then to one; 0 when no form is in the lexicon.
    /// </summary>
    /// <param name="word">The word as written (not found as such).</param>
    /// <returns>The valence, or 0.</returns>
    public double ElongatedValence(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxElongatedLength || !HasRunOfThree(word))
        {
            return 0;
        }

        Span<char> shortened = stackalloc char[word.Length];
        for (var keep = 2; keep >= 1; keep--)
        {
            var length = Collapse(word, shortened, keep);
            if (_termLookup.TryGetValue(shortened[..length], out var term) && term.InLexicon)
            {
                return term.Valence;
            }
        }

        return 0;
    }

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
