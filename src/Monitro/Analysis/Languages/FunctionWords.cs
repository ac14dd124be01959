using System.Collections.Frozen;
using Monitro.Analysis.Sentiment;

namespace Monitro.Analysis.Languages;

/// <summary>
/// A quick first guess at the language of a post from its function words ("the", "und", "pero", "est", "não") and
/// the letters only one of the languages uses (ß, ñ, ã, œ).
/// </summary>
/// <remarks>
/// Hand-written because it sits on the hot path: a call of the statistical detector costs a few hundred times as much
/// as this step (0.5–1.5 ms and about 90 KB allocated, against a few microseconds and nothing), more than the whole
/// analysis of a hundred posts, while most posts name their language with a few function words. Only a clear majority
/// counts, or, in a post of at most <see cref="ShortPostWords"/> words, a single clue with no other; anything less is
/// left to the detector. The words are those of one language only (for example not "me", which is English, Spanish
/// and Portuguese, nor "die" or "was", which are German and English).
/// </remarks>
internal static class FunctionWords
{
    /// <summary>The most words a post may have for a single clue to name its language.</summary>
    public const int ShortPostWords = 5;

    private const int MinimumHits = 2;
    private const double SingleClueConfidence = 0.55;

    private static readonly string[] Languages = ["en", "de", "es", "fr", "pt"];

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup = Build().GetAlternateLookup<ReadOnlySpan<char>>();

    // Function words of Italian, Dutch and Turkish that none of the five languages uses: a post with one is not named
    // from the five languages' clues ("Il governo ha approvato" has the French "il", "Wat een schande" no clue at all).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherLanguageLookup = new[]
    {
        // Italian
        "gli", "della", "dello", "degli", "delle", "nella", "nello", "questo", "questa", "questi", "perché", "perchè",
        "oggi", "domani", "stasera", "grazie", "ragazzi", "anche", "qualcuno", "qualcosa", "niente", "adesso", "più", "però",
        "troppo", "già", "molto",

        // Dutch
        "het", "een", "jullie", "niet", "ook", "maar", "naar", "geen", "mijn", "wij", "wordt", "heb", "hebben",
        "deze", "nog", "vandaag", "jongens", "bedankt", "gefeliciteerd", "gezellig", "omdat", "waarom", "kunnen", "veel",

        // Turkish
        "bir", "çok", "için", "var", "yok", "gibi", "daha", "kadar", "sonra", "değil", "artık", "bugün",
        "yarın", "teşekkürler",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Guesses the language of a text when its function words clearly point to one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">Receives the two-letter code of the language.</param>
    /// <param name="confidence">Receives the confidence of the guess, from 0.55 to 0.95.</param>
    /// <param name="words">Receives the number of words of the text (runs of letters).</param>
    /// <returns><see langword="true"/> when one language has at least two clues and three times as many as any other, or when a short post has one clue of one language and none of another.</returns>
    /// <remarks>
    /// Function words and letters are weighed first, on their own: they belong to one language only, whereas a word
    /// of another language's lexicon is often an English loanword there ("show" in Portuguese, "top" or "fake"
    /// elsewhere), so an English post that names its language with function words is not left undecided by one such
    /// word. The lexicon words count only when the function words and letters alone do not settle the language.
    /// </remarks>
    public static bool TryGuess(ReadOnlySpan<char> text, out string language, out double confidence, out int words)
    {
        Span<int> hits = stackalloc int[Languages.Length];
        Span<int> lexiconHits = stackalloc int[Languages.Length];
        Span<bool> marked = stackalloc bool[Languages.Length];
        words = 0;
        var foreign = false;
        var linkEnd = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (i >= linkEnd && (i == 0 || char.IsWhiteSpace(text[i - 1])) && IsLinkOrHandle(text[i..]))
            {
                linkEnd = ChunkEnd(text, i);
            }

            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            words++;
            if (start < linkEnd)
            {
                // A word of a link or a handle ("https://example.com", "@ShopMarket") counts toward the post's length but
                // is no clue: "com" of a domain is not Portuguese, nor "es" of one Spanish.
                continue;
            }

            foreign |= OtherLanguageLookup.Contains(text[start..i]) || HasOtherLanguageLetter(text[start..i]);
            if (Lookup.TryGetValue(text[start..i], out var clue))
            {
                // Lexicon words are stored after the function words, one block of languages further.
                var clues = clue < Languages.Length ? hits : lexiconHits;
                clues[clue % Languages.Length]++;
            }

            MarkLetters(text[start..i], marked);
        }

        if (foreign)
        {
            // A word or letter of a language that is easily mistaken for one of the five: left to the models, which know it.
            language = string.Empty;
            confidence = 0;
            return false;
        }

        for (var l = 0; l < marked.Length; l++)
        {
            hits[l] += marked[l] ? 1 : 0;
        }

        if (TryDecide(hits, words, out language, out confidence))
        {
            return true;
        }

        for (var l = 0; l < hits.Length; l++)
        {
            hits[l] += lexiconHits[l];
        }

        return TryDecide(hits, words, out language, out confidence);
    }

    // A link or a handle, as the sentiment tokenizer reads them: a chunk between spaces that starts like one.
    private static bool IsLinkOrHandle(ReadOnlySpan<char> rest) =>
        (rest.Length > 1 && rest[0] == '@' && (char.IsLetterOrDigit(rest[1]) || rest[1] == '_'))
        || rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static int ChunkEnd(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    private static bool TryDecide(ReadOnlySpan<int> hits, int words, out string language, out double confidence)
    {
        var best = 0;
        for (var l = 1; l < hits.Length; l++)
        {
            best = hits[l] > hits[best] ? l : best;
        }

        var runnerUp = 0;
        for (var l = 0; l < hits.Length; l++)
        {
            runnerUp = l != best ? Math.Max(runnerUp, hits[l]) : runnerUp;
        }

        language = Languages[best];
        confidence = Math.Min(0.95, 0.5 + (0.1 * (hits[best] - runnerUp)));
        if (hits[best] == 1 && runnerUp == 0 && words <= ShortPostWords)
        {
            confidence = SingleClueConfidence;
            return true;
        }

        return hits[best] >= MinimumHits && hits[best] >= 3 * runnerUp;
    }

    // Letters of Turkish that none of the five languages uses (dotless ı, ğ, ş).
    private static bool HasOtherLanguageLetter(ReadOnlySpan<char> word) => word.IndexOfAny('\u0131', '\u011F', '\u015F') >= 0 || word.IndexOfAny('\u0130', '\u011E', '\u015E') >= 0;

    // Letters of one language only among the five (and not of Italian, Dutch or Catalan either, where possible); each
    // language counts once per post however many such letters it has.
    private static void MarkLetters(ReadOnlySpan<char> word, Span<bool> marked)
    {
        foreach (var c in word)
        {
            var language = char.ToLowerInvariant(c) switch
            {
                'ä' or 'ö' or 'ü' or 'ß' => 1,
                'ñ' => 2,
                'œ' or 'û' or 'î' => 3,
                'ã' or 'õ' => 4,
                _ => -1,
            };
            if (language >= 0)
            {
                marked[language] = true;
            }
        }
    }

    private static FrozenDictionary<string, int> Build()
    {
        string[][] words =
        [
            // English
            ["the", "and", "is", "are", "to", "of", "it", "this", "that", "my", "you", "your", "with", "for", "i", "i'm", "it's",
                "have", "has", "not", "just", "but", "they", "we", "what", "why", "how", "been", "be", "at", "can't", "don't",
                "get", "got", "again", "still", "from", "will", "would", "all", "our", "their", "there", "was", "were", "doesn't",
                "isn't", "never", "anyone", "after", "about", "up", "out", "did", "does", "can", "if", "or", "when",
                "now", "than", "then", "too", "very", "any", "some", "who", "only", "because", "really", "want", "need",
                "going", "gonna", "had", "its", "dont", "cant", "didnt", "u", "ur", "lol", "thanks", "thank", "please",
                "yet", "ever", "every", "off", "into", "by", "she", "his", "her", "them", "these", "those", "which",
                "where", "could", "should", "being", "here", "over", "more", "one", "much", "new", "like", "love",
                "great", "best", "worst", "today", "day", "days", "customer", "account", "order", "waiting", "guys", "yes",

                // Common English words and contractions that none of the other eight languages the detector knows writes
                // the same way (not "also", "man", "see", "week", "come", "hey", "nah", "im", "he", "am", "so", "on", "in"):
                // a post of ten words without two of the words above, or a short one with a single clue, would otherwise
                // be left to the statistical models or reported as unknown.
                "him", "himself", "herself", "myself", "yourself", "themselves", "itself", "someone", "something", "nothing",
                "everything", "anything", "everyone", "nobody", "somebody", "thing", "things", "same", "other", "another",
                "next", "last", "first", "while", "since", "until", "without", "before", "though", "although", "through",
                "around", "against", "between", "during", "already", "always", "maybe", "actually", "literally", "probably",
                "anyway", "hours", "hour", "morning", "night", "tonight", "tomorrow", "yesterday", "said", "says", "say",
                "tell", "told", "ask", "asked", "tried", "try", "trying", "keep", "kept", "feel", "feels", "felt", "look",
                "looks", "looking", "give", "gave", "make", "makes", "made", "take", "took", "taken", "seen", "saw", "came",
                "coming", "went", "gone", "done", "doing", "having", "getting", "well", "good", "back", "left", "right",
                "think", "know", "thought", "thoughts", "won't", "wasn't", "aren't", "weren't", "haven't", "hasn't",
                "couldn't", "wouldn't", "shouldn't", "i've", "i'll", "i'd", "you're", "you've", "you'll", "we're", "we've",
                "they're", "they've", "that's", "there's", "what's", "he's", "she's", "let's", "who's", "wont", "wasnt",
                "thats", "youre", "isnt", "ive"],

            // German
            ["der", "das", "und", "ist", "nicht", "ich", "ein", "eine", "mit", "auf", "für", "schon", "wieder", "noch", "sehr",
                "auch", "sich", "den", "dem", "kein", "keine", "mein", "meine", "hat", "sind", "wir", "aber", "nur", "dass", "von",
                "bei", "nach", "wie", "ihr", "seit", "immer", "wird", "habe", "einen", "einem", "zum", "zur", "uns", "euch",
                "mir", "mich", "doch", "jetzt", "heute", "endlich", "leider", "oder", "wenn", "weil", "gibt", "kann",
                "war", "bin", "bist", "wurde", "werden", "haben", "alles", "nichts", "echt", "danke", "bitte", "gut",
                "schlecht", "toll", "ganz", "gar", "warum", "zu", "nie", "mehr", "ohne", "über", "keinen", "einfach"],

            // Spanish
            ["el", "los", "las", "y", "es", "está", "están", "muy", "pero", "con", "una", "mi", "mis", "lo", "del", "al", "qué",
                "más", "otra", "vez", "hay", "ya", "esta", "este", "eso", "sin", "nadie", "estoy", "fue", "también", "cuando",
                "porque", "nos", "su", "sus", "ni", "le", "les", "tengo", "tiene", "hace", "hoy", "ahora", "gracias",
                "siempre", "día", "días", "puedo", "estaba", "esto", "malo", "bueno", "mucho", "cuenta", "servicio", "llevo",
                "sigue", "ningún", "ninguna", "algo", "otro", "así", "aquí", "dónde", "cómo", "pésimo", "pésima"],

            // French
            ["le", "les", "des", "est", "et", "je", "pas", "une", "du", "au", "aux", "ce", "cette", "c'est", "j'ai", "très",
                "mais", "pour", "avec", "sur", "qui", "ne", "plus", "encore", "mon", "mes", "vous", "nous", "il", "elle", "ça",
                "rien", "tout", "n'est", "j'en", "m'a", "depuis", "toujours", "ai", "avez", "suis", "sont", "fait", "être",
                "avoir", "merci", "aussi", "déjà", "jamais", "chez", "leur", "votre", "notre", "moi", "toi", "quand",
                "trop", "beaucoup", "peu", "aujourd'hui", "j'aime", "d'un", "d'une", "qu'il", "n'ai", "m'ont", "nul", "ras"],

            // Portuguese
            ["um", "uma", "não", "é", "com", "dos", "das", "na", "em", "eu", "meu", "minha", "muito", "isso", "esse", "essa",
                "foi", "ao", "você", "já", "tudo", "ainda", "sem", "obrigado", "obrigada", "está", "mais", "estou", "pelo", "pela", "vocês",
                "estão", "tá", "tô", "hoje", "agora", "também", "mesmo", "sempre", "ninguém", "pra", "vou", "tem",
                "ter", "fiz", "aqui", "onde", "ele", "ela", "eles", "seu", "sua", "meus", "minhas", "péssimo", "péssima",
                "atendimento", "ótimo", "ótima"],
        ];

        var lookup = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var l = 0; l < words.Length; l++)
        {
            foreach (var word in words[l])
            {
                // A word listed for two languages tells neither apart.
                lookup[word] = lookup.TryGetValue(word, out var other) && other != l ? -1 : l;
            }
        }

        AddLexiconWords(lookup);
        return lookup.Where(pair => pair.Value >= 0).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    // The words of one language's own sentiment lexicon, and of no other lexicon (English included), are clues too:
    // short posts often carry little else ("péssimo", "enttäuschend").
    private static void AddLexiconWords(Dictionary<string, int> lookup)
    {
        var lexiconWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var l = 1; l < Languages.Length; l++)
        {
            foreach (var term in LanguageResources.For(Languages[l])!.Lexicon.Keys)
            {
                if (term.Length >= 4 && !term.Contains(' ', StringComparison.Ordinal) && !SentimentModel.BuiltInLexicon.ContainsKey(term))
                {
                    lexiconWords[term] = lexiconWords.TryGetValue(term, out var other) && other != l ? -1 : l;
                }
            }
        }

        foreach (var (word, language) in lexiconWords)
        {
            if (language >= 0)
            {
                lookup.TryAdd(word, Languages.Length + language);
            }
        }
    }
}
