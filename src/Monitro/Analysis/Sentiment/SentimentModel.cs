using System.Collections.Frozen;
using System.Runtime.CompilerServices;
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
    private readonly bool _deriveForms;

    /// <summary>Initializes a new instance of the <see cref="SentimentModel"/> class.</summary>
    /// <param name="lexicon">The terms and ratings, compared case-insensitively; terms with spaces become phrases.</param>
    /// <param name="rules">The negations, boosters and idioms of the lexicon's language.</param>
    /// <param name="deriveForms">Whether words the lexicon does not have are read through the endings and prefixes of the rules
    /// (off for a whole English lexicon given by the user, which is read as it is written).</param>
    public SentimentModel(FrozenDictionary<string, double> lexicon, LanguageRules rules, bool deriveForms = true)
    {
        Lexicon = lexicon;
        Rules = rules;
        _deriveForms = deriveForms;

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
            rules?.OppositePrefixes,
            folds: rules?.Folds,
            postNegations: rules?.PostNegations,
            titleCaseNames: rules?.TitleCaseNames ?? false);
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
    /// Reads a word that neither the lexicon nor the rules know as written, by the forms people write: an elongated
    /// spelling (<c>goooood</c>, <c>sooooo</c>, <c>neverrr</c>: runs of three or more equal letters cut to two, then to
    /// one, and read with everything the shorter form is, booster and negation too), a masked swear word (<c>sh*tty</c>:
    /// a single <c>*</c> read as each vowel), repeated laughter (<c>hahahaha</c>, <c>lololol</c>), a word with an elided
    /// article or pronoun (<c>j'adore</c>), an inflected or derived form whose ending the language's rules know
    /// (<c>loathed</c>, <c>dreadfully</c>), and a word whose prefix makes it the opposite of a rated word
    /// (<c>unfunny</c>: the rest's valence negated as by "not").
    /// </summary>
    /// <param name="word">The word as written (not found as such).</param>
    /// <param name="term">Receives what the rules make of the word.</param>
    /// <returns><see langword="true"/> when the word could be read.</returns>
    // Per matched post with an unknown word: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool TryResolve(ReadOnlySpan<char> word, out SentimentTerm term)
    {
        term = default;
        if (word.Length > MaxElongatedLength)
        {
            return false;
        }

        Span<char> form = stackalloc char[word.Length];
        if (HasRunOfThree(word))
        {
            // Long runs cut to two ("goooood"), then to one with the word's own double letters kept ("reallyyyy"),
            // then every run to one ("soooo").
            if (TryGetRuleTerm(form[..Collapse(word, form, keep: 2, longRunsOnly: true)], out term)
                || TryGetRuleTerm(form[..Collapse(word, form, keep: 1, longRunsOnly: true)], out term)
                || TryGetRuleTerm(form[..Collapse(word, form, keep: 1, longRunsOnly: false)], out term))
            {
                return true;
            }
        }

        if (word.Contains('*') && TryUnmask(word, form, out term))
        {
            return true;
        }

        if (IsRepeatedPair(word))
        {
            // "hahahaha" reads as "haha", "lololol" as "lol".
            if (TryGetRuleTerm(word[..4], out term) || TryGetRuleTerm(word[..3], out term))
            {
                return true;
            }
        }

        var valence = DerivedValence(word);
        term = new SentimentTerm(valence, valence != 0, 0, false, false, null);
        return valence != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryGetRuleTerm(ReadOnlySpan<char> form, out SentimentTerm term)
    {
        if (_termLookup.TryGetValue(form, out term) && (term.Valence != 0 || term.BoosterScalar != 0 || term.IsNegation))
        {
            term = term with { Phrases = null };
            return true;
        }

        return false;
    }

    // Masked swear words hide a vowel behind a star ("sh*tty", "f*cking", "b*tches"); the lexicon lists the common masks whole.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryUnmask(ReadOnlySpan<char> word, Span<char> form, out SentimentTerm term)
    {
        term = default;
        var star = word.IndexOf('*');
        if (star <= 0 || word[(star + 1)..].Contains('*'))
        {
            return false;
        }

        word.CopyTo(form);
        foreach (var vowel in "aeiou")
        {
            form[star] = vowel;
            var unmasked = form[..word.Length];
            if (TryGetRuleTerm(unmasked, out term))
            {
                return true;
            }

            var valence = DerivedValence(unmasked);
            if (valence != 0)
            {
                term = new SentimentTerm(valence, true, 0, false, false, null);
                return true;
            }
        }

        return false;
    }

    // A word of one two-letter unit repeated, at least three times ("hahaha", "hehehe", "lololol").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsRepeatedPair(ReadOnlySpan<char> word)
    {
        if (word.Length < 6 || !char.IsLetter(word[0]) || !char.IsLetter(word[1]) || char.ToLowerInvariant(word[0]) == char.ToLowerInvariant(word[1]))
        {
            return false;
        }

        for (var i = 2; i < word.Length; i++)
        {
            if (char.ToLowerInvariant(word[i]) != char.ToLowerInvariant(word[i - 2]))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double DerivedValence(ReadOnlySpan<char> word)
    {
        foreach (var elision in Rules.Elisions)
        {
            if (word.Length > elision.Length && word.StartsWith(elision, StringComparison.OrdinalIgnoreCase))
            {
                var rest = word[elision.Length..];
                return _termLookup.TryGetValue(rest, out var term) && term.InLexicon ? term.Valence : InflectedValence(rest);
            }
        }

        if (!_deriveForms)
        {
            return 0;
        }

        var valence = InflectedValence(word);
        if (valence != 0)
        {
            return valence;
        }

        foreach (var prefix in Rules.OppositePrefixes)
        {
            if (word.Length - prefix.Length >= Rules.MinimumStemLength && word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = word[prefix.Length..];
                var restValence = _termLookup.TryGetValue(rest, out var term) && term.InLexicon ? term.Valence : InflectedValence(rest);
                if (restValence != 0)
                {
                    return restValence * SentimentRules.NegationScalar;
                }
            }
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double InflectedValence(ReadOnlySpan<char> word)
    {
        if (!_deriveForms || Rules.Suffixes.Length == 0 || word.Length > MaxElongatedLength)
        {
            return 0;
        }

        Span<char> stem = stackalloc char[MaxElongatedLength + 8];
        foreach (var (ending, replacement) in Rules.SuffixesFor(word))
        {
            // Stems shorter than three letters (four in English) are too ambiguous to read.
            var kept = word.Length - ending.Length;
            if (kept < 3 || kept + replacement.Length < Rules.MinimumStemLength || kept + replacement.Length > stem.Length
                || !word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            word[..kept].CopyTo(stem);
            replacement.AsSpan().CopyTo(stem[kept..]);
            if (_termLookup.TryGetValue(stem[..(kept + replacement.Length)], out var term) && term.InLexicon)
            {
                return term.Valence;
            }
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Collapse(ReadOnlySpan<char> word, Span<char> destination, int keep, bool longRunsOnly)
    {
        var length = 0;
        var runStart = 0;
        while (runStart < word.Length)
        {
            var runEnd = runStart + 1;
            while (runEnd < word.Length && char.ToLowerInvariant(word[runEnd]) == char.ToLowerInvariant(word[runStart]))
            {
                runEnd++;
            }

            var run = runEnd - runStart;
            var kept = longRunsOnly && run < 3 ? run : Math.Min(run, keep);
            word.Slice(runStart, kept).CopyTo(destination[length..]);
            length += kept;
            runStart = runEnd;
        }

        return length;
    }
}
