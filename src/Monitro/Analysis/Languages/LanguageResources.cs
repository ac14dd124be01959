using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Monitro.Analysis.Sentiment;

namespace Monitro.Analysis.Languages;

/// <summary>
/// The built-in resources of one language other than English, read once from the files embedded under
/// <c>Analysis/Languages/{language}/</c>: the sentiment lexicon (<c>lexicon.tsv</c>), the rule words (<c>rules.tsv</c>:
/// negations, boosters, dampeners, "but" words, endings, opposite prefixes, elisions, accent folds and whether title-case runs are names) and phrase lists for the intent rules
/// (<c>phrases.tsv</c>: complaint, churn and question phrases).
/// </summary>
internal sealed class LanguageResources
{
    private static readonly ConcurrentDictionary<string, Lazy<LanguageResources>> Cache = new(StringComparer.Ordinal);

    private LanguageResources(string language, Dictionary<string, double> lexicon, LanguageRules rules, Dictionary<string, List<string>> phrases)
    {
        Language = language;
        Lexicon = lexicon.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Rules = rules;
        ComplaintPhrases = Phrases(phrases, "complaint");
        ChurnPhrases = Phrases(phrases, "churn");
        QuestionPhrases = Phrases(phrases, "question");
    }

    /// <summary>Gets the languages (two-letter primary subtags) with built-in resources besides English.</summary>
    public static IReadOnlyList<string> BuiltInLanguages { get; } = ["de", "es", "fr", "pt"];

    /// <summary>Gets the language (two-letter primary subtag).</summary>
    public string Language { get; }

    /// <summary>Gets the sentiment lexicon (term → mean rating from -4 to +4).</summary>
    public FrozenDictionary<string, double> Lexicon { get; }

    /// <summary>Gets the negations, boosters, "but" words, endings and elisions.</summary>
    public LanguageRules Rules { get; }

    /// <summary>Gets phrases that mark a complaint ("funktioniert nicht", "no funciona").</summary>
    public IReadOnlyList<string> ComplaintPhrases { get; }

    /// <summary>Gets phrases that mark a risk of churn ("ich kündige", "voy a cancelar").</summary>
    public IReadOnlyList<string> ChurnPhrases { get; }

    /// <summary>Gets phrases that open a question ("wie kann ich", "cómo puedo").</summary>
    public IReadOnlyList<string> QuestionPhrases { get; }

    /// <summary>Gets the resources of a language, read on first use and shared.</summary>
    /// <param name="language">The two-letter primary subtag.</param>
    /// <returns>The resources, or <see langword="null"/> when the language has none built in.</returns>
    public static LanguageResources? For(string language)
    {
        if (!BuiltInLanguages.Contains(language))
        {
            return null;
        }

        return Cache.GetOrAdd(language, static key => new Lazy<LanguageResources>(() => Load(key), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static LanguageResources Load(string language)
    {
        using var lexiconReader = Open(language, "lexicon.tsv");
        var lexicon = LexiconReader.Read(lexiconReader, ResourceName(language, "lexicon.tsv"));

        // Emoji and emoticons mean the same in every language: the built-in lexicon's entries without a letter count
        // for this language too, unless its own lexicon rates them.
        foreach (var (term, valence) in SentimentModel.BuiltInLexicon)
        {
            if (IsSymbolTerm(term))
            {
                lexicon.TryAdd(term, valence);
            }
        }

        var negations = new List<string>();
        var negationPrefixes = new List<string>();
        var boosters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var butWords = new List<string>();
        var idioms = new List<PhraseRule>();
        var suffixes = new List<(string, string)>();
        var elisions = new List<string>();
        var folds = new Dictionary<char, string>();
        var postNegations = new List<string>();
        var oppositePrefixes = new List<string>();
        var titleCaseNames = false;
        using (var rulesReader = Open(language, "rules.tsv"))
        {
            foreach (var (kind, term, value) in ReadEntries(rulesReader, ResourceName(language, "rules.tsv")))
            {
                switch (kind)
                {
                    case "negation" when term.Contains(' ', StringComparison.Ordinal):
                        idioms.Add(new PhraseRule(term, SentimentUnitKind.Negation, 0));
                        break;
                    case "negation":
                        negations.Add(term);
                        break;
                    case "negation-prefix":
                        negationPrefixes.Add(term);
                        break;
                    case "booster" or "dampener" when term.Contains(' ', StringComparison.Ordinal):
                        idioms.Add(new PhraseRule(term, SentimentUnitKind.Booster, BoosterValue(kind)));
                        break;
                    case "booster" or "dampener":
                        boosters[term] = BoosterValue(kind);
                        break;
                    case "not-negation" or "neutral":
                        idioms.Add(new PhraseRule(term, SentimentUnitKind.Blocker, 0));
                        break;
                    case "post-negation":
                        postNegations.Add(term);
                        break;
                    case "opposite-prefix":
                        oppositePrefixes.Add(term);
                        break;
                    case "names" when term == "title-case":
                        titleCaseNames = true;
                        break;
                    case "scope-end":
                        idioms.Add(new PhraseRule(term, SentimentUnitKind.ScopeEnd, 0));
                        break;
                    case "but":
                        butWords.Add(term);
                        break;
                    case "suffix":
                        suffixes.Add((term, value));
                        break;
                    case "elision":
                        elisions.Add(term);
                        break;
                    case "fold" when term.Length == 1:
                        folds[char.ToLowerInvariant(term[0])] = value;
                        break;
                    default:
                        throw new FormatException($"{ResourceName(language, "rules.tsv")}: unknown kind '{kind}'.");
                }
            }
        }

        var phrases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var phrasesReader = Open(language, "phrases.tsv"))
        {
            foreach (var (kind, term, _) in ReadEntries(phrasesReader, ResourceName(language, "phrases.tsv")))
            {
                if (!phrases.TryGetValue(kind, out var list))
                {
                    phrases[kind] = list = [];
                }

                list.Add(term);
            }
        }

        var rules = new LanguageRules(
            negations,
            negationPrefixes,
            [],
            boosters,
            butWords,
            idioms,
            suffixes,
            elisions,
            oppositePrefixes,
            folds: folds,
            postNegations: postNegations,
            titleCaseNames: titleCaseNames);
        return new LanguageResources(language, lexicon, rules, phrases);
    }

    private static bool IsSymbolTerm(string term)
    {
        foreach (var rune in term.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsWhiteSpace(rune))
            {
                return false;
            }
        }

        return true;
    }

    private static double BoosterValue(string kind) =>
        kind == "booster" ? SentimentRules.BoosterIncrement : SentimentRules.DampenerIncrement;

    private static string[] Phrases(Dictionary<string, List<string>> phrases, string kind) =>
        phrases.TryGetValue(kind, out var list) ? [.. list] : [];

    // Lines are "kind<TAB>term[<TAB>value]"; # starts a comment line.
    private static IEnumerable<(string Kind, string Term, string Value)> ReadEntries(TextReader reader, string sourceName)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            var term = fields.Length >= 2 ? LexiconReader.NormalizeTerm(fields[1]) : string.Empty;
            if (term.Length == 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{sourceName}, line {lineNumber}: expected a kind, a tab and a term."));
            }

            yield return (fields[0].Trim(), term, fields.Length >= 3 ? fields[2].Trim() : string.Empty);
        }
    }

    private static string ResourceName(string language, string file) => $"Monitro.Analysis.Languages.{language}/{file}";

    private static StreamReader Open(string language, string file)
    {
        var name = ResourceName(language, file);
        var stream = typeof(LanguageResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the Monitro assembly.");
        return new StreamReader(stream, Encoding.UTF8);
    }
}
