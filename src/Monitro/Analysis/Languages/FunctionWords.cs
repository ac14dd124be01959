using System.Collections.Frozen;

namespace Monitro.Analysis;

/// <summary>
/// A quick first guess at the language of a post from its function words ("the", "und", "pero", "est", "não").
/// </summary>
/// <remarks>
/// Hand-written because it sits on the hot path: the statistical detector costs hundreds of times as much as the
/// whole sentiment analysis of a post, while most posts name their language with a few function words. Only a
/// clear majority counts; anything less is left to the detector. The words are those of one language only (for
/// example not "me", which is English, Spanish and Portuguese, nor "die" or "was", which are German and English).
/// </remarks>
internal static class FunctionWords
{
    private const int MinimumHits = 2;

    private static readonly string[] Languages = ["en", "de", "es", "fr", "pt"];

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup = Build().GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Guesses the language of a text when its function words clearly point to one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">Receives the two-letter code of the language.</param>
    /// <param name="confidence">Receives the confidence of the guess, from 0.6 to 0.95.</param>
    /// <returns><see langword="true"/> when one language has at least two function words and at least three times as many as any other.</returns>
    public static bool TryGuess(ReadOnlySpan<char> text, out string language, out double confidence)
    {
        Span<int> hits = stackalloc int[Languages.Length];
        var i = 0;
        while (i < text.Length)
        {
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

            if (Lookup.TryGetValue(text[start..i], out var index))
            {
                hits[index]++;
            }
        }

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
        return hits[best] >= MinimumHits && hits[best] >= 3 * runnerUp;
    }

    private static FrozenDictionary<string, int> Build()
    {
        string[][] words =
        [
            // English
            ["the", "and", "is", "are", "to", "of", "it", "this", "that", "my", "you", "your", "with", "for", "i", "i'm", "it's",
                "have", "has", "not", "just", "but", "they", "we", "what", "why", "how", "been", "be", "at", "can't", "don't",
                "get", "got", "again", "still", "from", "will", "would", "all", "our", "their", "there", "was", "were", "doesn't",
                "isn't", "never", "anyone", "after", "about"],

            // German
            ["der", "das", "und", "ist", "nicht", "ich", "ein", "eine", "mit", "auf", "für", "schon", "wieder", "noch", "sehr",
                "auch", "sich", "den", "dem", "kein", "keine", "mein", "meine", "hat", "sind", "wir", "aber", "nur", "dass", "von",
                "bei", "nach", "wie", "ihr", "seit", "immer", "wird", "habe", "einen", "einem", "zum", "zur", "uns", "euch"],

            // Spanish
            ["el", "los", "las", "y", "es", "está", "están", "muy", "pero", "con", "una", "mi", "mis", "lo", "del", "al", "qué",
                "más", "otra", "vez", "hay", "ya", "esta", "este", "eso", "sin", "nadie", "estoy", "fue", "también", "cuando",
                "porque", "nos", "su", "sus", "ni", "le", "les"],

            // French
            ["le", "les", "des", "est", "et", "je", "pas", "une", "du", "au", "aux", "ce", "cette", "c'est", "j'ai", "très",
                "mais", "pour", "avec", "sur", "qui", "ne", "plus", "encore", "mon", "mes", "vous", "nous", "il", "elle", "ça",
                "rien", "tout", "n'est", "j'en", "m'a", "depuis", "toujours"],

            // Portuguese
            ["um", "uma", "não", "é", "com", "dos", "das", "na", "em", "eu", "meu", "minha", "muito", "isso", "esse", "essa",
                "foi", "ao", "à", "você", "já", "tudo", "ainda", "sem", "obrigado", "obrigada", "está", "estou", "pelo", "pela"],
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

        return lookup.Where(pair => pair.Value >= 0).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
