using System.Runtime.CompilerServices;

namespace Monitro.Analysis.Intent;

/// <summary>
/// Finds the complaint, churn and question phrases of a language with built-in resources (its <c>phrases.tsv</c>)
/// in a post of that language: the intent rules of German, Spanish, French and Portuguese posts.
/// </summary>
internal static class LanguagePhraseCues
{
    /// <summary>The weight of a complaint phrase: enough on its own, as a strong English cue is.</summary>
    public const double ComplaintWeight = 1.0;

    /// <summary>The weight of a churn phrase: leaving, said plainly.</summary>
    public const double ChurnWeight = 1.0;

    /// <summary>The confidence of a question phrase, as for the English question phrases.</summary>
    public const double QuestionConfidence = 0.85;

    /// <summary>Finds the first phrase of a list in the text, on word boundaries.</summary>
    /// <param name="text">The post, lower-cased with ASCII apostrophes.</param>
    /// <param name="phrases">The phrases, lower-case.</param>
    /// <param name="sentenceStartOnly">Whether a phrase counts only where a sentence starts (question openers such as "il y a", "se puede" are ordinary words elsewhere).</param>
    /// <param name="start">Receives the start of the phrase.</param>
    /// <param name="end">Receives the end of the phrase.</param>
    /// <returns><see langword="true"/> when a phrase was found.</returns>
    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryFind(ReadOnlySpan<char> text, IReadOnlyList<string> phrases, bool sentenceStartOnly, out int start, out int end)
    {
        start = end = 0;
        var found = false;
        foreach (var phrase in phrases)
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text[from..].IndexOf(phrase, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                at += from;
                from = at + 1;
                if ((found && at >= start) || !IntentText.IsBoundary(text, at, at + phrase.Length)
                    || (sentenceStartOnly && !StartsSentence(text, at)))
                {
                    continue;
                }

                // The earliest phrase is reported, whatever the order of the list.
                (start, end, found) = (at, at + phrase.Length, true);
                break;
            }
        }

        return found;
    }

    // Whether only spaces, quotes and handles stand between the position and the start of
    // the text, the end of the previous sentence, or an opening ¿ or ¡.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsSentence(ReadOnlySpan<char> text, int position)
    {
        var i = position - 1;
        while (i >= 0)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '\n' or '¿' or '¡')
            {
                return true;
            }

            if (c is ' ' or '"' or '(')
            {
                i--;
                continue;
            }

            // A handle or hashtag before the question ("@telvia wie kann ich …").
            var wordEnd = i;
            while (i >= 0 && (IntentText.IsWordChar(text[i]) || text[i] == '_'))
            {
                i--;
            }

            if (i < 0 || text[i] is not ('@' or '#') || wordEnd == i)
            {
                return false;
            }

            i--;
        }

        return true;
    }
}
