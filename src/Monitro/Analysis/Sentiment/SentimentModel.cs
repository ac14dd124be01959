using System.Collections.Frozen;
using Monitro.Analysis.Languages;

namespace Monitro.Analysis.Sentiment;

/// <summary>An immutable, thread-safe lexicon merged with the rule words and phrases, ready for scoring.</summary>
internal sealed class SentimentModel
{
    private const int MaxElongatedLength = 64;

    private static readonly Lazy<FrozenDictionary<string, double>> BuiltInLexiconHolder =
        new(() => LexiconReader.ReadBuiltIn().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<SentimentModel> BuiltInModelHolder =
        new(() => new SentimentModel(BuiltInLexicon, LanguageRules.English), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SentimentModel?>> BuiltInLanguageModels =
        new(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, SentimentTerm>.AlternateLookup<ReadOnlySpan<char>> _termLookup;

    /// <summary>Initializes a new instance of the <see cref="SentimentModel"/> class.</summary>
    /// <param name="lexicon">The terms and ratings, compared case-insensitively; terms with spaces become phrases.</param>
    /// <param name="rules">The negations, boosters and idioms of the lexicon's language.</param>
    public SentimentModel(FrozenDictionary<string, double> lexicon, LanguageRules rules)
    {
        Lexicon = lexicon;
        Rules = rules;

        // Idioms win over lexicon phrases with the same words; longer phrases are tried first.
        var phrases = new Dictionary<string, PhraseRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (term, valence) in lexicon)
        {
            if (term.Contains(' ', StringComparison.Ordinal) && valence != 0)
            {
                phrases[term] = new PhraseRule(term, SentimentUnitKind.Word, valence);
            }
        }

        foreach (var idiom in rules.Idioms)
        {
            phrases[idiom.Phrase] = idiom;
        }

        // Real posts often leave accents out ("pesimo", "schoen"): each phrase is also found as written without them.
        foreach (var phrase in phrases.Values.ToArray())
        {
            if (rules.Fold(phrase.Phrase) is { } folded)
            {
                phrases.TryAdd(folded, new PhraseRule(folded, phrase.Kind, phrase.Value));
            }
        }

        var phrasesByFirstWord = phrases.Values
            .GroupBy(rule => rule.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.OrderByDescending(rule => rule.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);

        var words = new HashSet<string>(lexicon.Keys, StringComparer.OrdinalIgnoreCase);
        words.UnionWith(rules.Boosters.Keys);
        words.UnionWith(rules.Negations);
        words.UnionWith(phrasesByFirstWord.Keys);
        words.UnionWith(rules.ButWords);

        var terms = new Dictionary<string, SentimentTerm>(words.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            var inLexicon = lexicon.TryGetValue(word, out var valence);
            rules.Boosters.TryGetValue(word, out var booster);
            phrasesByFirstWord.TryGetValue(word, out var startingHere);
            terms[word] = new SentimentTerm(
                valence,
                inLexicon,
                booster,
                rules.IsNegation(word),
                rules.ButWords.Contains(word),
                startingHere);
        }

        foreach (var (word, term) in terms.ToArray())
        {
            if (rules.Fold(word) is { } folded && !terms.ContainsKey(folded))
            {
                terms[folded] = term with { Phrases = phrasesByFirstWord.GetValueOrDefault(folded, term.Phrases!) };
            }
        }

        _termLookup = terms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the built-in lexicon, read once from the embedded resource and shared.</summary>
    public static FrozenDictionary<string, double> BuiltInLexicon => BuiltInLexiconHolder.Value;

    /// <summary>Gets the model of the built-in lexicon, built once and shared.</summary>
    public static SentimentModel BuiltIn => BuiltInModelHolder.Value;

    /// <summary>Gets the negations, boosters and idioms of the lexicon's language.</summary>
    public LanguageRules Rules { get; }

    /// <summary>Gets the model of a language with built-in resources, built once and shared.</summary>
    /// <param name="language">The two-letter primary subtag.</param>
    /// <returns>The model, or <see langword="null"/> when the language has no built-in resources.</returns>
    public static SentimentModel? BuiltInFor(string language) =>
        BuiltInLanguageModels.GetOrAdd(
            language,
            static key => new Lazy<SentimentModel?>(
                () => LanguageResources.For(key) is { } resources ? new SentimentModel(resources.Lexicon, resources.Rules) : null,
                LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Builds the model of a language from what the options add, on top of its built-in resources when it has them.</summary>
    /// <param name="language">The two-letter primary subtag.</param>
    /// <param name="added">The lexicon and rule words the options add.</param>
    /// <returns>The model.</returns>
    public static SentimentModel ForLanguage(string language, SentimentLanguage added)
    {
        var builtIn = LanguageResources.For(language);
        var lexicon = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (term, valence) in builtIn?.Lexicon ?? FrozenDictionary<string, double>.Empty)
        {
            lexicon[term] = valence;
        }

        foreach (var (term, valence) in added.Lexicon)
        {
            lexicon[LexiconReader.NormalizeTerm(term)] = valence;
        }

        var boosters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, scalar) in builtIn?.Rules.Boosters ?? FrozenDictionary<string, double>.Empty)
        {
            boosters[word] = scalar;
        }

        foreach (var word in added.Boosters)
        {
            boosters[word] = SentimentRules.BoosterIncrement;
        }

        foreach (var word in added.Dampeners)
        {
            boosters[word] = SentimentRules.DampenerIncrement;
        }

        var rules = builtIn?.Rules;
        var merged = new LanguageRules(
            [.. rules?.Negations ?? [], .. added.Negations],
            rules?.NegationPrefixes ?? [],
            [],
            boosters,
            rules?.ButWords ?? [],
            rules?.Idioms ?? [],
            rules?.Suffixes ?? [],
            rules?.Elisions ?? [],
            rules?.Folds,
            rules?.PostNegations);
        return new SentimentModel(lexicon.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), merged);
    }

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
    public bool TryGetTerm(ReadOnlySpan<char> word, out SentimentTerm term)
    {
        if (_termLookup.TryGetValue(word, out term))
        {
            return true;
        }

        // Accents the lexicon does not have ("fantástico" for "fantastico"): read the word without them.
        if (Rules.Folds.Count == 0 || word.Length > MaxElongatedLength)
        {
            return false;
        }

        Span<char> folded = stackalloc char[word.Length * 2];
        return Rules.TryFold(word, folded, out var length) && _termLookup.TryGetValue(folded[..length], out term);
    }

    /// <summary>
    /// Gets the valence of an elongated spelling ("goooood", "loooove") by cutting runs of three or more equal
    /// letters to two, then to one; 0 when no form is in the lexicon.
    /// </summary>
    /// <param name="word">The word as written (not found as such).</param>
    /// <returns>The valence, or 0.</returns>
    private double ElongatedValence(ReadOnlySpan<char> word)
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

    /// <summary>
    /// Gets the valence of a word the lexicon does not have as written: an elongated spelling, a word with an
    /// elided article or pronoun (<c>j'adore</c>), or an inflected form whose ending the language's rules know.
    /// </summary>
    /// <param name="word">The word as written (not found as such).</param>
    /// <returns>The valence, or 0.</returns>
    public double FallbackValence(ReadOnlySpan<char> word)
    {
        var valence = ElongatedValence(word);
        if (valence != 0 || word.Length > MaxElongatedLength)
        {
            return valence;
        }

        foreach (var elision in Rules.Elisions)
        {
            if (word.Length > elision.Length && word.StartsWith(elision, StringComparison.OrdinalIgnoreCase))
            {
                var rest = word[elision.Length..];
                return _termLookup.TryGetValue(rest, out var term) && term.InLexicon ? term.Valence : InflectedValence(rest);
            }
        }

        return InflectedValence(word);
    }

    private double InflectedValence(ReadOnlySpan<char> word)
    {
        if (Rules.Suffixes.Length == 0 || word.Length > MaxElongatedLength)
        {
            return 0;
        }

        Span<char> stem = stackalloc char[MaxElongatedLength + 8];
        foreach (var (ending, replacement) in Rules.Suffixes)
        {
            // Stems shorter than three letters are too ambiguous to read.
            if (word.Length - ending.Length < 3 || word.Length - ending.Length + replacement.Length > stem.Length
                || !word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var kept = word[..^ending.Length];
            kept.CopyTo(stem);
            replacement.AsSpan().CopyTo(stem[kept.Length..]);
            if (_termLookup.TryGetValue(stem[..(kept.Length + replacement.Length)], out var term) && term.InLexicon)
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
