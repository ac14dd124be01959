using System.Buffers;

namespace Monitro.Analysis;

/// <summary>
/// Finds intents in English social text with a table of phrases: complaint, churn risk, question or help request,
/// purchase intent, praise, job seeking, hiring and referral (a recommendation that tags a third person).
/// </summary>
/// <remarks>
/// <para>Matching is case-insensitive, respects word boundaries and treats ’ as '. A negation in the two words before
/// a phrase ("not switching to", "don't love") cancels it. Each intent is reported once, with the phrase of its
/// strongest match and a confidence that grows when several phrases agree (noisy-OR).</para>
/// <para>For text in another language (a language tag other than <c>en</c>) only language-independent signals count:
/// a question mark, <c>#opentowork</c>, <c>#hiring</c>.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class RuleIntentDetector : IIntentDetector
{
    private const int MaxGapCharacters = 40;
    private const int MaxQuestionPhraseLength = 120;

    private static readonly IntentLabel[] Labels = Enum.GetValues<IntentLabel>();
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?\n");

    private readonly IReadOnlyList<IntentRule> _rules;

    /// <summary>Initializes a new instance of the <see cref="RuleIntentDetector"/> class with the built-in phrase table.</summary>
    public RuleIntentDetector()
    {
        _rules = IntentRules.All;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<IntentHit> Detect(string text, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var englishRules = LanguageTags.MayBeEnglish(language);
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var best = new Match[Labels.Length];
        try
        {
            var normalized = Normalize(text, buffer);
            var hasMention = HasMention(normalized);
            foreach (var rule in _rules)
            {
                if ((!englishRules && !rule.LanguageIndependent) || (rule.RequiresMention && !hasMention))
                {
                    continue;
                }

                if (TryFind(normalized, rule, out var start, out var end)
                    && !(rule.Label == IntentLabel.Praise && IsInQuestion(normalized, end)))
                {
                    best[(int)rule.Label].Add(rule.Confidence, start, end);
                }
            }

            if (TryFindQuestion(normalized, out var questionStart, out var questionEnd))
            {
                best[(int)IntentLabel.Question].Add(IntentRules.QuestionMarkConfidence, questionStart, questionEnd);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        List<IntentHit>? hits = null;
        for (var i = 0; i < best.Length; i++)
        {
            if (best[i].Count > 0)
            {
                hits ??= [];
                var phrase = text.AsSpan(best[i].Start, best[i].End - best[i].Start).Trim().ToString();
                hits.Add(new IntentHit(Labels[i], phrase, Math.Round(best[i].CombinedConfidence, 3)));
            }
        }

        return hits ?? (IReadOnlyList<IntentHit>)[];
    }

    // Lower case, ASCII apostrophes and plain spaces, character for character, so positions map back to the original text.
    private static ReadOnlySpan<char> Normalize(string text, char[] buffer)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            buffer[i] = c switch
            {
                '\u2019' or '\u2018' or '\u02BC' => '\'',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => char.ToLowerInvariant(c),
            };
        }

        return buffer.AsSpan(0, text.Length);
    }

    private static bool HasMention(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('@'); i >= 0 && i < text.Length - 1; i = NextAt(text, i))
        {
            // "@sam" tags a person; "sam@example.com" is an address.
            if ((i == 0 || !IsWordChar(text[i - 1])) && IsWordChar(text[i + 1]))
            {
                return true;
            }
        }

        return false;

        static int NextAt(ReadOnlySpan<char> text, int from)
        {
            var next = text[(from + 1)..].IndexOf('@');
            return next < 0 ? -1 : from + 1 + next;
        }
    }

    private static bool TryFind(ReadOnlySpan<char> text, IntentRule rule, out int start, out int end)
    {
        var first = rule.Parts[0];
        var from = 0;
        while (from < text.Length)
        {
            var found = text[from..].IndexOf(first, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            start = from + found;
            end = start + first.Length;
            from = start + 1;
            if (!IsBoundary(text, start, end)
                || (rule.Negatable && IsNegatedBefore(text, start))
                || PrecededBy(text, start, rule.NotPrecededBy)
                || !TryFindRemainingParts(text, rule.Parts, ref end)
                || FollowedBy(text, end, rule.NotFollowedBy))
            {
                continue;
            }

            return true;
        }

        start = end = 0;
        return false;
    }

    private static bool TryFindRemainingParts(ReadOnlySpan<char> text, string[] parts, ref int end)
    {
        for (var p = 1; p < parts.Length; p++)
        {
            var windowEnd = Math.Min(text.Length, end + MaxGapCharacters + parts[p].Length);
            var searchFrom = end;
            var matched = false;
            while (searchFrom < windowEnd)
            {
                var found = text[searchFrom..windowEnd].IndexOf(parts[p], StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                var partStart = searchFrom + found;
                var partEnd = partStart + parts[p].Length;
                if (IsBoundary(text, partStart, partEnd))
                {
                    end = partEnd;
                    matched = true;
                    break;
                }

                searchFrom = partStart + 1;
            }

            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    // A question mark that ends a question (not one inside a link); the phrase is the sentence it ends.
    private static bool TryFindQuestion(ReadOnlySpan<char> text, out int start, out int end)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '?' || (i + 1 < text.Length && IsWordChar(text[i + 1])))
            {
                continue;
            }

            end = i + 1;
            start = i;
            while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n') && end - start < MaxQuestionPhraseLength)
            {
                start--;
            }

            return true;
        }

        start = end = 0;
        return false;
    }

    // Whether the sentence around a position ends with a question mark ("what's the best CRM?" asks, it does not praise).
    private static bool IsInQuestion(ReadOnlySpan<char> text, int position)
    {
        var next = text[position..].IndexOfAny(SentenceEnds);
        return next >= 0 && text[position + next] == '?';
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int start, int end) =>
        (start == 0 || !IsWordChar(text[start - 1]) || !IsWordChar(text[start]))
        && (end >= text.Length || !IsWordChar(text[end]) || !IsWordChar(text[end - 1]));

    private static bool IsNegatedBefore(ReadOnlySpan<char> text, int start)
    {
        var position = start;
        for (var words = 0; words < 2; words++)
        {
            var word = PreviousWord(text, ref position);
            if (word.IsEmpty)
            {
                return false;
            }

            if (SentimentRules.IsNegation(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PrecededBy(ReadOnlySpan<char> text, int start, string[] words)
    {
        if (words.Length == 0)
        {
            return false;
        }

        var position = start;
        var previous = PreviousWord(text, ref position);
        foreach (var word in words)
        {
            if (previous.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowedBy(ReadOnlySpan<char> text, int end, string[] phrases)
    {
        if (phrases.Length == 0)
        {
            return false;
        }

        var rest = text[end..].TrimStart(' ');
        foreach (var phrase in phrases)
        {
            if (rest.StartsWith(phrase, StringComparison.Ordinal) && (rest.Length == phrase.Length || !IsWordChar(rest[phrase.Length])))
            {
                return true;
            }
        }

        return false;
    }

    // The word that ends before position (skipping spaces and punctuation other than apostrophes); moves position to its start.
    private static ReadOnlySpan<char> PreviousWord(ReadOnlySpan<char> text, ref int position)
    {
        var end = position;
        while (end > 0 && !IsWordChar(text[end - 1]) && text[end - 1] != '\'')
        {
            end--;
        }

        var start = end;
        while (start > 0 && (IsWordChar(text[start - 1]) || text[start - 1] == '\''))
        {
            start--;
        }

        position = start;
        return text[start..end];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private struct Match
    {
        public int Count;
        public double Strongest;
        public double Miss;
        public int Start;
        public int End;

        public readonly double CombinedConfidence => 1 - Miss;

        public void Add(double confidence, int start, int end)
        {
            Miss = Count == 0 ? 1 - confidence : Miss * (1 - confidence);
            if (Count == 0 || confidence > Strongest)
            {
                Strongest = confidence;
                Start = start;
                End = end;
            }

            Count++;
        }
    }
}
